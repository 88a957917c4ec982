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

  it('treats every 2xx status as healthy and anything outside 200-299 as not', async () => {
    const urls = twenty.slice(0, 6);
    const statuses = [200, 204, 299, 199, 300, 301];
    const svc = fakeService({ statuses: Object.fromEntries(urls.map((u, i) => [u, statuses[i]])) });
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 3, ttlMs: 1000 });
    const results = await checker.checkAll(urls);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false, false]);
    expect(results.map((r) => r.status)).toEqual(statuses);
    expect(results.every((r) => r.error === null)).toBe(true);
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

  it.each([0, -1, 2.5, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects concurrency %p with a RangeError', (concurrency) => {
    const svc = fakeService();
    expect(() => createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency, ttlMs: 1 })).toThrow(RangeError);
    expect(svc.calls).toEqual([]);
  });

  it('accepts concurrency 1 and then runs the checks one at a time, in input order', async () => {
    const svc = fakeService();
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 1, ttlMs: 1000 });
    const results = await checker.checkAll(twenty.slice(0, 4));
    expect(results.map((r) => r.url)).toEqual(twenty.slice(0, 4));
    expect(svc.calls).toEqual(twenty.slice(0, 4));
    expect(svc.maxInFlight()).toBe(1);
  });

  it('resolves an empty list with an empty array and no requests', async () => {
    const svc = fakeService();
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(), concurrency: 3, ttlMs: 1000 });
    await expect(checker.checkAll([])).resolves.toEqual([]);
    expect(svc.calls).toEqual([]);
  });

  it('starts the next URL as soon as any request settles, not after a whole batch', async () => {
    const urls = twenty.slice(0, 5);
    const inFlightAtStart: number[] = [];
    const svc = fakeService({ delays: { [urls[0]]: 30, [urls[1]]: 1, [urls[2]]: 1, [urls[3]]: 1, [urls[4]]: 1 } });
    let inFlight = 0;
    const fetchStatus = async (url: string): Promise<number> => {
      inFlight++;
      inFlightAtStart.push(inFlight);
      try {
        return await svc.fetchStatus(url);
      } finally {
        inFlight--;
      }
    };
    const checker = createHealthChecker({ fetchStatus, clock: fakeClock(), concurrency: 2, ttlMs: 1000 });
    const results = await checker.checkAll(urls);
    expect(results.map((r) => r.url)).toEqual(urls);
    // urls[0] is slow: the other four run one after another in the second slot while it is still in flight.
    expect(inFlightAtStart).toEqual([1, 2, 2, 2, 2]);
    expect(svc.calls).toEqual(urls);
  });

  it('stamps a cache entry when the result is stored, after the request took its time', async () => {
    const clock = fakeClock(0);
    const calls: string[] = [];
    const slowFetch = async (url: string): Promise<number> => {
      calls.push(url);
      await Promise.resolve();
      clock.set(clock.now() + 300); // the request takes 300 ms
      return 200;
    };
    const checker = createHealthChecker({ fetchStatus: slowFetch, clock, concurrency: 1, ttlMs: 1_000 });
    await checker.checkAll([twenty[0]]); // stored at 300, fresh before 1300
    clock.set(1_299);
    const [fresh] = await checker.checkAll([twenty[0]]);
    expect(fresh.cached).toBe(true);
    expect(calls).toHaveLength(1);
    clock.set(1_300);
    const [expired] = await checker.checkAll([twenty[0]]);
    expect(expired.cached).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('caches an unhealthy status code like any other result', async () => {
    const urls = twenty.slice(0, 2);
    const svc = fakeService({ statuses: { [urls[0]]: 500, [urls[1]]: 404 } });
    const clock = fakeClock(0);
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock, concurrency: 2, ttlMs: 1_000 });
    await checker.checkAll(urls);
    clock.set(999);
    const again = await checker.checkAll(urls);
    expect(again).toEqual([
      { url: urls[0], ok: false, status: 500, error: null, cached: true },
      { url: urls[1], ok: false, status: 404, error: null, cached: true },
    ]);
    expect(svc.calls).toEqual(urls);
  });

  it('caches nothing when ttlMs is 0', async () => {
    const svc = fakeService();
    const checker = createHealthChecker({ fetchStatus: svc.fetchStatus, clock: fakeClock(5), concurrency: 1, ttlMs: 0 });
    await checker.checkAll([twenty[0]]);
    const [second] = await checker.checkAll([twenty[0]]);
    expect(second.cached).toBe(false);
    expect(svc.calls).toEqual([twenty[0], twenty[0]]);
  });

  it('puts String(value) in error when fetchStatus rejects with something that is not an Error', async () => {
    const urls = twenty.slice(0, 2);
    const fetchStatus = async (url: string): Promise<number> => {
      if (url === urls[0]) throw 'ETIMEDOUT';
      throw { code: 'ECONNRESET' };
    };
    const checker = createHealthChecker({ fetchStatus, clock: fakeClock(), concurrency: 2, ttlMs: 1000 });
    const results = await checker.checkAll(urls);
    expect(results).toEqual([
      { url: urls[0], ok: false, status: null, error: 'ETIMEDOUT', cached: false },
      { url: urls[1], ok: false, status: null, error: '[object Object]', cached: false },
    ]);
  });
});
