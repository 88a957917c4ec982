// Title: Does not reject NaN keys (only mixed types throw)
// Breaks: "a `NaN` key, throws a `TypeError`"
export type SortKey = number | string;

export interface SortOptions {
  /** Largest key first; equal keys still keep their original order. */
  reverse?: boolean;
}

/** Like Python's sorted(items, key=..., reverse=...): a new, stably sorted array. */
export function sortBy<T>(items: readonly T[], key: (item: T) => SortKey, options: SortOptions = {}): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: key(item) }));
  let kind: string | undefined;
  for (const entry of keyed) {
    const type = typeof entry.key;
    if (type !== 'number' && type !== 'string') throw new TypeError(`Unsupported key type: ${type}`);
    if (kind === undefined) kind = type;
    else if (kind !== type) throw new TypeError(`Cannot compare ${kind} keys with ${type} keys`);
  }
  const direction = options.reverse ? -1 : 1;
  keyed.sort((a, b) => {
    const order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return order * direction || a.index - b.index;
  });
  return keyed.map((entry) => entry.item);
}

export interface Server {
  name: string;
  env: string;
  port: number;
  healthy: boolean;
}

/** "name:port" of the healthy servers in `env`, lowest port first. */
export function healthyEndpoints(servers: readonly Server[], env: string): string[] {
  return sortBy(
    servers.filter((s) => s.healthy && s.env === env),
    (s) => s.port,
  ).map((s) => `${s.name}:${s.port}`);
}
