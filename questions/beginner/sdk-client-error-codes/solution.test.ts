import { callAws, ClientError, classifyError, PermissionDeniedError } from './solution';

const THROTTLED = ['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException', 'SlowDown'];
const NOT_FOUND = ['NoSuchKey', 'NoSuchBucket', 'ResourceNotFoundException', '404'];
const DENIED = ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation'];

const clientError = (code: string, operation = 'GetObject') => new ClientError(code, `${code} happened`, operation);

/** A fake SDK call that fails with each of `failures` in turn, then resolves with `value`. */
function fakeCall<T>(failures: unknown[], value: T, events: string[] = []) {
  const fake = {
    calls: 0,
    call: async (): Promise<T> => {
      fake.calls++;
      events.push(`call ${fake.calls}`);
      if (fake.calls <= failures.length) throw failures[fake.calls - 1];
      return value;
    },
  };
  return fake;
}

function sleeper(events: string[] = []) {
  const s = {
    waits: [] as number[],
    sleep: async (ms: number) => {
      events.push(`sleep ${ms} start`);
      s.waits.push(ms);
      await Promise.resolve();
      await Promise.resolve();
      events.push(`sleep ${ms} end`);
    },
  };
  return s;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('classifyError', () => {
  it.each(THROTTLED)('classifies %s as throttled', (code) => {
    expect(classifyError(clientError(code))).toBe('throttled');
  });

  it.each(NOT_FOUND)('classifies %s as not-found', (code) => {
    expect(classifyError(clientError(code, 'HeadObject'))).toBe('not-found');
  });

  it.each(DENIED)('classifies %s as access-denied', (code) => {
    expect(classifyError(clientError(code, 'DescribeInstances'))).toBe('access-denied');
  });

  it.each([
    'InternalError', 'ValidationException', 'throttling', 'THROTTLING', 'accessdenied', 'NoSuchKey ', 'NotFound',
    'Throttling.Exception', 'NoSuchUpload', 'InvalidAccessKeyId', '403', '500', '', 'toString', 'constructor',
  ])('classifies the code %p as other', (code) => {
    expect(classifyError(clientError(code))).toBe('other');
  });

  it.each([
    ['a plain Error named after a code', Object.assign(new Error('SlowDown'), { name: 'SlowDown' })],
    ['a plain Error with a code property', Object.assign(new Error('no such key'), { code: 'NoSuchKey' })],
    ['a string', 'AccessDenied'],
    ['null', null],
    ['undefined', undefined],
    ['a TypeError', new TypeError('ThrottlingException')],
  ])('classifies %s as other', (_label, value) => {
    expect(classifyError(value)).toBe('other');
  });

  it('reads the code from response.Error.Code, not from the message', () => {
    const error = clientError('NoSuchKey');
    error.message = 'An error occurred (ThrottlingException) when calling the GetObject operation';
    expect(classifyError(error)).toBe('not-found');
  });
});

describe('the error classes from the stub', () => {
  it('keep their names and botocore-style message', () => {
    const error = new ClientError('NoSuchKey', 'The specified key does not exist.', 'GetObject');
    expect(error.name).toBe('ClientError');
    expect(error.message).toBe('An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.');
    expect(error.response).toEqual({ Error: { Code: 'NoSuchKey', Message: 'The specified key does not exist.' } });
    expect(error.operationName).toBe('GetObject');
    const denied = new PermissionDeniedError('no', { cause: error });
    expect(denied.name).toBe('PermissionDeniedError');
    expect(denied.cause).toBe(error);
  });
});

describe('callAws', () => {
  it('resolves with the result of a call that succeeds, without sleeping', async () => {
    const fake = fakeCall([], { Body: 'data' });
    const s = sleeper();
    await expect(callAws(fake.call, { sleep: s.sleep })).resolves.toEqual({ Body: 'data' });
    expect(fake.calls).toBe(1);
    expect(s.waits).toEqual([]);
  });

  it.each([[0], [''], [false], [null], [undefined]])('resolves with a falsy result %p as it is', async (value) => {
    const fake = fakeCall([], value);
    await expect(callAws(fake.call, { sleep: sleeper().sleep })).resolves.toBe(value);
    expect(fake.calls).toBe(1);
  });

  it('retries a throttled call with doubling pauses and returns the later success', async () => {
    const fake = fakeCall([clientError('SlowDown'), clientError('ThrottlingException')], 'ok');
    const s = sleeper();
    await expect(callAws(fake.call, { sleep: s.sleep })).resolves.toBe('ok');
    expect(fake.calls).toBe(3);
    expect(s.waits).toEqual([100, 200]);
  });

  it.each(THROTTLED)('retries %s', async (code) => {
    const fake = fakeCall([clientError(code)], 'ok');
    const s = sleeper();
    await expect(callAws(fake.call, { sleep: s.sleep })).resolves.toBe('ok');
    expect(fake.calls).toBe(2);
    expect(s.waits).toEqual([100]);
  });

  it('gives up after maxAttempts calls in all and rejects with the same last ClientError', async () => {
    const errors = [1, 2, 3, 4, 5].map(() => clientError('Throttling', 'PutObject'));
    const fake = fakeCall(errors, 'never');
    const s = sleeper();
    const error = await rejection(callAws(fake.call, { sleep: s.sleep, maxAttempts: 4, baseDelayMs: 50 }));
    expect(error).toBe(errors[3]);
    expect(fake.calls).toBe(4);
    expect(s.waits).toEqual([50, 100, 200]);
  });

  it('makes 3 calls in all by default, sleeping 100 then 200 ms', async () => {
    const errors = [1, 2, 3, 4].map(() => clientError('RequestLimitExceeded'));
    const fake = fakeCall(errors, 'never');
    const s = sleeper();
    expect(await rejection(callAws(fake.call, { sleep: s.sleep }))).toBe(errors[2]);
    expect(fake.calls).toBe(3);
    expect(s.waits).toEqual([100, 200]);
  });

  it('with maxAttempts 1 makes one call and never sleeps', async () => {
    const error = clientError('TooManyRequestsException');
    const fake = fakeCall([error], 'never');
    const s = sleeper();
    expect(await rejection(callAws(fake.call, { sleep: s.sleep, maxAttempts: 1 }))).toBe(error);
    expect(fake.calls).toBe(1);
    expect(s.waits).toEqual([]);
  });

  it('waits for each pause to end before the next call', async () => {
    const events: string[] = [];
    const fake = fakeCall([clientError('SlowDown'), clientError('SlowDown')], 'ok', events);
    const s = sleeper(events);
    await callAws(fake.call, { sleep: s.sleep, baseDelayMs: 10 });
    expect(events).toEqual(['call 1', 'sleep 10 start', 'sleep 10 end', 'call 2', 'sleep 20 start', 'sleep 20 end', 'call 3']);
  });

  it('passes baseDelayMs 0 through as pauses of 0 ms', async () => {
    const fake = fakeCall([clientError('Throttling'), clientError('Throttling')], 'ok');
    const s = sleeper();
    await expect(callAws(fake.call, { sleep: s.sleep, baseDelayMs: 0 })).resolves.toBe('ok');
    expect(s.waits).toEqual([0, 0]);
  });

  it('accepts a fractional baseDelayMs', async () => {
    const fake = fakeCall([clientError('Throttling'), clientError('Throttling')], 'ok');
    const s = sleeper();
    await callAws(fake.call, { sleep: s.sleep, baseDelayMs: 2.5 });
    expect(s.waits).toEqual([2.5, 5]);
  });

  it.each(NOT_FOUND)('resolves with null at once for %s', async (code) => {
    const fake = fakeCall([clientError(code)], 'never');
    const s = sleeper();
    await expect(callAws(fake.call, { sleep: s.sleep })).resolves.toBeNull();
    expect(fake.calls).toBe(1);
    expect(s.waits).toEqual([]);
  });

  it('resolves with null when a retried call then reports not found', async () => {
    const fake = fakeCall([clientError('SlowDown'), clientError('NoSuchKey')], 'never');
    const s = sleeper();
    await expect(callAws(fake.call, { sleep: s.sleep })).resolves.toBeNull();
    expect(fake.calls).toBe(2);
    expect(s.waits).toEqual([100]);
  });

  it.each(DENIED)('rejects %s at once with a PermissionDeniedError naming the operation and the code', async (code) => {
    const original = clientError(code, 'DescribeInstances');
    const fake = fakeCall([original], 'never');
    const s = sleeper();
    const error = await rejection(callAws(fake.call, { sleep: s.sleep }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toContain('DescribeInstances');
    expect((error as Error).message).toContain(code);
    expect((error as Error).cause).toBe(original);
    expect(fake.calls).toBe(1);
    expect(s.waits).toEqual([]);
  });

  it('names the operation of the failing call, not a fixed one', async () => {
    const original = clientError('AccessDenied', 'ListObjectsV2');
    const error = await rejection(callAws(fakeCall([original], 'x').call, { sleep: sleeper().sleep }));
    expect((error as Error).message).toContain('ListObjectsV2');
    expect((error as Error).message).not.toContain('GetObject');
  });

  it.each([
    ['another ClientError', clientError('InternalError')],
    ['a ClientError with a lower-case code', clientError('throttling')],
    ['a plain Error', new Error('socket hang up')],
    ['a TypeError', new TypeError('x is not a function')],
    ['a string', 'ECONNRESET'],
    ['an object that only looks like a throttling error', { response: { Error: { Code: 'Throttling', Message: '' } } }],
    ['undefined', undefined],
  ])('rejects %s at once with the very same value', async (_label, thrown) => {
    const fake = fakeCall([thrown], 'never');
    const s = sleeper();
    expect(await rejection(callAws(fake.call, { sleep: s.sleep }))).toBe(thrown);
    expect(fake.calls).toBe(1);
    expect(s.waits).toEqual([]);
  });

  it('treats a synchronous throw from call like a rejection', async () => {
    let calls = 0;
    const s = sleeper();
    const call = (): Promise<string> => {
      calls++;
      if (calls === 1) throw clientError('SlowDown');
      if (calls === 2) throw clientError('NoSuchBucket');
      return Promise.resolve('never');
    };
    await expect(callAws(call, { sleep: s.sleep })).resolves.toBeNull();
    expect(calls).toBe(2);
    const original = new Error('boom');
    expect(await rejection(callAws(() => { throw original; }, { sleep: s.sleep }))).toBe(original);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects maxAttempts %p with a RangeError before calling', async (maxAttempts) => {
    const fake = fakeCall([], 'x');
    await expect(callAws(fake.call, { sleep: sleeper().sleep, maxAttempts })).rejects.toThrow(RangeError);
    expect(fake.calls).toBe(0);
  });

  it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects baseDelayMs %p with a RangeError before calling', async (baseDelayMs) => {
    const fake = fakeCall([], 'x');
    await expect(callAws(fake.call, { sleep: sleeper().sleep, baseDelayMs })).rejects.toThrow(RangeError);
    expect(fake.calls).toBe(0);
  });

  it('rejects bad options as a rejected promise, not a synchronous throw', async () => {
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = callAws(async () => 'x', { sleep: sleeper().sleep, maxAttempts: 0 });
    }).not.toThrow();
    await expect(pending).rejects.toThrow(RangeError);
  });

  it('treats options given as undefined as the defaults', async () => {
    const errors = [1, 2, 3, 4].map(() => clientError('Throttling'));
    const fake = fakeCall(errors, 'never');
    const s = sleeper();
    expect(await rejection(callAws(fake.call, { sleep: s.sleep, maxAttempts: undefined, baseDelayMs: undefined }))).toBe(errors[2]);
    expect(s.waits).toEqual([100, 200]);
  });
});
