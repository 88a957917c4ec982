// Title: Keeps looping after the first healthy host (no break): checks the hosts after it
// Breaks: "until one is healthy: that host's name is `host`, and no host after it is checked."
export interface Host { name: string; maintenance?: boolean }
export interface Choice { host: string | null; checked: string[] }
export function firstHealthyHost(hosts: readonly Host[], isHealthy: (name: string) => boolean): Choice {
  const checked: string[] = [];
  let host: string | null = null;
  for (const h of hosts) {
    if (h.maintenance) continue;
    checked.push(h.name);
    let ok = false;
    try { ok = isHealthy(h.name); } catch { ok = false; }
    if (ok && host === null) host = h.name;
  }
  return { host, checked };
}
