export interface StatusCount {
  status: number;
  count: number;
}

export interface StatusSummary {
  /** At most n entries: highest count first, ties broken by the lower status code. */
  top: StatusCount[];
  /** Non-blank lines whose status could not be read. */
  malformed: number;
}

export function topStatusCodes(lines: readonly string[], n: number): StatusSummary {
  throw new Error('Not implemented: topStatusCodes');
}
