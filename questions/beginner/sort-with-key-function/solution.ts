export type SortKey = number | string;

export interface SortOptions {
  /** Largest key first; equal keys still keep their original order. */
  reverse?: boolean;
}

/** Like Python's sorted(items, key=..., reverse=...): a new, stably sorted array. */
export function sortBy<T>(items: readonly T[], key: (item: T) => SortKey, options: SortOptions = {}): T[] {
  const rows = items.map((item, index) => ({ item, index, k: key(item) }));
  const kind = rows.length > 0 ? typeof rows[0].k : undefined;
  for (const row of rows) {
    if (typeof row.k !== kind || Number.isNaN(row.k)) {
      throw new TypeError(`cannot compare sort key ${String(row.k)} with keys of type ${kind}`);
    }
  }
  const dir = options.reverse ? -1 : 1;
  rows.sort((a, b) => {
    const byKey = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    return byKey * dir || a.index - b.index;
  });
  return rows.map((row) => row.item);
}

export interface Server {
  name: string;
  env: string;
  port: number;
  healthy: boolean;
}

/** "name:port" of the healthy servers in `env`, lowest port first. */
export function healthyEndpoints(servers: readonly Server[], env: string): string[] {
  const candidates = servers.filter((s) => s.healthy && s.env === env);
  return sortBy(candidates, (s) => s.port).map((s) => `${s.name}:${s.port}`);
}
