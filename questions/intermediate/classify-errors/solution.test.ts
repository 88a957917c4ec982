import {
  CancelledError,
  ConnectionError,
  ConnectionResetError,
  FileNotFoundError,
  OSError,
  PermissionError,
  TimeoutError,
  classify,
  runAll,
  type Task,
} from './solution';

/** A task that throws the given errors in turn, then succeeds; records each call into `calls`. */
function task(name: string, failures: unknown[], calls: string[]): Task {
  let n = 0;
  return {
    name,
    run: async () => {
      calls.push(name);
      const failure = n < failures.length ? failures[n] : undefined;
      n++;
      if (n <= failures.length) throw failure;
    },
  };
}

describe('classify', () => {
  it('retries a timeout', () => {
    expect(classify(new TimeoutError('read timed out after 30s'))).toBe('retry');
  });

  it('retries connection errors, including subclasses such as ConnectionResetError', () => {
    expect(classify(new ConnectionError('connection refused'))).toBe('retry');
    expect(classify(new ConnectionResetError('connection reset by peer'))).toBe('retry');
  });

  it('skips a missing file', () => {
    expect(classify(new FileNotFoundError('/data/report-17.csv'))).toBe('skip');
  });

  it('raises other OS errors: the base class does not get its subclasses\' treatment', () => {
    expect(classify(new PermissionError('/etc/shadow'))).toBe('raise');
    expect(classify(new OSError('disk I/O error'))).toBe('raise');
  });

  it('decides by class, so subclasses get their parent\'s treatment whatever their name', () => {
    class ReadTimeout extends TimeoutError {}
    class BrokenPipe extends ConnectionError {}
    class ConfigMissing extends FileNotFoundError {}
    class ReadOnlyFs extends PermissionError {}
    expect(classify(new ReadTimeout('read timed out'))).toBe('retry');
    expect(classify(new BrokenPipe('broken pipe'))).toBe('retry');
    expect(classify(new ConfigMissing('/etc/app.yaml'))).toBe('skip');
    expect(classify(new ReadOnlyFs('/'))).toBe('raise');
    const renamed = new TimeoutError('slow');
    renamed.name = 'SlowDown';
    expect(classify(renamed)).toBe('retry');
    const missing = new FileNotFoundError('x');
    missing.name = 'PermissionError';
    expect(classify(missing)).toBe('skip');
  });

  it.each([
    ['a plain Error named TimeoutError', Object.assign(new Error('aborted'), { name: 'TimeoutError' })],
    ['a plain Error named ConnectionResetError', Object.assign(new Error('reset'), { name: 'ConnectionResetError' })],
    ['a plain Error named FileNotFoundError', Object.assign(new Error('gone'), { name: 'FileNotFoundError' })],
    ['an Error whose message says FileNotFoundError', new Error('FileNotFoundError: /data/x.csv')],
    ['an object that only looks like a FileNotFoundError', { name: 'FileNotFoundError', message: 'fake' }],
  ])('raises look-alikes that are not of the class: %s', (_label, error) => {
    expect(classify(error)).toBe('raise');
  });

  it.each([
    ['a TypeError (a bug)', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a RangeError', new RangeError('bad page size')],
    ['a cancellation', new CancelledError()],
    ['a plain Error that mentions a timeout', new Error('upstream timeout')],
    ['an object that only looks like a TimeoutError', { name: 'TimeoutError', message: 'fake' }],
    ['a thrown string', 'ETIMEDOUT'],
    ['undefined', undefined],
    ['null', null],
  ])('raises anything unexpected: %s', (_label, error) => {
    expect(classify(error)).toBe('raise');
  });
});

describe('the error family', () => {
  it('is kept as given: names, default messages and the class tree', () => {
    expect(new CancelledError().message).toBe('cancelled');
    expect(new CancelledError().name).toBe('CancelledError');
    expect(new CancelledError('SIGTERM').message).toBe('SIGTERM');
    expect(new TimeoutError('slow').name).toBe('TimeoutError');
    expect(new OSError().message).toBe('');
    expect(new ConnectionResetError('x')).toBeInstanceOf(ConnectionError);
    expect(new ConnectionError('x')).toBeInstanceOf(OSError);
    expect(new PermissionError('x')).toBeInstanceOf(OSError);
    expect(new CancelledError()).not.toBeInstanceOf(OSError);
  });
});

describe('runAll', () => {
  it('runs every task once, in order, and reports them completed', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const report = await runAll([task('a', [], calls), task('b', [], calls), task('c', [], calls)], {
      log: (l) => logs.push(l),
    });
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(report).toEqual({ completed: ['a', 'b', 'c'], skipped: [], attempts: { a: 1, b: 1, c: 1 } });
    expect(logs).toEqual([]);
  });

  it('retries a timed-out task until it succeeds, then carries on', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const report = await runAll(
      [task('sync', [new TimeoutError('slow'), new ConnectionResetError('reset')], calls), task('next', [], calls)],
      { maxAttempts: 3, log: (l) => logs.push(l) },
    );
    expect(calls).toEqual(['sync', 'sync', 'sync', 'next']);
    expect(report.completed).toEqual(['sync', 'next']);
    expect(report.attempts).toEqual({ sync: 3, next: 1 });
    expect(logs).toEqual(['retrying sync after attempt 1/3: slow', 'retrying sync after attempt 2/3: reset']);
  });

  it('gives up after maxAttempts and rejects with the very same error; later tasks never run', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const last = new TimeoutError('third timeout');
    const promise = runAll(
      [task('upload', [new TimeoutError('first'), new TimeoutError('second'), last], calls), task('after', [], calls)],
      { maxAttempts: 3, log: (l) => logs.push(l) },
    );
    await expect(promise).rejects.toBe(last);
    expect(calls).toEqual(['upload', 'upload', 'upload']);
    expect(logs).toEqual(['retrying upload after attempt 1/3: first', 'retrying upload after attempt 2/3: second']);
  });

  it('skips a task whose file is missing, logs it, and runs the rest', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const report = await runAll(
      [task('a', [], calls), task('b', [new FileNotFoundError('/data/b.csv')], calls), task('c', [], calls)],
      { log: (l) => logs.push(l) },
    );
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(report).toEqual({ completed: ['a', 'c'], skipped: ['b'], attempts: { a: 1, b: 1, c: 1 } });
    expect(logs).toEqual(['skipping b: /data/b.csv']);
  });

  it('stops at the first unexpected error, rejecting with that error, without retrying', async () => {
    const calls: string[] = [];
    const bug = new TypeError('x is undefined');
    await expect(runAll([task('a', [], calls), task('b', [bug], calls), task('c', [], calls)], {
      log: () => undefined,
    })).rejects.toBe(bug);
    expect(calls).toEqual(['a', 'b']);
  });

  it('lets a cancellation and a permission error through at once', async () => {
    const calls: string[] = [];
    const stop = new CancelledError('SIGINT');
    await expect(runAll([task('a', [stop], calls)], { maxAttempts: 5, log: () => undefined })).rejects.toBe(stop);
    const denied = new PermissionError('/var/lib/app');
    await expect(runAll([task('b', [denied], calls)], { maxAttempts: 5, log: () => undefined })).rejects.toBe(denied);
    expect(calls).toEqual(['a', 'b']);
  });

  it('passes on thrown non-Error values unchanged', async () => {
    const calls: string[] = [];
    await expect(runAll([task('a', ['boom'], calls)], { log: () => undefined })).rejects.toBe('boom');
    const odd = { code: 'ETIMEDOUT' };
    await expect(runAll([task('b', [odd], calls)], { log: () => undefined })).rejects.toBe(odd);
    expect(calls).toEqual(['a', 'b']);
  });

  it('logs each retry between the failed call and the next one', async () => {
    const events: string[] = [];
    const failures = [new TimeoutError('slow'), new ConnectionError('refused')];
    let n = 0;
    const report = await runAll(
      [{ name: 'pull', run: () => { events.push(`call ${++n}`); if (n <= failures.length) throw failures[n - 1]; } }],
      { maxAttempts: 4, log: (l) => events.push(l) },
    );
    expect(events).toEqual([
      'call 1',
      'retrying pull after attempt 1/4: slow',
      'call 2',
      'retrying pull after attempt 2/4: refused',
      'call 3',
    ]);
    expect(report).toEqual({ completed: ['pull'], skipped: [], attempts: { pull: 3 } });
  });

  it('logs the message itself, even when it is empty', async () => {
    const logs: string[] = [];
    const calls: string[] = [];
    await runAll([task('a', [new TimeoutError()], calls), task('b', [new FileNotFoundError()], calls)], {
      log: (l) => logs.push(l),
    });
    expect(logs).toEqual(['retrying a after attempt 1/3: ', 'skipping b: ']);
  });

  it('applies the policy to each failure of a retried task in turn', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const report = await runAll(
      [task('a', [new TimeoutError('slow'), new FileNotFoundError('/tmp/a')], calls), task('b', [], calls)],
      { log: (l) => logs.push(l) },
    );
    expect(report).toEqual({ completed: ['b'], skipped: ['a'], attempts: { a: 2, b: 1 } });
    expect(logs).toEqual(['retrying a after attempt 1/3: slow', 'skipping a: /tmp/a']);
    const bug = new TypeError('bad');
    await expect(runAll([task('c', [new ConnectionResetError('reset'), bug], calls), task('d', [], calls)], {
      maxAttempts: 5,
      log: () => undefined,
    })).rejects.toBe(bug);
    expect(calls).toEqual(['a', 'a', 'b', 'c', 'c']);
  });

  it('treats a synchronous throw like a rejection', async () => {
    const logs: string[] = [];
    const report = await runAll(
      [{ name: 'sync', run: () => { throw new FileNotFoundError('/gone'); } }, { name: 'ok', run: () => undefined }],
      { log: (l) => logs.push(l) },
    );
    expect(report).toEqual({ completed: ['ok'], skipped: ['sync'], attempts: { sync: 1, ok: 1 } });
    expect(logs).toEqual(['skipping sync: /gone']);
  });

  it('logs to console.warn by default', async () => {
    const original = console.warn;
    const lines: unknown[] = [];
    console.warn = (...args: unknown[]) => {
      lines.push(args.join(' '));
    };
    try {
      await runAll([task('a', [new FileNotFoundError('/x')], [])]);
    } finally {
      console.warn = original;
    }
    expect(lines).toEqual(['skipping a: /x']);
  });

  it('with maxAttempts 2 retries once', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const second = new TimeoutError('two');
    await expect(runAll([task('a', [new TimeoutError('one'), second], calls)], {
      maxAttempts: 2,
      log: (l) => logs.push(l),
    })).rejects.toBe(second);
    expect(calls).toEqual(['a', 'a']);
    expect(logs).toEqual(['retrying a after attempt 1/2: one']);
  });

  it('with maxAttempts 1 never retries', async () => {
    const calls: string[] = [];
    const timeout = new TimeoutError('once');
    await expect(runAll([task('a', [timeout], calls)], { maxAttempts: 1, log: () => undefined })).rejects.toBe(timeout);
    expect(calls).toEqual(['a']);
  });

  it('defaults to three attempts', async () => {
    const calls: string[] = [];
    const failures = [new TimeoutError('1'), new TimeoutError('2'), new TimeoutError('3'), new TimeoutError('4')];
    await expect(runAll([task('a', failures, calls)], { log: () => undefined })).rejects.toBe(failures[2]);
    expect(calls).toHaveLength(3);
  });

  it.each([0, -1, 1.5, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects maxAttempts = %p with a RangeError before running anything',
    async (maxAttempts) => {
      const calls: string[] = [];
      await expect(runAll([task('a', [], calls)], { maxAttempts, log: () => undefined })).rejects.toThrow(RangeError);
      expect(calls).toEqual([]);
      await expect(runAll([], { maxAttempts, log: () => undefined })).rejects.toThrow(RangeError);
    },
  );

  it('accepts maxAttempts = 1 and other whole numbers, even with no tasks', async () => {
    await expect(runAll([], { maxAttempts: 1, log: () => undefined })).resolves.toEqual({
      completed: [],
      skipped: [],
      attempts: {},
    });
    await expect(runAll([task('a', [], [])], { maxAttempts: 10, log: () => undefined })).resolves.toEqual({
      completed: ['a'],
      skipped: [],
      attempts: { a: 1 },
    });
  });
});
