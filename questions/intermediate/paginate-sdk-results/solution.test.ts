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
    await expect(listAll(sdk.listPage)).rejects.toThrow(/repeated.*"A"/);
    expect(sdk.calls).toEqual([undefined, 'A', 'B']);
  });

  it('fails on a page that hands back its own token', async () => {
    const sdk = fakeSdk<number>({
      '<start>': { items: [1], nextToken: 'same' },
      same: { items: [2], nextToken: 'same' },
    });
    await expect(listAll(sdk.listPage)).rejects.toThrow(/repeated.*"same"/);
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

  it.each([-1, 2.5, Number.NaN])('rejects maxItems = %p with a RangeError before any call', async (maxItems) => {
    const sdk = threePages();
    await expect(listAll(sdk.listPage, { maxItems })).rejects.toThrow(RangeError);
    expect(sdk.calls).toEqual([]);
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
});

describe('iterateItems', () => {
  it('yields every item in order', async () => {
    const sdk = threePages();
    const seen: string[] = [];
    for await (const vm of iterateItems(sdk.listPage)) seen.push(vm);
    expect(seen).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5']);
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
    await expect(take(iterateItems(circular.listPage), 10)).rejects.toThrow(/repeated.*"x"/);
  });
});
