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
  throw new Error('Not implemented: createHealthChecker');
}
