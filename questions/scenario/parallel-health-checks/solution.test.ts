import { createHealthChecker } from './solution';

interface FakeOptions {
  /** Microtask turns before a URL answers (default 1); vary it to change completion order. */
  delays?: Record<string, number>;
  statuses?: Record<string, number>;
  failing?: string[];
}

function fakeService(opts: FakeOptions = {}) {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchStatus = async (url: string): Promise<number> => {
    calls.push(url);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const turns = opts.delays?.[url] ?? 1;
      for (let i = 0; i < turns; i++) await Promise.resolve();
      if (opts.failing?.includes(url)) throw new Error(`connect ECONNREFUSED ${url}`);
      return opts.statuses?.[url] ?? 200;
    } finally {
      inFlight--;
    }
  };
  return { fetchStatus, calls, maxInFlight: () => maxInFlight };
}

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, set: (v: number) => { t = v; } };
}

const twenty = Array.from({ length: 20 }, (_, i) => `https://svc-${i}.internal/health`);

describe('createHealthChecker', () => {
  it('never has more than `concurrency` requests in flight, and uses that many', async () => {
    const svc = fakeService();
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 4, ttlMs: 1000 });
    const results = await checker.checkAll(twenty);
    expect(results).toHaveLength(20);
    expect(svc.calls).toHaveLength(20);
    expect(svc.maxInFlight()).toBe(4);
  });

  it('does not start more workers than there are URLs', async () => {
    const svc = fakeService();
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 10, ttlMs: 1000 });
    const results = await checker.checkAll(twenty.slice(0, 3));
    expect(results.map((r) => r.url)).toEqual(twenty.slice(0, 3));
    expect(svc.maxInFlight()).toBe(3);
  });

  it('returns results in input order even when later URLs answer first', async () => {
    const delays: Record<string, number> = {};
    twenty.forEach((url, i) => { delays[url] = 40 - 2 * i; });
    const svc = fakeService({ delays });
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 5, ttlMs: 1000 });
    const results = await checker.checkAll(twenty);
    expect(results.map((r) => r.url)).toEqual(twenty);
  });

  it('records failures per endpoint instead of rejecting the whole run', async () => {
    const urls = twenty.slice(0, 4);
    const svc = fakeService({ failing: [urls[1]], statuses: { [urls[2]]: 503 } });
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 2, ttlMs: 1000 });
    const results = await checker.checkAll(urls);
    expect(results).toEqual([
      { url: urls[0], ok: true, status: 200, error: null, cached: false },
      { url: urls[1], ok: false, status: null, error: `connect ECONNREFUSED ${urls[1]}`, cached: false },
      { url: urls[2], ok: false, status: 503, error: null, cached: false },
      { url: urls[3], ok: true, status: 200, error: null, cached: false },
    ]);
  });

  it('treats every 2xx status as healthy and 3xx as not', async () => {
    const urls = twenty.slice(0, 3);
    const svc = fakeService({ statuses: { [urls[0]]: 204, [urls[1]]: 299, [urls[2]]: 301 } });
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 3, ttlMs: 1000 });
    const results = await checker.checkAll(urls);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
  });

  it('serves a repeated check from the cache within the TTL', async () => {
    const svc = fakeService();
    const clock = fakeClock(1_000);
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock, concurrency: 3, ttlMs: 5_000 });
    await checker.checkAll(twenty.slice(0, 3));
    clock.set(1_000 + 4_999);
    const again = await checker.checkAll(twenty.slice(0, 3));
    expect(svc.calls).toHaveLength(3);
    expect(again.every((r) => r.cached && r.ok && r.status === 200)).toBe(true);
  });

  it('re-fetches once the TTL has elapsed (an entry expires exactly at storedAt + ttl)', async () => {
    const svc = fakeService();
    const clock = fakeClock(1_000);
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock, concurrency: 2, ttlMs: 5_000 });
    await checker.checkAll([twenty[0]]);
    clock.set(6_000);
    const [atExpiry] = await checker.checkAll([twenty[0]]);
    expect(atExpiry.cached).toBe(false);
    expect(svc.calls).toEqual([twenty[0], twenty[0]]);
  });

  it('restarts the TTL from the time of the new fetch', async () => {
    const svc = fakeService();
    const clock = fakeClock(0);
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock, concurrency: 1, ttlMs: 100 });
    await checker.checkAll([twenty[0]]);
    clock.set(150);
    await checker.checkAll([twenty[0]]);
    clock.set(249);
    const [third] = await checker.checkAll([twenty[0]]);
    expect(third.cached).toBe(true);
    expect(svc.calls).toHaveLength(2);
  });

  it('does not cache network errors, so the next run retries them', async () => {
    const svc = fakeService({ failing: [twenty[0]] });
    const clock = fakeClock(0);
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock, concurrency: 1, ttlMs: 10_000 });
    await checker.checkAll([twenty[0]]);
    clock.set(10);
    const [second] = await checker.checkAll([twenty[0]]);
    expect(svc.calls).toHaveLength(2);
    expect(second.cached).toBe(false);
    expect(second.ok).toBe(false);
  });

  it('mixes cached and fresh results in one run, keeping input order', async () => {
    const svc = fakeService();
    const clock = fakeClock(0);
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock, concurrency: 2, ttlMs: 1_000 });
    await checker.checkAll([twenty[1]]);
    const results = await checker.checkAll(twenty.slice(0, 3));
    expect(results.map((r) => [r.url, r.cached])).toEqual([[twenty[0], false], [twenty[1], true], [twenty[2], false]]);
    expect(svc.calls).toEqual([twenty[1], twenty[0], twenty[2]]);
  });

  it.each([0, -1, 2.5])('rejects concurrency %p with a RangeError', (concurrency) => {
    const svc = fakeService();
    expect(() => createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency, ttlMs: 1 })).toThrow(RangeError);
  });
});
