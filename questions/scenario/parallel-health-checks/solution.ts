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

export function createHealthChecker(options: HealthCheckOptions): HealthChecker {
  const { fetchStatus, clock, concurrency, ttlMs } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number >= 1, got ${concurrency}`);
  }
  const cache = new Map<string, { storedAt: number; result: CheckResult }>();

  async function checkOne(url: string): Promise<CheckResult> {
    const hit = cache.get(url);
    if (hit && clock.now() < hit.storedAt + ttlMs) {
      return { ...hit.result, cached: true };
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
      cache.set(url, { storedAt: clock.now(), result });
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { url, ok: false, status: null, error: message, cached: false };
    }
  }

  return {
    async checkAll(urls) {
      const results: CheckResult[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < urls.length) {
          const index = next++;
          results[index] = await checkOne(urls[index]);
        }
      };
      const workers = Array.from({ length: Math.min(concurrency, urls.length) }, () => worker());
      await Promise.all(workers);
      return results;
    },
  };
}
