// Title: Checks hosts in maintenance too, only refusing to pick them
// Breaks: "A host with `maintenance: true` is skipped without checking it."
export interface Host { name: string; maintenance?: boolean }
export interface Choice { host: string | null; checked: string[] }
export function firstHealthyHost(hosts: readonly Host[], isHealthy: (name: string) => boolean): Choice {
  const checked: string[] = [];
  for (const h of hosts) {
    checked.push(h.name);
    let ok = false;
    try { ok = isHealthy(h.name); } catch { ok = false; }
    if (h.maintenance) continue;
    if (ok) return { host: h.name, checked };
  }
  return { host: null, checked };
}
