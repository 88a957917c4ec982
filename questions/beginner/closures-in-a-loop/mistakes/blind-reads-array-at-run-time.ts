// Title: Each job reads services[i] when it runs, so emptying or changing the array changes the jobs
// Breaks: "later changes to the array change no job."
export interface Job { name: string; run: () => string }
export type Restart = (service: string, step: string) => string;
export function makeRestartJobs(services: string[], restart: Restart): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < services.length; i++) {
    jobs.push({ name: services[i], run: () => restart(services[i], `${i + 1}/${services.length}`) });
  }
  return jobs;
}
