// Title: Caches the first result, so running a job twice restarts the service only once
// Breaks: "Each `run()` calls `restart(service, step)` once and returns what it returns."
export interface Job { name: string; run: () => string }
export type Restart = (service: string, step: string) => string;
export function makeRestartJobs(services: string[], restart: Restart): Job[] {
  const snapshot = [...services];
  return snapshot.map((service, i) => {
    let result: string | undefined;
    return {
      name: service,
      run: () => {
        if (result === undefined) result = restart(service, `${i + 1}/${snapshot.length}`);
        return result;
      },
    };
  });
}
