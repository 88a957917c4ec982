export interface Job {
  name: string;
  run: () => string;
}

/** Restarts one service; `step` is "<position>/<count>", e.g. "2/3". */
export type Restart = (service: string, step: string) => string;

export function makeRestartJobs(services: string[], restart: Restart): Job[] {
  const count = services.length;
  return services.map((service, index) => {
    const step = `${index + 1}/${count}`;
    return { name: service, run: () => restart(service, step) };
  });
}
