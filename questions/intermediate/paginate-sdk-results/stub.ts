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

export async function listAll<T>(listPage: ListPage<T>, options: PaginateOptions = {}): Promise<T[]> {
  throw new Error('Not implemented: listAll');
}

export async function* iterateItems<T>(
  listPage: ListPage<T>,
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  throw new Error('Not implemented: iterateItems');
}
