// Title: Indexes the counts with plain obj[key], so services like constructor / __proto__ are miscounted
// Breaks: "a service called `constructor` or `__proto__` is counted like any other"
/** service -> error type -> count */
export type ErrorCounts = Record<string, Record<string, number>>;

// <timestamp> <LEVEL> [<service>] <ErrorType>: <message>
const TEXT_LINE = /^(\S+) +(\S+) +\[([A-Za-z0-9._-]+)\] +([A-Za-z_][A-Za-z0-9_.]*):(.*)$/;

interface ErrorEvent {
  service: string;
  errorType: string;
}

function isErrorLevel(level: unknown): boolean {
  return typeof level === 'string' && level.toLowerCase() === 'error';
}

function fromJson(value: unknown): ErrorEvent | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const { level, service, error_type: errorType } = record;
  if (!isErrorLevel(level)) return null;
  if (typeof service !== 'string' || service === '') return null;
  if (typeof errorType !== 'string' || errorType === '') return null;
  return { service, errorType };
}

function fromText(line: string): ErrorEvent | null {
  const match = TEXT_LINE.exec(line);
  if (!match) return null;
  const [, , level, service, errorType] = match;
  if (!isErrorLevel(level)) return null;
  return { service: service!, errorType: errorType! };
}

function parseLine(raw: string): ErrorEvent | null {
  const line = raw.trim();
  if (line === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return fromText(line);
  }
  return fromJson(parsed);
}

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function getOwn<T>(target: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}

export function countErrors(lines: Iterable<string>): ErrorCounts {
  const counts: ErrorCounts = {};
  for (const raw of lines) {
    let event: ErrorEvent | null;
    try {
      event = parseLine(String(raw));
    } catch {
      event = null;
    }
    if (!event) continue;
    const byType = (counts[event.service] ??= {});
    byType[event.errorType] = (byType[event.errorType] ?? 0) + 1;
  }
  return counts;
}

function byPlainOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toJsonReport(counts: ErrorCounts): string {
  const sorted: ErrorCounts = {};
  for (const service of Object.keys(counts).sort(byPlainOrder)) {
    const inner = counts[service]!;
    const sortedInner: Record<string, number> = {};
    for (const type of Object.keys(inner).sort(byPlainOrder)) setOwn(sortedInner, type, inner[type]!);
    setOwn(sorted, service, sortedInner);
  }
  return JSON.stringify(sorted, null, 2);
}
