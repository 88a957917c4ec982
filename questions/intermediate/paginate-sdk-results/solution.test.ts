import { iterateItems, listAll, type ListPage, type Page } from './solution';

/**
 * A fake SDK list call. `pages` maps a token to its page; '<start>' is the first page (token undefined).
 * It records every token it is called with, rejects unknown tokens, and refuses to be called more than 50
 * times (so a runaway loop fails instead of hanging).
 */
function fakeSdk<T>(pages: Record<string, Page<T>>) {
  const calls: Array<string | undefined> = [];
  const listPage: ListPage<T> = async (token) => {
    calls.push(token);
    if (calls.length > 50) throw new Error('fake SDK: more than 50 calls, the loop never ends');
    await Promise.resolve();
    const key = token === undefined ? '<start>' : token;
    const page = typeof key === 'string' ? pages[key] : undefined;
    if (!page) throw new Error(`fake SDK: unknown token ${JSON.stringify(token)}`);
    return page;
  };
  return { listPage, calls };
}

const threePages = () =>
  fakeSdk<string>({
    '<start>': { items: ['vm-1', 'vm-2'], nextToken: 'p2' },
    p2: { items: ['vm-3', 'vm-4'], nextToken: 'p3' },
    p3: { items: ['vm-5'] },
  });

/** Awaits a rejection and returns the rejected value (fails if the promise resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** The repeated-token error: an Error whose message contains `repeated` and the token in double quotes. */
async function expectRepeated(promise: Promise<unknown>, token: string): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toContain('repeated');
  expect((error as Error).message).toContain(`"${token}"`);
}

async function take<T>(iterable: AsyncIterable<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  if (n === 0) return out;
  for await (const item of iterable) {
    out.push(item);
    if (out.length === n) break;
  }
  return out;
}

