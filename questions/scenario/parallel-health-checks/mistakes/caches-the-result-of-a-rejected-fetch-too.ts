// Title: Caches the result of a rejected fetch too
// Breaks: "Rejected fetches are **not** cached (a network blip should be retried next time)."
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHealthChecker(options: HealthCheckOptions): HealthChecker {
  const { fetchStatus, clock, concurrency, ttlMs } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
  }

  const cache = new Map<string, CacheEntry>();

  const checkOne = async (url: string): Promise<CheckResult> => {
    const entry = cache.get(url);
    if (entry !== undefined && clock.now() < entry.storedAt + ttlMs) {
      return { ...entry.result, cached: true };
    }
    let status: number;
    try {
      status = await fetchStatus(url);
    } catch (error) {
      const failed: CheckResult = { url, ok: false, status: null, error: messageOf(error), cached: false };
      cache.set(url, { result: failed, storedAt: clock.now() });
      return failed;
    }
    const result: CheckResult = { url, ok: status >= 200 && status <= 299, status, error: null, cached: false };
    cache.set(url, { result, storedAt: clock.now() });
    return result;
  };

  return {
    async checkAll(urls: readonly string[]): Promise<CheckResult[]> {
      const results: CheckResult[] = new Array<CheckResult>(urls.length);
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
