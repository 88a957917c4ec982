import { withResource } from './solution';

const tick = () => Promise.resolve();
const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await tick();
};

function fakeHandle(events: string[], closeError?: unknown, closeTicks = 1) {
  return {
    closed: 0,
    async close() {
      await ticks(closeTicks);
      this.closed++;
      events.push('close');
      if (closeError !== undefined) throw closeError;
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
    const reported: unknown[] = [];
    await expect(
      withResource(() => handle, () => { throw boom; }, { onCloseError: (e) => reported.push(e) }),
    ).rejects.toBe(boom);
    expect(handle.closed).toBe(1);
    expect(reported).toEqual([]);
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

  it('opens once, hands the opened resource to the body, and reports nothing when all goes well', async () => {
    const handle = fakeHandle([]);
    let opens = 0;
    let seen: unknown;
    const reported: unknown[] = [];
    const value = await withResource(
      async () => { opens++; await tick(); return handle; },
      (r) => { seen = r; return r.closed; },
      { onCloseError: (e) => reported.push(e) },
    );
    expect(value).toBe(0);
    expect(opens).toBe(1);
    expect(seen).toBe(handle);
    expect(handle.closed).toBe(1);
    expect(reported).toEqual([]);
  });

  it('waits for a slow async close() on the failure path too, and reports its error before settling', async () => {
    const events: string[] = [];
    const closeError = new Error('close failed');
    const handle = fakeHandle(events, closeError, 6);
    const bodyError = new Error('query failed');
    const reported: unknown[] = [];
    const run = withResource(() => handle, async () => {
      await tick();
      events.push('body:failing');
      throw bodyError;
    }, {
      onCloseError: (e) => { events.push('reported'); reported.push(e); },
    });
    const outcome = await run.then(() => 'resolved', (e: unknown) => e);
    events.push('settled');
    expect(outcome).toBe(bodyError);
    expect(events).toEqual(['body:failing', 'close', 'reported', 'settled']);
    expect(reported).toEqual([closeError]);
    expect(handle.closed).toBe(1);
  });

  it('keeps non-Error values as they were thrown: the body\'s is rejected, the close\'s is reported', async () => {
    const handle = fakeHandle([], 'EBADF');
    const reported: unknown[] = [];
    const run = withResource(() => handle, () => { throw 'quota exceeded'; }, { onCloseError: (e) => reported.push(e) });
    await expect(run).rejects.toBe('quota exceeded');
    expect(reported).toEqual(['EBADF']);
    expect(handle.closed).toBe(1);

    const onlyClose = fakeHandle([], 404);
    await expect(withResource(() => onlyClose, () => 'ok')).rejects.toBe(404);
    expect(onlyClose.closed).toBe(1);
  });

  it('handles a synchronous close() that throws, on both paths, calling it once', async () => {
    let closes = 0;
    const closeError = new Error('EIO');
    const syncHandle = () => ({ close(): void { closes++; throw closeError; } });
    await expect(withResource(syncHandle, () => 'data')).rejects.toBe(closeError);
    expect(closes).toBe(1);

    const bodyError = new Error('parse error');
    const reported: unknown[] = [];
    await expect(
      withResource(syncHandle, () => { throw bodyError; }, { onCloseError: (e) => reported.push(e) }),
    ).rejects.toBe(bodyError);
    expect(closes).toBe(2);
    expect(reported).toEqual([closeError]);
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

  it('rejects with the error of a slow async close() when only it fails, after it finished', async () => {
    const events: string[] = [];
    const closeError = new Error('flush failed');
    const handle = fakeHandle(events, closeError, 6);
    const outcome = await withResource(() => handle, async () => { await tick(); events.push('body'); return 1; }).then(
      () => 'resolved',
      (e: unknown) => e,
    );
    events.push('settled');
    expect(outcome).toBe(closeError);
    expect(events).toEqual(['body', 'close', 'settled']);
  });
});
