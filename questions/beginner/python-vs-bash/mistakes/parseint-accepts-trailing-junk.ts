// Title: Reads the status with parseInt, accepting tokens like "200abc" or "0200"
// Breaks: "A valid status is exactly three digits between 100 and 599."
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

function readStatus(line: string): number | null {
  const open = line.indexOf('"');
  if (open < 0) return null;
  const close = line.indexOf('"', open + 1);
  if (close < 0) return null;
  const token = line.slice(close + 1).trim().split(/\s+/)[0];
  if (!token) return null;
  const status = Number.parseInt(token, 10);
  if (Number.isNaN(status)) return null;
  if (status < 100 || status > 599) return null;
  return status;
}

export function topStatusCodes(lines: readonly string[], n: number): StatusSummary {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const counts = new Map<number, number>();
  let malformed = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const status = readStatus(line);
    if (status === null) {
      malformed++;
      continue;
    }
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const top = [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count || a.status - b.status)
    .slice(0, n);
  return { top, malformed };
}
