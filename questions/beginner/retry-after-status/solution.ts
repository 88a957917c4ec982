export interface RetryPolicy {
  /** How many retries are allowed after the first request. */
  maxRetries: number;
  /** Backoff without Retry-After: baseDelayMs * 2 ** (retry - 1). */
  baseDelayMs: number;
  /** Never wait longer than this. */
  maxDelayMs: number;
}

/** Worth a retry: rate limited (429) or a gateway / overloaded server (502, 503, 504). */
const RETRYABLE = new Set([429, 502, 503, 504]);
/** The statuses a server sends Retry-After with (RFC 9110 / RFC 6585). */
const HONOURS_RETRY_AFTER = new Set([429, 503]);

/** Header names are case-insensitive, as in requests' CaseInsensitiveDict. */
function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Milliseconds to wait before retry number `retry`, or null when the request should not be retried. */
export function retryDelay(
  status: number,
  headers: Record<string, string>,
  retry: number,
  policy: RetryPolicy,
): number | null {
  if (!RETRYABLE.has(status) || retry > policy.maxRetries) return null;

  const retryAfter = HONOURS_RETRY_AFTER.has(status) ? header(headers, 'Retry-After') : undefined;
  if (retryAfter !== undefined && /^[0-9]+$/.test(retryAfter)) {
    const waitMs = Number(retryAfter) * 1000;
    return waitMs > policy.maxDelayMs ? null : waitMs;
  }
  return Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
}
