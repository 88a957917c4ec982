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

  it.each([0, -1, 1.5, Number.NaN])('rejects maxAttempts = %p with a RangeError before running anything', async (maxAttempts) => {
    const calls: string[] = [];
    await expect(runAll([task('a', [], calls)], { maxAttempts, log: () => undefined })).rejects.toThrow(RangeError);
    expect(calls).toEqual([]);
  });
});
