import { retry } from './solution';

/** A fake network call that fails `failures` times, then returns `value`. */
function flaky<T>(failures: number, value: T, events: string[] = []) {
  const call = {
    calls: 0,
    fn: async (): Promise<T> => {
      call.calls++;
      events.push(`call ${call.calls}`);
      if (call.calls <= failures) throw new Error('timeout');
      return value;
    },
  };
  return call;
}

function recorder(events: string[] = []) {
  const rec = {
    sleeps: [] as number[],
    logs: [] as string[],
    sleep: async (ms: number) => {
      events.push(`sleep ${ms} start`);
      rec.sleeps.push(ms);
      await Promise.resolve();
      await Promise.resolve();
      events.push(`sleep ${ms} end`);
    },
    log: (message: string) => {
      rec.logs.push(message);
    },
  };
  return rec;
}

describe('retry', () => {
  it('returns the first success immediately, without sleeping or logging', async () => {
    const call = flaky(0, 'healthy');
    const rec = recorder();
    await expect(retry(call.fn, { retries: 3, waitMs: 100, sleep: rec.sleep, log: rec.log })).resolves.toBe('healthy');
    expect(call.calls).toBe(1);
    expect(rec.sleeps).toEqual([]);
    expect(rec.logs).toEqual([]);
  });

  it('keeps trying until a later attempt succeeds', async () => {
    const call = flaky(2, { status: 200 });
    const rec = recorder();
    const result = await retry(call.fn, { retries: 3, waitMs: 100, sleep: rec.sleep, log: rec.log });
    expect(result).toEqual({ status: 200 });
    expect(call.calls).toBe(3);
    expect(rec.sleeps).toEqual([100, 100]);
    expect(rec.logs).toEqual([
      'Attempt 1/3 failed: timeout; retrying in 100 ms',
      'Attempt 2/3 failed: timeout; retrying in 100 ms',
    ]);
  });

  it('makes exactly `retries` attempts, sleeps only between them, then gives up with null', async () => {
    const call = flaky(Infinity, 'never');
    const rec = recorder();
    const result = await retry(call.fn, { retries: 4, waitMs: 250, sleep: rec.sleep, log: rec.log });
    expect(result).toBeNull();
    expect(call.calls).toBe(4);
    expect(rec.sleeps).toEqual([250, 250, 250]);
    expect(rec.logs).toEqual([
      'Attempt 1/4 failed: timeout; retrying in 250 ms',
      'Attempt 2/4 failed: timeout; retrying in 250 ms',
      'Attempt 3/4 failed: timeout; retrying in 250 ms',
      'Attempt 4/4 failed: timeout; giving up',
    ]);
  });

  it('defaults to 3 attempts with 2000 ms between them', async () => {
    const call = flaky(Infinity, 'never');
    const rec = recorder();
    await expect(retry(call.fn, { sleep: rec.sleep, log: rec.log })).resolves.toBeNull();
    expect(call.calls).toBe(3);
    expect(rec.sleeps).toEqual([2000, 2000]);
  });

  it('with retries = 1 makes a single attempt and never sleeps', async () => {
    const call = flaky(1, 'late');
    const rec = recorder();
    await expect(retry(call.fn, { retries: 1, waitMs: 100, sleep: rec.sleep, log: rec.log })).resolves.toBeNull();
    expect(call.calls).toBe(1);
    expect(rec.sleeps).toEqual([]);
    expect(rec.logs).toEqual(['Attempt 1/1 failed: timeout; giving up']);
  });

  it('waits for each sleep to finish before the next attempt', async () => {
    const events: string[] = [];
    const call = flaky(2, 'ok', events);
    const rec = recorder(events);
    await retry(call.fn, { retries: 3, waitMs: 10, sleep: rec.sleep, log: rec.log });
    expect(events).toEqual([
      'call 1', 'sleep 10 start', 'sleep 10 end',
      'call 2', 'sleep 10 start', 'sleep 10 end',
      'call 3',
    ]);
  });

  it('treats synchronous throws and non-Error values as failures too', async () => {
    let calls = 0;
    const rec = recorder();
    const result = await retry(
      () => {
        calls++;
        if (calls === 1) throw 'ECONNRESET';
        if (calls === 2) throw new TypeError('bad gateway');
        return 'up';
      },
      { retries: 3, waitMs: 5, sleep: rec.sleep, log: rec.log },
    );
    expect(result).toBe('up');
    expect(rec.logs).toEqual([
      'Attempt 1/3 failed: ECONNRESET; retrying in 5 ms',
      'Attempt 2/3 failed: bad gateway; retrying in 5 ms',
    ]);
  });

  it('logs String(error) for thrown values that are not Error objects, and error.message for errors', async () => {
    const thrown: unknown[] = [503, undefined, null, { message: 'not an Error', code: 'E1' }, new RangeError(''), new Error('reset')];
    let calls = 0;
    const rec = recorder();
    const result = await retry(
      () => {
        throw thrown[calls++];
      },
      { retries: thrown.length, waitMs: 1, sleep: rec.sleep, log: rec.log },
    );
    expect(result).toBeNull();
    expect(rec.logs).toEqual([
      'Attempt 1/6 failed: 503; retrying in 1 ms',
      `Attempt 2/6 failed: ${String(thrown[1])}; retrying in 1 ms`,
      `Attempt 3/6 failed: ${String(thrown[2])}; retrying in 1 ms`,
      `Attempt 4/6 failed: ${String(thrown[3])}; retrying in 1 ms`,
      `Attempt 5/6 failed: ${(thrown[4] as Error).message}; retrying in 1 ms`,
      'Attempt 6/6 failed: reset; giving up',
    ]);
  });

  it('treats a promise returned by a plain function, then rejected, as a failure', async () => {
    let calls = 0;
    const rec = recorder();
    const result = await retry(
      () => (++calls < 3 ? Promise.reject(new Error('503 from upstream')) : Promise.resolve('ok')),
      { retries: 3, waitMs: 1, sleep: rec.sleep, log: rec.log },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(rec.logs).toHaveLength(2);
  });

  it('with an explicit waitMs of 0 still sleeps 0 ms between attempts (0 is not "use the default")', async () => {
    const call = flaky(2, 'ok');
    const rec = recorder();
    await expect(retry(call.fn, { retries: 3, waitMs: 0, sleep: rec.sleep, log: rec.log })).resolves.toBe('ok');
    expect(rec.sleeps).toEqual([0, 0]);
    expect(rec.logs[0]).toBe('Attempt 1/3 failed: timeout; retrying in 0 ms');
  });

  it('accepts a fractional waitMs and passes it to sleep unchanged', async () => {
    const call = flaky(1, 'ok');
    const rec = recorder();
    await expect(retry(call.fn, { retries: 2, waitMs: 12.5, sleep: rec.sleep, log: rec.log })).resolves.toBe('ok');
    expect(rec.sleeps).toEqual([12.5]);
  });

  it('uses the defaults when retries and waitMs are given as undefined', async () => {
    const call = flaky(Infinity, 'never');
    const rec = recorder();
    await retry(call.fn, { retries: undefined, waitMs: undefined, sleep: rec.sleep, log: rec.log });
    expect(call.calls).toBe(3);
    expect(rec.sleeps).toEqual([2000, 2000]);
    expect(rec.logs[2]).toBe('Attempt 3/3 failed: timeout; giving up');
  });

  it('logs to console.warn when no log is given', async () => {
    const original = console.warn;
    const warned: unknown[][] = [];
    console.warn = (...data: unknown[]) => {
      warned.push(data);
    };
    try {
      const call = flaky(1, 'ok');
      const rec = recorder();
      await expect(retry(call.fn, { retries: 2, waitMs: 7, sleep: rec.sleep })).resolves.toBe('ok');
      expect(warned).toEqual([['Attempt 1/2 failed: timeout; retrying in 7 ms']]);
    } finally {
      console.warn = original;
    }
  });

  it.each([null, undefined])('returns a success value of %p at once', async (value) => {
    const call = flaky(0, value);
    const rec = recorder();
    await expect(retry(call.fn, { retries: 3, waitMs: 5, sleep: rec.sleep, log: rec.log })).resolves.toBe(value);
    expect(call.calls).toBe(1);
    expect(rec.logs).toEqual([]);
  });

  it.each([0, '', false])('returns a falsy success value (%p) instead of retrying', async (value) => {
    const call = flaky(0, value);
    const rec = recorder();
    await expect(retry(call.fn, { retries: 3, waitMs: 5, sleep: rec.sleep, log: rec.log })).resolves.toBe(value);
    expect(call.calls).toBe(1);
  });

  it.each([0, -1, 0.5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects retries = %p with a RangeError before calling fn',
    async (retries) => {
      const call = flaky(0, 'x');
      const rec = recorder();
      const pending = retry(call.fn, { retries, sleep: rec.sleep, log: rec.log });
      await expect(pending).rejects.toThrow(RangeError);
      expect(call.calls).toBe(0);
      expect(rec.sleeps).toEqual([]);
    },
  );

  it.each([-5, -0.001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects waitMs = %p with a RangeError before calling fn',
    async (waitMs) => {
      const call = flaky(0, 'x');
      const rec = recorder();
      const pending = retry(call.fn, { waitMs, sleep: rec.sleep, log: rec.log });
      await expect(pending).rejects.toThrow(RangeError);
      expect(call.calls).toBe(0);
      expect(rec.sleeps).toEqual([]);
      expect(rec.logs).toEqual([]);
    },
  );

  it('accepts the smallest valid options: retries = 1 and waitMs = 0', async () => {
    const call = flaky(0, 'x');
    const rec = recorder();
    await expect(retry(call.fn, { retries: 1, waitMs: 0, sleep: rec.sleep, log: rec.log })).resolves.toBe('x');
  });
});
