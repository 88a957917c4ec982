// Title: Records a host in checked only when it failed, so the healthy one is missing
// Breaks: "`checked` lists the names passed to `isHealthy`, in the order they were checked (the healthy one included)."
export interface Host { name: string; maintenance?: boolean }
export interface Choice { host: string | null; checked: string[] }
export function firstHealthyHost(hosts: readonly Host[], isHealthy: (name: string) => boolean): Choice {
  const checked: string[] = [];
  for (const h of hosts) {
    if (h.maintenance) continue;
    let ok = false;
    try { ok = isHealthy(h.name); } catch { ok = false; }
    if (ok) return { host: h.name, checked };
    checked.push(h.name);
  }
  return { host: null, checked };
}
