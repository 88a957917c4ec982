/** service -> error type -> count */
export type ErrorCounts = Record<string, Record<string, number>>;

export function countErrors(lines: Iterable<string>): ErrorCounts {
  throw new Error('Not implemented: countErrors');
}

export function toJsonReport(counts: ErrorCounts): string {
  throw new Error('Not implemented: toJsonReport');
}
