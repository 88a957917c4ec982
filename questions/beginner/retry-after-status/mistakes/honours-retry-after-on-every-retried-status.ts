// Title: Honours Retry-After on every retried status, 502 and 504 included
// Breaks: "On `502` and `504` a `Retry-After` header is ignored too."
export interface RetryPolicy { maxRetries: number; baseDelayMs: number; maxDelayMs: number }
export function retryDelay(status: number, headers: Record<string, string>, retry: number, policy: RetryPolicy): number | null {
  if (![429, 502, 503, 504].includes(status)) return null;
  if (retry > policy.maxRetries) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === "retry-after");
  const v = key === undefined ? undefined : headers[key];
  if (v !== undefined && /^[0-9]+$/.test(v)) {
    const ms = Number(v) * 1000;
    return ms > policy.maxDelayMs ? null : ms;
  }
  return Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
}
