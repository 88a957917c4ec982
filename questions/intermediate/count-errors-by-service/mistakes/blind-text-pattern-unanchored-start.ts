// Title: Text pattern is not anchored at the start of the line
// Breaks: "A line that is not valid JSON is matched against the text pattern (anchored at both ends)"
/** service -> error type -> count */
export type ErrorCounts = Record<string, Record<string, number>>;

const TEXT_LINE = /(\S+) +(\S+) +\[([A-Za-z0-9._-]+)\] +([A-Za-z_][A-Za-z0-9_.]*):(?: +(.*))?$/;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function setOwn<V>(target: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function matchLine(line: string): [string, string] | null {
  let parsed: unknown;
  let isJson = true;
  try {
    parsed = JSON.parse(line);
  } catch {
    isJson = false;
  }
  if (isJson) {
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const record = parsed as Record<string, unknown>;
    const { level, service, error_type: errorType } = record;
    if (typeof level !== 'string' || level.toLowerCase() !== 'error') return null;
    if (!isNonEmptyString(service) || !isNonEmptyString(errorType)) return null;
    return [service, errorType];
  }
  const m = TEXT_LINE.exec(line);
  if (!m) return null;
  if (m[2].toLowerCase() !== 'error') return null;
  return [m[3], m[4]];
}

export function countErrors(lines: Iterable<string>): ErrorCounts {
  const counts = new Map<string, Map<string, number>>();
  for (const raw of lines) {
    if (typeof raw !== 'string') continue;
    const line = raw.trim();
    if (line === '') continue;
    const hit = matchLine(line);
    if (!hit) continue;
    const [service, errorType] = hit;
    let perType = counts.get(service);
    if (!perType) {
      perType = new Map();
      counts.set(service, perType);
    }
    perType.set(errorType, (perType.get(errorType) ?? 0) + 1);
  }
  const result: ErrorCounts = {};
  for (const [service, perType] of counts) {
    const inner: Record<string, number> = {};
    for (const [errorType, n] of perType) setOwn(inner, errorType, n);
    setOwn(result, service, inner);
  }
  return result;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toJsonReport(counts: ErrorCounts): string {
  const sorted: ErrorCounts = {};
  for (const service of Object.keys(counts).sort(byCodeUnit)) {
    const inner: Record<string, number> = {};
    const perType = counts[service];
    for (const errorType of Object.keys(perType).sort(byCodeUnit)) setOwn(inner, errorType, perType[errorType]);
    setOwn(sorted, service, inner);
  }
  return JSON.stringify(sorted, null, 2);
}