describe('listAll', () => {
  it('collects the items of every page in order, passing each token back', async () => {
    const sdk = threePages();
    await expect(listAll(sdk.listPage)).resolves.toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5']);
    expect(sdk.calls).toEqual([undefined, 'p2', 'p3']);
  });

  it.each([
    ['missing', {}],
    ['null', { nextToken: null }],
    ['an empty string', { nextToken: '' }],
  ])('stops when the token is %s', async (_label, end) => {
    const sdk = fakeSdk<number>({ '<start>': { items: [1, 2], ...end } });
    await expect(listAll(sdk.listPage)).resolves.toEqual([1, 2]);
    expect(sdk.calls).toEqual([undefined]);
  });

  it('keeps going through empty pages that still carry a token', async () => {
    const sdk = fakeSdk<number>({
      '<start>': { items: [], nextToken: 'a' },
      a: { items: [], nextToken: 'b' },
      b: { items: [7], nextToken: 'c' },
      c: { items: [], nextToken: null },
    });
    await expect(listAll(sdk.listPage)).resolves.toEqual([7]);
    expect(sdk.calls).toEqual([undefined, 'a', 'b', 'c']);
  });

  it('fails on a token that comes back after other pages, instead of looping forever', async () => {
    const sdk = fakeSdk<number>({
      '<start>': { items: [1], nextToken: 'A' },
      A: { items: [2], nextToken: 'B' },
      B: { items: [3], nextToken: 'A' },
    });
    await expectRepeated(listAll(sdk.listPage), 'A');
    expect(sdk.calls).toEqual([undefined, 'A', 'B']);
  });

  it('fails on a page that hands back its own token', async () => {
    const sdk = fakeSdk<number>({
      '<start>': { items: [1], nextToken: 'same' },
      same: { items: [2], nextToken: 'same' },
    });
    await expectRepeated(listAll(sdk.listPage), 'same');
    expect(sdk.calls).toEqual([undefined, 'same']);
  });

  it('stops at maxItems, cutting the last page short and requesting no further page', async () => {
    const sdk = threePages();
    await expect(listAll(sdk.listPage, { maxItems: 3 })).resolves.toEqual(['vm-1', 'vm-2', 'vm-3']);
    expect(sdk.calls).toEqual([undefined, 'p2']);
  });

  it('does not request the next page when maxItems ends exactly on a page boundary', async () => {
    const sdk = threePages();
    await expect(listAll(sdk.listPage, { maxItems: 2 })).resolves.toEqual(['vm-1', 'vm-2']);
    expect(sdk.calls).toEqual([undefined]);
  });

  it('makes no call at all for maxItems 0, and returns everything when maxItems is larger', async () => {
    const none = threePages();
    await expect(listAll(none.listPage, { maxItems: 0 })).resolves.toEqual([]);
    expect(none.calls).toEqual([]);
    const all = threePages();
    await expect(listAll(all.listPage, { maxItems: 100 })).resolves.toHaveLength(5);
  });

  it.each([-1, -0.5, 0.5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '3' as unknown as number])(
    'rejects maxItems = %p with a RangeError before any call',
    async (maxItems) => {
      const sdk = threePages();
      await expect(listAll(sdk.listPage, { maxItems })).rejects.toThrow(RangeError);
      expect(sdk.calls).toEqual([]);
    },
  );

  it('accepts maxItems 1, and treats an explicit undefined as no limit', async () => {
    const one = threePages();
    await expect(listAll(one.listPage, { maxItems: 1 })).resolves.toEqual(['vm-1']);
    expect(one.calls).toEqual([undefined]);
    const unlimited = threePages();
    await expect(listAll(unlimited.listPage, { maxItems: undefined })).resolves.toHaveLength(5);
    expect(unlimited.calls).toEqual([undefined, 'p2', 'p3']);
  });

  it('keeps items that are falsy: 0, empty strings, null, false and undefined', async () => {
    const sdk = fakeSdk<unknown>({
      '<start>': { items: [0, ''], nextToken: 't' },
      t: { items: [null, false, undefined, 'last'] },
    });
    await expect(listAll(sdk.listPage)).resolves.toEqual([0, '', null, false, undefined, 'last']);
    const seen: unknown[] = [];
    for await (const item of iterateItems(fakeSdk<unknown>({ '<start>': { items: [undefined, 0, null] } }).listPage)) {
      seen.push(item);
    }
    expect(seen).toEqual([undefined, 0, null]);
  });

  it('treats any other string, even "0" or a space, as a real token', async () => {
    const sdk = fakeSdk<number>({
      '<start>': { items: [1], nextToken: '0' },
      '0': { items: [2], nextToken: ' ' },
      ' ': { items: [3], nextToken: null },
    });
    await expect(listAll(sdk.listPage)).resolves.toEqual([1, 2, 3]);
    expect(sdk.calls).toEqual([undefined, '0', ' ']);
  });

  it('passes SDK errors through unchanged', async () => {
    const throttled = new Error('ThrottlingException: Rate exceeded');
    let calls = 0;
    const listPage: ListPage<number> = async (token) => {
      calls++;
      if (token === 'p2') throw throttled;
      return { items: [1], nextToken: 'p2' };
    };
    await expect(listAll(listPage)).rejects.toBe(throttled);
    expect(calls).toBe(2);
  });

  it('passes through a rejection that is not an Error, from the first call too', async () => {
    const odd = { code: 'RequestLimitExceeded' };
    await expect(listAll<number>(async () => Promise.reject(odd))).rejects.toBe(odd);
    await expect(listAll<number>(async () => Promise.reject('socket hang up'))).rejects.toBe('socket hang up');
  });
});

