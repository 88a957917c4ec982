import { retryDelay, type RetryPolicy } from './solution';

const policy: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

describe('retryDelay', () => {
  it('retries 429, 502, 503 and 504 with exponential backoff', () => {
    for (const status of [429, 502, 503, 504]) {
      expect([1, 2, 3, 4, 5].map((retry) => retryDelay(status, {}, retry, policy))).toEqual([500, 1000, 2000, 4000, 8000]);
    }
  });

  it.each([200, 201, 204, 301, 304, 400, 401, 403, 404, 408, 409, 413, 422, 428, 430, 500, 501, 505, 511, 599, 0])(
    'does not retry status %p',
    (status) => {
      expect(retryDelay(status, {}, 1, policy)).toBeNull();
      expect(retryDelay(status, { 'Retry-After': '1' }, 1, policy)).toBeNull();
    },
  );

  it('stops after maxRetries retries: the last allowed one still waits', () => {
    const small: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 };
    expect(retryDelay(503, {}, 3, small)).toBe(400);
    expect(retryDelay(503, {}, 4, small)).toBeNull();
    expect(retryDelay(429, { 'Retry-After': '2' }, 3, small)).toBe(2000);
    expect(retryDelay(429, { 'Retry-After': '2' }, 4, small)).toBeNull();
    expect(retryDelay(502, {}, 10, small)).toBeNull();
  });

  it('never retries when maxRetries is 0', () => {
    const none: RetryPolicy = { maxRetries: 0, baseDelayMs: 100, maxDelayMs: 10_000 };
    expect(retryDelay(503, {}, 1, none)).toBeNull();
    expect(retryDelay(429, { 'Retry-After': '1' }, 1, none)).toBeNull();
  });

  it('caps the backoff at maxDelayMs', () => {
    const capped: RetryPolicy = { maxRetries: 5000, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5, 6].map((retry) => retryDelay(504, {}, retry, capped))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
    expect(retryDelay(504, {}, 2000, capped)).toBe(5000);
    const exact: RetryPolicy = { maxRetries: 10, baseDelayMs: 250, maxDelayMs: 1000 };
    expect([1, 2, 3, 4].map((retry) => retryDelay(502, {}, retry, exact))).toEqual([250, 500, 1000, 1000]);
  });

  it('backs off from baseDelayMs 0 as 0, and a cap of 0 waits 0', () => {
    expect(retryDelay(503, {}, 3, { maxRetries: 5, baseDelayMs: 0, maxDelayMs: 1000 })).toBe(0);
    expect(retryDelay(503, {}, 3, { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 0 })).toBe(0);
  });

  it('obeys Retry-After seconds on 429 and 503, whatever the retry number', () => {
    expect(retryDelay(429, { 'Retry-After': '7' }, 1, policy)).toBe(7000);
    expect(retryDelay(503, { 'Retry-After': '7' }, 1, policy)).toBe(7000);
    expect(retryDelay(429, { 'Retry-After': '3' }, 4, policy)).toBe(3000);
    expect(retryDelay(503, { 'Retry-After': '120' }, 2, { ...policy, maxDelayMs: 200_000 })).toBe(120_000);
  });

  it('waits 0 ms for Retry-After: 0, and reads leading zeros as digits', () => {
    expect(retryDelay(429, { 'Retry-After': '0' }, 3, policy)).toBe(0);
    expect(retryDelay(503, { 'Retry-After': '007' }, 1, policy)).toBe(7000);
  });

  it('finds the header whatever the case of its name', () => {
    for (const name of ['Retry-After', 'retry-after', 'RETRY-AFTER', 'rEtRy-AfTeR']) {
      expect(retryDelay(429, { 'Content-Type': 'text/plain', [name]: '9' }, 1, policy)).toBe(9000);
    }
  });

  it('ignores other headers, even ones whose value looks like a wait', () => {
    expect(retryDelay(429, { 'X-Retry-After': '9', 'Retry-After-Ms': '9', RetryAfter: '9' }, 1, policy)).toBe(500);
  });

  it('ignores Retry-After on 502 and 504', () => {
    expect(retryDelay(502, { 'Retry-After': '9' }, 1, policy)).toBe(500);
    expect(retryDelay(504, { 'retry-after': '30' }, 2, policy)).toBe(1000);
    expect(retryDelay(504, { 'Retry-After': '999' }, 1, policy)).toBe(500);
  });

  it.each(['Wed, 21 Oct 2026 07:28:00 GMT', '1.5', '-1', '+5', ' 5', '5 ', '', '5s', 'soon', '0x10', '1e3', '٣', 'Infinity', 'NaN'])(
    'ignores a Retry-After value that is not just digits: %p',
    (value) => {
      expect(retryDelay(429, { 'Retry-After': value }, 2, policy)).toBe(1000);
      expect(retryDelay(503, { 'retry-after': value }, 1, policy)).toBe(500);
    },
  );

  it('gives up when Retry-After asks for longer than maxDelayMs, and waits when it is exactly the cap', () => {
    const cap: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };
    expect(retryDelay(429, { 'Retry-After': '30' }, 1, cap)).toBe(30_000);
    expect(retryDelay(429, { 'Retry-After': '31' }, 1, cap)).toBeNull();
    expect(retryDelay(503, { 'Retry-After': '3600' }, 1, cap)).toBeNull();
    expect(retryDelay(503, { 'Retry-After': '99999999999999999999' }, 1, cap)).toBeNull();
    const tight: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 1500 };
    expect(retryDelay(429, { 'Retry-After': '1' }, 1, tight)).toBe(1000);
    expect(retryDelay(429, { 'Retry-After': '2' }, 1, tight)).toBeNull();
    expect(retryDelay(429, { 'Retry-After': '0' }, 1, { ...tight, maxDelayMs: 0 })).toBe(0);
    expect(retryDelay(429, { 'Retry-After': '1' }, 1, { ...tight, maxDelayMs: 999 })).toBeNull();
  });

  it('does not change the headers or the policy it is given', () => {
    const headers = Object.freeze({ 'Retry-After': '4' });
    const frozen = Object.freeze({ ...policy });
    expect(retryDelay(429, headers, 1, frozen)).toBe(4000);
    expect(headers).toEqual({ 'Retry-After': '4' });
    expect(frozen).toEqual(policy);
  });
});
