// Title: A check that throws ends the search with null instead of moving on
// Breaks: "A check that throws (an `Error` or any other value) counts as unhealthy: go on to the next host."
export interface Host { name: string; maintenance?: boolean }
export interface Choice { host: string | null; checked: string[] }
export function firstHealthyHost(hosts: readonly Host[], isHealthy: (name: string) => boolean): Choice {
  const checked: string[] = [];
  try {
    for (const h of hosts) {
      if (h.maintenance) continue;
      checked.push(h.name);
      if (isHealthy(h.name)) return { host: h.name, checked };
    }
  } catch {
    return { host: null, checked };
  }
  return { host: null, checked };
}
