// Title: The generator fetches the next page before yielding the current page (one page ahead)
// Breaks: "fetches a page only when the consumer asks for an item that has not been fetched yet; if the consumer stops early (`break`), no further page is requested."
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

function checkMaxItems(maxItems: number | undefined): void {
  if (maxItems === undefined) return;
  if (!Number.isInteger(maxItems) || maxItems < 0) {
    throw new RangeError(`maxItems must be an integer >= 0, got ${String(maxItems)}`);
  }
}

function nextTokenOf<T>(page: Page<T>, used: Set<string>): string | undefined {
  const token = page.nextToken;
  if (token === undefined || token === null || token === '') return undefined;
  if (used.has(token)) throw new Error(`pagination token "${token}" repeated: the API is going in circles`);
  used.add(token);
  return token;
}

export async function listAll<T>(listPage: ListPage<T>, options: PaginateOptions = {}): Promise<T[]> {
  const { maxItems } = options;
  checkMaxItems(maxItems);
  const items: T[] = [];
  if (maxItems === 0) return items;
  const used = new Set<string>();
  let token: string | undefined = undefined;
  for (;;) {
    const page: Page<T> = await listPage(token);
    for (const item of page.items) {
      items.push(item);
      if (maxItems !== undefined && items.length >= maxItems) return items;
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
  const { maxItems } = options;
  checkMaxItems(maxItems);
  if (maxItems === 0) return;
  const used = new Set<string>();
  let produced = 0;
  let page: Page<T> = await listPage(undefined);
  for (;;) {
    // Fetch the following page up front so the consumer never waits mid-page.
    const next = nextTokenOf(page, used);
    const following: Page<T> | undefined = next === undefined ? undefined : await listPage(next);
    for (const item of page.items) {
      yield item;
      produced++;
      if (maxItems !== undefined && produced >= maxItems) return;
    }
    if (following === undefined) return;
    page = following;
  }
}
