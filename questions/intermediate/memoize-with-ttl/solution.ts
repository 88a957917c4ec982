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
  /** Infinity while the call is in flight. */
  freshUntil: number;
}

export function memoize<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  options: MemoizeOptions<A>,
): Memoized<A, R> {
  const { ttlMs, now } = options;
  if (typeof ttlMs !== 'number' || !(ttlMs >= 0)) {
    throw new RangeError(`ttlMs must be a number >= 0, got ${ttlMs}`);
  }
  const keyOf = options.key ?? ((...args: A): string => JSON.stringify(args));
  const cache = new Map<string, Entry<R>>();

  const call = (...args: A): Promise<R> => {
    const key = keyOf(...args);
    const hit = cache.get(key);
    if (hit !== undefined && now() < hit.freshUntil) return hit.promise;
    cache.delete(key);

    let promise: Promise<R>;
    try {
      promise = Promise.resolve(fn(...args));
    } catch (error) {
      return Promise.reject(error);
    }
    const entry: Entry<R> = { promise, freshUntil: Infinity };
    cache.set(key, entry);
    promise.then(
      () => {
        entry.freshUntil = now() + ttlMs;
      },
      () => {
        if (cache.get(key) === entry) cache.delete(key);
      },
    );
    return promise;
  };

  return Object.assign(call, { clear: (): void => cache.clear() });
}