describe('iterateItems', () => {
  it('yields every item in order', async () => {
    const sdk = threePages();
    const seen: string[] = [];
    for await (const vm of iterateItems(sdk.listPage)) seen.push(vm);
    expect(seen).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5']);
    expect(sdk.calls).toEqual([undefined, 'p2', 'p3']);
  });

  it('asks for the next page only when the consumer asks for the item after the last fetched one', async () => {
    const sdk = threePages();
    const iterator = iterateItems(sdk.listPage);
    await expect(iterator.next()).resolves.toEqual({ value: 'vm-1', done: false });
    await expect(iterator.next()).resolves.toEqual({ value: 'vm-2', done: false });
    expect(sdk.calls).toEqual([undefined]);
    await expect(iterator.next()).resolves.toEqual({ value: 'vm-3', done: false });
    expect(sdk.calls).toEqual([undefined, 'p2']);
    await expect(iterator.return()).resolves.toEqual({ value: undefined, done: true });
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(sdk.calls).toEqual([undefined, 'p2']);
  });

  it.each([-1, 1.5, Number.NaN])('rejects maxItems = %p with a RangeError from the iteration, before any call', async (maxItems) => {
    const sdk = threePages();
    const error = await rejection(take(iterateItems(sdk.listPage, { maxItems }), 10));
    expect(error).toBeInstanceOf(RangeError);
    expect(sdk.calls).toEqual([]);
  });

  it('makes no call for maxItems 0 and stops at maxItems 1', async () => {
    const none = threePages();
    await expect(take(iterateItems(none.listPage, { maxItems: 0 }), 10)).resolves.toEqual([]);
    const iterator = iterateItems(none.listPage, { maxItems: 0 });
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(none.calls).toEqual([]);
    const one = threePages();
    await expect(take(iterateItems(one.listPage, { maxItems: 1 }), 10)).resolves.toEqual(['vm-1']);
    expect(one.calls).toEqual([undefined]);
  });

  it('keeps going through empty pages that still carry a token', async () => {
    const sdk = fakeSdk<number>({
      '<start>': { items: [], nextToken: 'a' },
      a: { items: [], nextToken: 'b' },
      b: { items: [7, 8], nextToken: '' },
    });
    await expect(take(iterateItems(sdk.listPage), 10)).resolves.toEqual([7, 8]);
    expect(sdk.calls).toEqual([undefined, 'a', 'b']);
  });

  it('passes an error of the first call through unchanged, even one that is not an Error', async () => {
    const iterator = iterateItems<number>(async () => Promise.reject('ECONNRESET'));
    await expect(iterator.next()).rejects.toBe('ECONNRESET');
  });

  it('fetches a page only when the consumer needs its items', async () => {
    const sdk = threePages();
    await expect(take(iterateItems(sdk.listPage), 2)).resolves.toEqual(['vm-1', 'vm-2']);
    expect(sdk.calls).toEqual([undefined]);
  });

  it('requests no more pages after the consumer breaks out', async () => {
    const sdk = threePages();
    await expect(take(iterateItems(sdk.listPage), 3)).resolves.toEqual(['vm-1', 'vm-2', 'vm-3']);
    expect(sdk.calls).toEqual([undefined, 'p2']);
  });

  it('does nothing until iterated', async () => {
    const sdk = threePages();
    const iterator = iterateItems(sdk.listPage);
    expect(sdk.calls).toEqual([]);
    await expect(iterator.next()).resolves.toEqual({ value: 'vm-1', done: false });
    expect(sdk.calls).toEqual([undefined]);
  });

  it('yields the items it has before an error on a later page', async () => {
    const denied = new Error('AccessDenied');
    const listPage: ListPage<string> = async (token) => {
      if (token === undefined) return { items: ['a', 'b'], nextToken: 'next' };
      throw denied;
    };
    const seen: string[] = [];
    let caught: unknown;
    try {
      for await (const item of iterateItems(listPage)) seen.push(item);
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual(['a', 'b']);
    expect(caught).toBe(denied);
  });

  it('applies maxItems and the repeated-token guard too', async () => {
    const limited = threePages();
    await expect(take(iterateItems(limited.listPage, { maxItems: 3 }), 10)).resolves.toEqual(['vm-1', 'vm-2', 'vm-3']);
    expect(limited.calls).toEqual([undefined, 'p2']);
    const circular = fakeSdk<number>({ '<start>': { items: [1], nextToken: 'x' }, x: { items: [], nextToken: 'x' } });
    await expectRepeated(take(iterateItems(circular.listPage), 10), 'x');
    expect(circular.calls).toEqual([undefined, 'x']);
  });
});
