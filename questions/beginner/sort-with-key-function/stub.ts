export type SortKey = number | string;

export interface SortOptions {
  /** Largest key first; equal keys still keep their original order. */
  reverse?: boolean;
}

/** Like Python's sorted(items, key=..., reverse=...): a new, stably sorted array. */
export function sortBy<T>(items: readonly T[], key: (item: T) => SortKey, options: SortOptions = {}): T[] {
  throw new Error('Not implemented: sortBy');
}

export interface Server {
  name: string;
  env: string;
  port: number;
  healthy: boolean;
}

/** "name:port" of the healthy servers in `env`, lowest port first. */
export function healthyEndpoints(servers: readonly Server[], env: string): string[] {
  throw new Error('Not implemented: healthyEndpoints');
}
