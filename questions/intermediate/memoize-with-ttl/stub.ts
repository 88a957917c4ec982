export type Clock = () => number;

export interface MemoizeOptions<A extends unknown[]> {
  /** How long a successful result stays fresh, in milliseconds, counted from when it resolved. */
  ttlMs: number;
  /** Current time in milliseconds. */
  now: Clock;
  /** Cache key for a call; default JSON.stringify(args). */
  key?: (...args: A) => string;
}

export interface Memoized<A extends unknown[], R> {
  (...args: A): Promise<R>;
  /** Forget every cached and in-flight result. */
  clear(): void;
}

export function memoize<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  options: MemoizeOptions<A>,
): Memoized<A, R> {
  throw new Error('Not implemented: memoize');
}
