// Title: Catches only Error instances; a thrown string or object escapes
// Breaks: "A check that throws (an `Error` or any other value) counts as unhealthy"
export interface Host { name: string; maintenance?: boolean }
export interface Choice { host: string | null; checked: string[] }
export function firstHealthyHost(hosts: readonly Host[], isHealthy: (name: string) => boolean): Choice {
  const checked: string[] = [];
  for (const h of hosts) {
    if (h.maintenance === true) continue;
    checked.push(h.name);
    let ok: boolean;
    try {
      ok = isHealthy(h.name);
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      ok = false;
    }
    if (ok) return { host: h.name, checked };
  }
  return { host: null, checked };
}
