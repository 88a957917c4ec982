// Title: Accepts a non-integer concurrency such as 2.5 (only checks >= 1)
// Breaks: "`concurrency` must be a whole number of at least 1, otherwise `createHealthChecker` throws a `RangeError`"
export interface Clock {
  /** Current time in milliseconds. */
  now(): number;
}

/** Performs one request; resolves with the HTTP status code, rejects on a network error. */
export type FetchStatus = (url: string) => Promise<number>;

export interface HealthCheckOptions {
  fetchStatus: FetchStatus;
  clock: Clock;
  /** Maximum number of requests in flight at once (whole number >= 1). */
  concurrency: number;
  /** How long a result stays fresh, in milliseconds. */
  ttlMs: number;
}

export interface CheckResult {
  url: string;
  ok: boolean;
  status: number | null;
  error: string | null;
  cached: boolean;
}

export interface HealthChecker {
  checkAll(urls: readonly string[]): Promise<CheckResult[]>;
}

interface CacheEntry {
  result: CheckResult;
  storedAt: number;
}

export function createHealthChecker(options: HealthCheckOptions): HealthChecker {
  const { fetchStatus, clock, concurrency, ttlMs } = options;
  if (typeof concurrency !== 'number' || Number.isNaN(concurrency) || concurrency < 1) {
    throw new RangeError('concurrency must be a whole number of at least 1');
  }
  const cache = new Map<string, CacheEntry>();

  const checkOne = async (url: string): Promise<CheckResult> => {
    const entry = cache.get(url);
    if (entry !== undefined && clock.now() < entry.storedAt + ttlMs) {
      return { ...entry.result, cached: true };
    }
    try {
      const status = await fetchStatus(url);
      const result: CheckResult = {
        url,
        ok: status >= 200 && status <= 299,
        status,
        error: null,
        cached: false,
      };
      cache.set(url, { result, storedAt: clock.now() });
      return { ...result };
    } catch (error) {
      cache.delete(url);
      return {
        url,
        ok: false,
        status: null,
        error: error instanceof Error ? error.message : String(error),
        cached: false,
      };
    }
  };

  return {
    async checkAll(urls: readonly string[]): Promise<CheckResult[]> {
      const results: CheckResult[] = new Array(urls.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < urls.length) {
          const index = next++;
          results[index] = await checkOne(urls[index]);
        }
      };
      const workers: Promise<void>[] = [];
      for (let i = 0; i < Math.min(concurrency, urls.length); i++) {
        workers.push(worker());
      }
      await Promise.all(workers);
      return results;
    },
  };
}
