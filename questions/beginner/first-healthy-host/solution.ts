export interface Host {
  name: string;
  /** A host in maintenance is skipped without a check. */
  maintenance?: boolean;
}

export interface Choice {
  /** The first healthy host, or null when there is none. */
  host: string | null;
  /** The names passed to isHealthy, in order. */
  checked: string[];
}

export function firstHealthyHost(hosts: readonly Host[], isHealthy: (name: string) => boolean): Choice {
  const checked: string[] = [];
  for (const host of hosts) {
    if (host.maintenance === true) continue;
    checked.push(host.name);
    let healthy: boolean;
    try {
      healthy = isHealthy(host.name);
    } catch {
      healthy = false;
    }
    if (healthy) return { host: host.name, checked };
  }
  return { host: null, checked };
}
