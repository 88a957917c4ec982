import { withLock, withResource } from './solution';

const tick = () => Promise.resolve();

function fakeHandle(events: string[], closeError?: Error) {
  return {
    closed: 0,
    async close() {
      await tick();
      this.closed++;
      events.push('close');
      if (closeError) throw closeError;
    },
  };
}

describe('withResource', () => {
  it('returns the body\'s value and closes once, after an async body has finished', async () => {
    const events: string[] = [];
    const handle = fakeHandle(events);
    const value = await withResource(
      () => { events.push('open'); return handle; },
      async () => { events.push('body:start'); await tick(); await tick(); events.push('body:end'); return 42; },
    );
    expect(value).toBe(42);
    expect(events).toEqual(['open', 'body:start', 'body:end', 'close']);
    expect(handle.closed).toBe(1);
  });

  it('closes the handle when the body throws, and rethrows the same error', async () => {
    const events: string[] = [];
    const handle = fakeHandle(events);
    const boom = new Error('disk full');
    await expect(withResource(() => handle, () => { throw boom; })).rejects.toBe(boom);
    expect(handle.closed).toBe(1);
  });

  it('closes the handle after the body\'s promise rejects', async () => {
    const events: string[] = [];
    const handle = fakeHandle(events);
    const boom = new Error('connection reset');
    const run = withResource(() => handle, async () => {
      await tick();
      events.push('body:failing');
      throw boom;
    });
    await expect(run).rejects.toBe(boom);
    expect(events).toEqual(['body:failing', 'close']);
    expect(handle.closed).toBe(1);
  });

  it('waits for an async close() before settling', async () => {
    const events: string[] = [];
    const handle = fakeHandle(events);
    await withResource(() => handle, () => 'done');
    events.push('settled');
    expect(events).toEqual(['close', 'settled']);
  });

  it('accepts an async open() and runs neither body nor close when opening fails', async () => {
    const opened = await withResource(async () => ({ close: () => undefined, name: 'db' }), (r) => r.name);
    expect(opened).toBe('db');

    const refused = new Error('ECONNREFUSED');
    let bodyRan = false;
    await expect(
      withResource(async (): Promise<{ close(): void }> => { throw refused; }, () => { bodyRan = true; }),
    ).rejects.toBe(refused);
    expect(bodyRan).toBe(false);
  });

  it('keeps the body\'s error when close() fails too, and reports the close error separately', async () => {
    const events: string[] = [];
    const closeError = new Error('close failed');
    const handle = fakeHandle(events, closeError);
    const bodyError = new Error('query failed');
    const reported: unknown[] = [];
    await expect(
      withResource(() => handle, async () => { throw bodyError; }, { onCloseError: (e) => reported.push(e) }),
    ).rejects.toBe(bodyError);
    expect(reported).toEqual([closeError]);
    expect(handle.closed).toBe(1);
  });

  it('keeps the body\'s error when close() fails and nobody listens for close errors', async () => {
    const handle = fakeHandle([], new Error('close failed'));
    const bodyError = new Error('query failed');
    await expect(withResource(() => handle, () => { throw bodyError; })).rejects.toBe(bodyError);
  });

  it('rejects with the close error when only close() fails', async () => {
    const closeError = new Error('flush failed');
    const handle = fakeHandle([], closeError);
    const reported: unknown[] = [];
    await expect(
      withResource(() => handle, () => 'written', { onCloseError: (e) => reported.push(e) }),
    ).rejects.toBe(closeError);
    expect(handle.closed).toBe(1);
    expect(reported).toEqual([]);
  });
});

describe('withLock', () => {
  function fakeLock(events: string[], acquireError?: Error) {
    return {
      async acquire() {
        await tick();
        if (acquireError) throw acquireError;
        events.push('acquire');
      },
      release() {
        events.push('release');
      },
    };
  }

  it('acquires, runs the body, releases, and returns the body\'s value', async () => {
    const events: string[] = [];
    const value = await withLock(fakeLock(events), async () => {
      events.push('critical');
      await tick();
      return 'ok';
    });
    expect(value).toBe('ok');
    expect(events).toEqual(['acquire', 'critical', 'release']);
  });

  it('releases the lock when the body fails, and rethrows', async () => {
    const events: string[] = [];
    const boom = new Error('deploy failed');
    await expect(withLock(fakeLock(events), async () => { await tick(); throw boom; })).rejects.toBe(boom);
    expect(events).toEqual(['acquire', 'release']);
  });

  it('neither runs the body nor releases when acquire() fails', async () => {
    const events: string[] = [];
    const timeout = new Error('lock timeout');
    let bodyRan = false;
    await expect(withLock(fakeLock(events, timeout), () => { bodyRan = true; })).rejects.toBe(timeout);
    expect(bodyRan).toBe(false);
    expect(events).toEqual([]);
  });
});
