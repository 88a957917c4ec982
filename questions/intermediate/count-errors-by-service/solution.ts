/** service -> error type -> count */
export type ErrorCounts = Record<string, Record<string, number>>;

// <timestamp> <LEVEL> [<service>] <ErrorType>: <message>
// Anchored, and every group uses a class that cannot run past the delimiter that ends it.
const TEXT_LINE = /^\S+ +(?<level>\w+) +\[(?<service>[\w.-]+)\] +(?<type>[A-Za-z_][\w.]*):(?<message>.*)$/;

function isErrorLevel(level: unknown): boolean {
  return typeof level === 'string' && level.toLowerCase() === 'error';
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function countErrors(lines: Iterable<string>): ErrorCounts {
  // Maps play Python's nested defaultdict: no inherited keys, any string is a safe key.
  const counts = new Map<string, Map<string, number>>();
  const add = (service: string, type: string): void => {
    let perService = counts.get(service);
    if (!perService) counts.set(service, (perService = new Map()));
    perService.set(type, (perService.get(type) ?? 0) + 1);
  };

  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;

    let parsed: unknown;
    let isJson = true;
    try {
      parsed = JSON.parse(line);
    } catch {
      isJson = false;
    }

    if (isJson) {
      // Judged as JSON only: never fall through to the text pattern.
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        const record = parsed as Record<string, unknown>;
        if (isErrorLevel(record.level) && nonEmptyString(record.service) && nonEmptyString(record.error_type)) {
          add(record.service, record.error_type);
        }
      }
      continue;
    }

    const match = TEXT_LINE.exec(line);
    if (match?.groups && isErrorLevel(match.groups.level)) {
      add(match.groups.service, match.groups.type);
    }
  }

  return Object.fromEntries([...counts].map(([service, types]) => [service, Object.fromEntries(types)]));
}

export function toJsonReport(counts: ErrorCounts): string {
  const byName = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const sorted = Object.fromEntries(
    Object.entries(counts)
      .sort(byName)
      .map(([service, types]) => [service, Object.fromEntries(Object.entries(types).sort(byName))]),
  );
  return JSON.stringify(sorted, null, 2);
}
