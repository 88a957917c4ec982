import { memoize } from './solution';

function fakeClock(start = 1_000) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

/** An async lookup that answers at once with a numbered address, so every real call is visible. */
function instantLookup() {
  const lookup = {
    calls: [] as string[],
    fn: async (host: string): Promise<string> => {
      lookup.calls.push(host);
      return `${host}=10.0.0.${lookup.calls.length}`;
    },
  };
  return lookup;
}

/** An async lookup whose calls stay pending until the test settles them. */
function pendingLookup() {
  const lookup = {
    calls: [] as { host: string; resolve: (ip: string) => void; reject: (error: unknown) => void }[],
    fn: (host: string): Promise<string> =>
      new Promise<string>((resolve, reject) => {
        lookup.calls.push({ host, resolve, reject });
      }),
  };
  return lookup;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('memoize', () => {
  it('returns the cached value within the TTL without calling the lookup again', async () => {
    const clock = fakeClock();
    const lookup = instantLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 30_000, now: clock.now });
    await expect(resolve('db.internal')).resolves.toBe('db.internal=10.0.0.1');
    clock.t += 29_999;
    await expect(resolve('db.internal')).resolves.toBe('db.internal=10.0.0.1');
    await expect(resolve('cache.internal')).resolves.toBe('cache.internal=10.0.0.2');
    expect(lookup.calls).toEqual(['db.internal', 'cache.internal']);
  });

  it('looks the value up again once ttlMs have passed, then caches the new value', async () => {
    const clock = fakeClock();
    const lookup = instantLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 5_000, now: clock.now });
    await resolve('api');
    clock.t = 1_000 + 4_999;
    await expect(resolve('api')).resolves.toBe('api=10.0.0.1');
    clock.t = 1_000 + 5_000;
    await expect(resolve('api')).resolves.toBe('api=10.0.0.2');
    clock.t += 4_999;
    await expect(resolve('api')).resolves.toBe('api=10.0.0.2');
    expect(lookup.calls).toHaveLength(2);
  });

  it('counts the TTL from when the lookup resolved, not from when it started', async () => {
    const clock = fakeClock(0);
    const lookup = pendingLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 10_000, now: clock.now });
    const first = resolve('metadata');
    clock.t = 5_000;
    lookup.calls[0].resolve('i-0abc');
    await expect(first).resolves.toBe('i-0abc');
    clock.t = 14_999;
    const cached = resolve('metadata');
    expect(lookup.calls).toHaveLength(1);
    await expect(cached).resolves.toBe('i-0abc');
    clock.t = 15_000;
    const again = resolve('metadata');
    expect(lookup.calls).toHaveLength(2);
    lookup.calls[1].resolve('i-0def');
    await expect(again).resolves.toBe('i-0def');
  });

  it('lets concurrent callers with the same key share one in-flight lookup, however long it takes', async () => {
    const clock = fakeClock();
    const lookup = pendingLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 1_000, now: clock.now });
    const a = resolve('db');
    clock.t += 60_000;
    const b = resolve('db');
    const other = resolve('queue');
    expect(lookup.calls.map((c) => c.host)).toEqual(['db', 'queue']);
    lookup.calls[0].resolve('10.1.1.1');
    lookup.calls[1].resolve('10.2.2.2');
    await expect(a).resolves.toBe('10.1.1.1');
    await expect(b).resolves.toBe('10.1.1.1');
    await expect(other).resolves.toBe('10.2.2.2');
  });

  it('hands a failure to every waiting caller, then does not cache it', async () => {
    const clock = fakeClock();
    const lookup = pendingLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 60_000, now: clock.now });
    const a = resolve('db');
    const b = resolve('db');
    expect(lookup.calls).toHaveLength(1);
    lookup.calls[0].reject(new Error('SERVFAIL'));
    await expect(a).rejects.toThrow('SERVFAIL');
    await expect(b).rejects.toThrow('SERVFAIL');
    expect(lookup.calls).toHaveLength(1);

    const retry = resolve('db');
    expect(lookup.calls).toHaveLength(2);
    lookup.calls[1].resolve('10.1.1.1');
    await expect(retry).resolves.toBe('10.1.1.1');
    await expect(resolve('db')).resolves.toBe('10.1.1.1');
    expect(lookup.calls).toHaveLength(2);
  });

  it('turns a synchronous throw into a rejected promise and caches nothing', async () => {
    const clock = fakeClock();
    let calls = 0;
    const resolve = memoize(
      (host: string): Promise<string> => {
        calls++;
        if (calls === 1) throw new Error(`bad host ${host}`);
        return Promise.resolve('10.9.9.9');
      },
      { ttlMs: 60_000, now: clock.now },
    );
    let first: Promise<string> | undefined;
    expect(() => {
      first = resolve('db');
    }).not.toThrow();
    await expect(first).rejects.toThrow('bad host db');
    await expect(resolve('db')).resolves.toBe('10.9.9.9');
    expect(calls).toBe(2);
  });

  it('keys calls by the JSON of all their arguments by default', async () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const query = memoize(
      async (host: string, type: string): Promise<string> => {
        calls.push(`${host}/${type}`);
        return `${host}/${type}#${calls.length}`;
      },
      { ttlMs: 60_000, now: clock.now },
    );
    await expect(query('db', 'A')).resolves.toBe('db/A#1');
    await expect(query('db', 'AAAA')).resolves.toBe('db/AAAA#2');
    await expect(query('db', 'A')).resolves.toBe('db/A#1');
    expect(calls).toEqual(['db/A', 'db/AAAA']);

    let objectCalls = 0;
    const describeInstance = memoize(
      async (filter: { region: string; id: string }): Promise<number> => ++objectCalls,
      { ttlMs: 60_000, now: clock.now },
    );
    await describeInstance({ region: 'eu-west-1', id: 'i-1' });
    await describeInstance({ region: 'eu-west-1', id: 'i-1' });
    await describeInstance({ region: 'eu-west-1', id: 'i-2' });
    expect(objectCalls).toBe(2);

    let joinCalls = 0;
    const joined = memoize(async (...parts: string[]): Promise<number> => ++joinCalls, { ttlMs: 60_000, now: clock.now });
    await expect(joined('a,b')).resolves.toBe(1);
    await expect(joined('a', 'b')).resolves.toBe(2);
    await expect(joined('ab', 'c')).resolves.toBe(3);
    await expect(joined('a', 'bc')).resolves.toBe(4);
    await expect(joined('a', 'b')).resolves.toBe(2);
    expect(joinCalls).toBe(4);
  });

  it('uses a custom key function, which receives every argument', async () => {
    const clock = fakeClock();
    const lookup = instantLookup();
    const seen: unknown[][] = [];
    const resolve = memoize(lookup.fn, {
      ttlMs: 60_000,
      now: clock.now,
      key: (...args: [string]) => {
        seen.push(args);
        return args[0].toLowerCase();
      },
    });
    await expect(resolve('DB.internal')).resolves.toBe('DB.internal=10.0.0.1');
    await expect(resolve('db.INTERNAL')).resolves.toBe('DB.internal=10.0.0.1');
    expect(lookup.calls).toEqual(['DB.internal']);
    expect(seen).toEqual([['DB.internal'], ['db.INTERNAL']]);
  });

  it('gives every memoized function its own cache', async () => {
    const clock = fakeClock();
    let dnsCalls = 0;
    let geoCalls = 0;
    const dns = memoize(async (host: string) => `ip of ${host} (${++dnsCalls})`, { ttlMs: 60_000, now: clock.now });
    const geo = memoize(async (host: string) => `region of ${host} (${++geoCalls})`, { ttlMs: 60_000, now: clock.now });
    await expect(dns('api')).resolves.toBe('ip of api (1)');
    await expect(geo('api')).resolves.toBe('region of api (1)');
    await expect(dns('api')).resolves.toBe('ip of api (1)');
    expect([dnsCalls, geoCalls]).toEqual([1, 1]);
  });

  it('clear() forgets cached values', async () => {
    const clock = fakeClock();
    const lookup = instantLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 60_000, now: clock.now });
    await resolve('db');
    resolve.clear();
    await expect(resolve('db')).resolves.toBe('db=10.0.0.2');
    expect(lookup.calls).toHaveLength(2);
  });

  it('clear() also forgets in-flight calls, and their late results change nothing', async () => {
    const clock = fakeClock();
    const lookup = pendingLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 60_000, now: clock.now });

    const stale = resolve('db');
    resolve.clear();
    lookup.calls[0].resolve('10.0.0.old');
    await expect(stale).resolves.toBe('10.0.0.old');
    const fresh = resolve('db');
    expect(lookup.calls).toHaveLength(2);
    lookup.calls[1].resolve('10.0.0.new');
    await expect(fresh).resolves.toBe('10.0.0.new');

    const doomed = resolve('queue');
    resolve.clear();
    const replacement = resolve('queue');
    lookup.calls[3].resolve('10.3.3.3');
    await expect(replacement).resolves.toBe('10.3.3.3');
    lookup.calls[2].reject(new Error('late timeout'));
    await expect(doomed).rejects.toThrow('late timeout');
    await settle();
    await expect(resolve('queue')).resolves.toBe('10.3.3.3');
    expect(lookup.calls).toHaveLength(4);
  });

  it.each([-1, -0.5, Number.NaN, Number.NEGATIVE_INFINITY, '100' as unknown as number, undefined as unknown as number])(
    'refuses ttlMs = %p with a RangeError',
    (ttlMs: number) => {
      const clock = fakeClock();
      expect(() => memoize(async () => 1, { ttlMs, now: clock.now })).toThrow(RangeError);
    },
  );

  it('accepts ttlMs = Infinity: a result never expires', async () => {
    const clock = fakeClock();
    const lookup = instantLookup();
    const resolve = memoize(lookup.fn, { ttlMs: Number.POSITIVE_INFINITY, now: clock.now });
    await expect(resolve('db')).resolves.toBe('db=10.0.0.1');
    clock.t += 1e15;
    await expect(resolve('db')).resolves.toBe('db=10.0.0.1');
    clock.t = Number.MAX_SAFE_INTEGER;
    await expect(resolve('db')).resolves.toBe('db=10.0.0.1');
    expect(lookup.calls).toEqual(['db']);
  });

  it('accepts ttlMs = 0: nothing stays fresh, but in-flight calls are still shared', async () => {
    const clock = fakeClock();
    const lookup = pendingLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 0, now: clock.now });
    const a = resolve('db');
    const b = resolve('db');
    expect(lookup.calls).toHaveLength(1);
    lookup.calls[0].resolve('10.0.0.1');
    await expect(a).resolves.toBe('10.0.0.1');
    await expect(b).resolves.toBe('10.0.0.1');
    const c = resolve('db');
    expect(lookup.calls).toHaveLength(2);
    lookup.calls[1].resolve('10.0.0.2');
    await expect(c).resolves.toBe('10.0.0.2');
  });

  it('accepts a fractional ttlMs and compares against it exactly', async () => {
    const clock = fakeClock(0);
    const lookup = instantLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 0.5, now: clock.now });
    await resolve('db');
    clock.t = 0.25;
    await expect(resolve('db')).resolves.toBe('db=10.0.0.1');
    clock.t = 0.5;
    await expect(resolve('db')).resolves.toBe('db=10.0.0.2');
  });

  it('gives every waiting caller the very same rejection, and a synchronous throw its own value', async () => {
    const clock = fakeClock();
    const lookup = pendingLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 60_000, now: clock.now });
    const a = resolve('db');
    const b = resolve('db');
    const failure = new Error('NXDOMAIN');
    lookup.calls[0].reject(failure);
    await expect(a).rejects.toBe(failure);
    await expect(b).rejects.toBe(failure);

    const thrown = { code: 'EAI_AGAIN' };
    const throwing = memoize((_host: string): Promise<string> => {
      throw thrown;
    }, { ttlMs: 60_000, now: clock.now });
    await expect(throwing('db')).rejects.toBe(thrown);
  });

  it('calls fn again after an expired value when the refresh fails, instead of serving the old value', async () => {
    const clock = fakeClock();
    const lookup = pendingLookup();
    const resolve = memoize(lookup.fn, { ttlMs: 1_000, now: clock.now });
    const first = resolve('db');
    lookup.calls[0].resolve('10.0.0.1');
    await first;
    clock.t += 1_000;
    const refresh = resolve('db');
    lookup.calls[1].reject(new Error('timeout'));
    await expect(refresh).rejects.toThrow('timeout');
    const next = resolve('db');
    expect(lookup.calls).toHaveLength(3);
    lookup.calls[2].resolve('10.0.0.3');
    await expect(next).resolves.toBe('10.0.0.3');
  });
});
