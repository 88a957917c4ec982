export interface Job {
  name: string;
  run: () => string;
}

/** Restarts one service; `step` is "<position>/<count>", e.g. "2/3". */
export type Restart = (service: string, step: string) => string;

export function makeRestartJobs(services: string[], restart: Restart): Job[] {
  throw new Error('Not implemented: makeRestartJobs');
}
