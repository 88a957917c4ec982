// Title: The repeated-token error names the token without double quotes
// Breaks: "throw an `Error` whose message contains `repeated` and the token in double quotes"
export interface Page<T> {
  items: T[];
  /** Missing, null or '' when this was the last page. */
  nextToken?: string | null;
}

/** One SDK list call: `undefined` asks for the first page. */
export type ListPage<T> = (token: string | undefined) => Promise<Page<T>>;

export interface PaginateOptions {
  /** At most this many items (an integer >= 0). Default: no limit. */
  maxItems?: number;
}

function limitOf(options: PaginateOptions): number {
  const { maxItems } = options;
  if (maxItems === undefined) return Infinity;
  if (typeof maxItems !== 'number' || !Number.isInteger(maxItems) || maxItems < 0) {
    throw new RangeError(`maxItems must be an integer >= 0, got ${String(maxItems)}`);
  }
  return maxItems;
}

/** Returns the token for the next call, or undefined when there are no more pages. */
function nextTokenOf(page: { nextToken?: string | null }, used: Set<string>): string | undefined {
  const token = page.nextToken;
  if (token === undefined || token === null || token === '') return undefined;
  if (used.has(token)) throw new Error(`pagination token ${token} repeated: the API is going around in a circle`);
  used.add(token);
  return token;
}

export async function listAll<T>(listPage: ListPage<T>, options: PaginateOptions = {}): Promise<T[]> {
  const limit = limitOf(options);
  const items: T[] = [];
  if (limit === 0) return items;
  const used = new Set<string>();
  let token: string | undefined = undefined;
  for (;;) {
    const page: Page<T> = await listPage(token);
    for (const item of page.items) {
      items.push(item);
      if (items.length >= limit) return items;
    }
    const next = nextTokenOf(page, used);
    if (next === undefined) return items;
    token = next;
  }
}

export async function* iterateItems<T>(
  listPage: ListPage<T>,
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const limit = limitOf(options);
  if (limit === 0) return;
  const used = new Set<string>();
  let produced = 0;
  let token: string | undefined = undefined;
  for (;;) {
    const page: Page<T> = await listPage(token);
    for (const item of page.items) {
      yield item;
      produced++;
      if (produced >= limit) return;
    }
    const next = nextTokenOf(page, used);
    if (next === undefined) return;
    token = next;
  }
}
