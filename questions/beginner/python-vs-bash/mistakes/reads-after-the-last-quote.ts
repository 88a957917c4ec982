// Title: Reads the token after the last closing quote, so combined-format lines (referer, agent) break
// Breaks: "The status code is the **first token after the request string**, i.e. after the closing `"` of the first `"..."` section."
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

/** The status code of one log line, or null when it cannot be read. */
function statusOf(line: string): number | null {
  const open = line.indexOf('"');
  if (open === -1) return null;
  const close = line.lastIndexOf('"');
  if (close === open) return null;
  const token = line.slice(close + 1).trim().split(/\s+/)[0];
  if (!/^[0-9]{3}$/.test(token)) return null;
  const status = Number(token);
  return status >= 100 && status <= 599 ? status : null;
}

export function topStatusCodes(lines: readonly string[], n: number): StatusSummary {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const counts = new Map<number, number>();
  let malformed = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const status = statusOf(line);
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
