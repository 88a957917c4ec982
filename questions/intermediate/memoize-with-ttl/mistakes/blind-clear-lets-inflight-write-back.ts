// Title: clear() empties the map, but calls in flight still write back (or delete) when they settle
// Breaks: "a call that was in flight when `clear()` ran must not put its result (or remove anyone else's) when it settles later"
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
  /** null while in flight. */
  resolvedAt: number | null;
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
  let cache = new Map<string, Entry<R>>();

  const memoized = ((...args: A): Promise<R> => {
    let key: string;
    try {
      key = keyOf(...args);
    } catch (error) {
      return Promise.reject(error);
    }
    const hit = cache.get(key);
    if (hit) {
      if (hit.resolvedAt === null || now() < hit.resolvedAt + ttlMs) return hit.promise;
      cache.delete(key);
    }

    let promise: Promise<R>;
    try {
      promise = Promise.resolve(fn(...args));
    } catch (error) {
      return Promise.reject(error);
    }
    const entry: Entry<R> = { promise, resolvedAt: null };
    const owner = cache;
    owner.set(key, entry);
    promise.then(
      () => {
        entry.resolvedAt = now();
        owner.set(key, entry);
      },
      () => {
        owner.delete(key);
      },
    );
    return promise;
  }) as Memoized<A, R>;

  memoized.clear = () => {
    cache.clear();
  };
  return memoized;
}
