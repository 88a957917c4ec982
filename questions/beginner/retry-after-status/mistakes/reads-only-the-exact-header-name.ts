// Title: Reads headers["Retry-After"] only, so retry-after in lower case is ignored
// Breaks: "Header names are case-insensitive"
export interface RetryPolicy { maxRetries: number; baseDelayMs: number; maxDelayMs: number }
export function retryDelay(status: number, headers: Record<string, string>, retry: number, policy: RetryPolicy): number | null {
  if (![429, 502, 503, 504].includes(status)) return null;
  if (retry > policy.maxRetries) return null;
  if (status === 429 || status === 503) {
    const v = headers["Retry-After"];
    if (v !== undefined && /^[0-9]+$/.test(v)) {
      const ms = Number(v) * 1000;
      return ms > policy.maxDelayMs ? null : ms;
    }
  }
  return Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
}
