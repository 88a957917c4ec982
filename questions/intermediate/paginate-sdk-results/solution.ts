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

function checkMaxItems(options: PaginateOptions): number {
  const { maxItems } = options;
  if (maxItems === undefined) return Infinity;
  if (!Number.isInteger(maxItems) || maxItems < 0) {
    throw new RangeError(`maxItems must be an integer >= 0, got ${maxItems}`);
  }
  return maxItems;
}

export async function* iterateItems<T>(
  listPage: ListPage<T>,
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const maxItems = checkMaxItems(options);
  if (maxItems === 0) return;
  const used = new Set<string>();
  let token: string | undefined = undefined;
  let produced = 0;
  for (;;) {
    const page = await listPage(token); // only when the consumer wants more than we have
    for (const item of page.items) {
      yield item;
      produced++;
      if (produced >= maxItems) return; // enough: never ask for the next page
    }
    const next = page.nextToken;
    if (next === undefined || next === null || next === '') return; // the token, not the page size, says "done"
    if (used.has(next)) throw new Error(`pagination token repeated: "${next}"`);
    used.add(next);
    token = next;
  }
}

export async function listAll<T>(listPage: ListPage<T>, options: PaginateOptions = {}): Promise<T[]> {
  checkMaxItems(options); // a RangeError before any call, even if nobody iterates
  const items: T[] = [];
  for await (const item of iterateItems(listPage, options)) items.push(item);
  return items;
}
