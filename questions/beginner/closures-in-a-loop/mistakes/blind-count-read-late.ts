// Title: Binds the service but reads the count from the live array when the job runs
// Breaks: "The service and the step are those of `services` at the time `makeRestartJobs` was called"
export interface Job { name: string; run: () => string }
export type Restart = (service: string, step: string) => string;
export function makeRestartJobs(services: string[], restart: Restart): Job[] {
  return services.map((service, i) => ({ name: service, run: () => restart(service, `${i + 1}/${services.length}`) }));
}
