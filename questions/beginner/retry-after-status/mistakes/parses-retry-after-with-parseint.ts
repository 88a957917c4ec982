// Title: Parses Retry-After with parseInt, so "1.5" or " 5" count as seconds
// Breaks: "A `Retry-After` value that is not just digits (an HTTP date, `1.5`, `-1`, ` 5`, an empty string) is ignored"
export interface RetryPolicy { maxRetries: number; baseDelayMs: number; maxDelayMs: number }
export function retryDelay(status: number, headers: Record<string, string>, retry: number, policy: RetryPolicy): number | null {
  if (![429, 502, 503, 504].includes(status)) return null;
  if (retry > policy.maxRetries) return null;
  if (status === 429 || status === 503) {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === "retry-after");
    const secs = key === undefined ? NaN : parseInt(headers[key], 10);
    if (Number.isInteger(secs) && secs >= 0) {
      const ms = secs * 1000;
      return ms > policy.maxDelayMs ? null : ms;
    }
  }
  return Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
}
