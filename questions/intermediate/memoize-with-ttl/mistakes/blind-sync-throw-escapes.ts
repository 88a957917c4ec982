// Title: A synchronous throw from fn escapes the memoized call instead of becoming a rejected promise
// Breaks: "If `fn` throws synchronously, the memoized call returns a rejected promise (it does not throw) and nothing is cached."
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

interface Entry<R> {
  promise: Promise<R>;
  settled: boolean;
  expiresAt: number;
}

export function memoize<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  options: MemoizeOptions<A>,
): Memoized<A, R> {
  const { ttlMs, now } = options;
  if (typeof ttlMs !== 'number' || Number.isNaN(ttlMs) || ttlMs < 0) {
    throw new RangeError(`ttlMs must be a number >= 0, got ${String(ttlMs)}`);
  }
  const keyOf = options.key ?? ((...args: A) => JSON.stringify(args));
  const cache = new Map<string, Entry<R>>();

  const memoized = ((...args: A): Promise<R> => {
    const key = keyOf(...args);
    const hit = cache.get(key);
    if (hit) {
      if (!hit.settled || now() < hit.expiresAt) return hit.promise;
      cache.delete(key);
    }
    const promise = Promise.resolve(fn(...args));
    const entry: Entry<R> = { promise, settled: false, expiresAt: 0 };
    cache.set(key, entry);
    promise.then(
      () => {
        if (cache.get(key) !== entry) return;
        entry.settled = true;
        entry.expiresAt = now() + ttlMs;
      },
      () => {
        if (cache.get(key) === entry) cache.delete(key);
      },
    );
    return promise;
  }) as Memoized<A, R>;

  memoized.clear = () => {
    cache.clear();
  };
  return memoized;
}
