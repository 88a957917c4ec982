export interface RetryPolicy {
  /** How many retries are allowed after the first request. */
  maxRetries: number;
  /** Backoff without Retry-After: baseDelayMs * 2 ** (retry - 1). */
  baseDelayMs: number;
  /** Never wait longer than this. */
  maxDelayMs: number;
}

/** Milliseconds to wait before retry number `retry`, or null when the request should not be retried. */
export function retryDelay(
  status: number,
  headers: Record<string, string>,
  retry: number,
  policy: RetryPolicy,
): number | null {
  throw new Error('Not implemented: retryDelay');
}
