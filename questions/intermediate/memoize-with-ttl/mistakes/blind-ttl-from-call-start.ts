// Title: Counts the TTL from when the call started, not when it resolved
// Breaks: "a successful result is fresh from the moment it **resolved** (read `now()` then) for `ttlMs` milliseconds"
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

    const startedAt = now();
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
        if (owner.get(key) === entry) entry.resolvedAt = startedAt;
      },
      () => {
        if (owner.get(key) === entry) owner.delete(key);
      },
    );
    return promise;
  }) as Memoized<A, R>;

  memoized.clear = () => {
    cache = new Map();
  };
  return memoized;
}
