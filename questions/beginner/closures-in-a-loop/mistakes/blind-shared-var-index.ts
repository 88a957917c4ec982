// Title: Late binding: a var index shared by every closure, so each job restarts past the end
// Breaks: "Each `run()` calls `restart(service, step)` once"
export interface Job { name: string; run: () => string }
export type Restart = (service: string, step: string) => string;
export function makeRestartJobs(services: string[], restart: Restart): Job[] {
  const jobs: Job[] = [];
  const copy = [...services];
  // eslint-disable-next-line no-var
  for (var i = 0; i < copy.length; i++) {
    jobs.push({ name: copy[i], run: () => restart(copy[Math.min(i, copy.length - 1)], `${i}/${copy.length}`) });
  }
  return jobs;
}
