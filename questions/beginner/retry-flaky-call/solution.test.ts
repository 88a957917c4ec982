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

  it.each([0, '', false])('returns a falsy success value (%p) instead of retrying', async (value) => {
    const call = flaky(0, value);
    const rec = recorder();
    await expect(retry(call.fn, { retries: 3, waitMs: 5, sleep: rec.sleep, log: rec.log })).resolves.toBe(value);
    expect(call.calls).toBe(1);
  });

  it.each([0, -1, 2.5, Number.NaN])('rejects retries = %p with a RangeError before calling fn', async (retries) => {
    const call = flaky(0, 'x');
    const rec = recorder();
    await expect(retry(call.fn, { retries, sleep: rec.sleep, log: rec.log })).rejects.toThrow(RangeError);
    expect(call.calls).toBe(0);
  });

  it('rejects a negative waitMs with a RangeError', async () => {
    const rec = recorder();
    await expect(retry(() => 1, { waitMs: -5, sleep: rec.sleep, log: rec.log })).rejects.toThrow(RangeError);
  });
});
