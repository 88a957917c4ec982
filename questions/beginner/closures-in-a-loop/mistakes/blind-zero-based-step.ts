// Title: Step uses the 0-based index
// Breaks: "`step` is `"<position>/<count>"`: the service's 1-based position"
export interface Job { name: string; run: () => string }
export type Restart = (service: string, step: string) => string;
export function makeRestartJobs(services: string[], restart: Restart): Job[] {
  const snapshot = services.slice();
  return snapshot.map((service, i) => ({ name: service, run: () => restart(service, `${i}/${snapshot.length}`) }));
}
