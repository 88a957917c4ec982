// Title: Mixed number/string keys throw a plain Error instead of a TypeError
// Breaks: "Keys must be all numbers or all strings; a mix, or a `NaN` key, throws a `TypeError`"
export type SortKey = number | string;

export interface SortOptions {
  /** Largest key first; equal keys still keep their original order. */
  reverse?: boolean;
}

/** Like Python's sorted(items, key=..., reverse=...): a new, stably sorted array. */
export function sortBy<T>(items: readonly T[], key: (item: T) => SortKey, options: SortOptions = {}): T[] {
  const keys = items.map((item) => key(item));
  if (keys.length > 0) {
    const kind = typeof keys[0];
    for (const k of keys) {
      if (typeof k !== 'number' && typeof k !== 'string') {
        throw new TypeError(`unsupported sort key type ${typeof k}`);
      }
      if (typeof k !== kind) {
        throw new Error(`cannot compare ${kind} with ${typeof k} keys`);
      }
      if (typeof k === 'number' && Number.isNaN(k)) throw new TypeError('NaN is not a valid sort key');
    }
  }
  const direction = options.reverse ? -1 : 1;
  const order = keys.map((_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return c * direction || a - b;
  });
  return order.map((i) => items[i]);
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
