// `test.each` / `describe.each` tables and their titles, following Jest: arrays of rows (printf placeholders
// %s %d %i %f %j %o %O %p %# %$ %%), arrays of objects with `$key` / `$key.path` / `$#` titles, and tagged
// template tables (`a | b` headings, then `${value}`s).
import { format, inspect } from 'node:util';
import { printValue } from './errors';

export interface EachCase {
  title: string;
  /** Arguments handed to the test or describe callback. */
  args: unknown[];
}

function isTemplateStrings(table: unknown): table is TemplateStringsArray {
  return Array.isArray(table) && Object.prototype.hasOwnProperty.call(table, 'raw');
}

function isPlainRow(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

/** Expands a table into titled cases; throws (as Jest does, at collection time) when the table is malformed. */
export function expandEach(title: string, table: unknown, templateValues: unknown[]): EachCase[] {
  if (isTemplateStrings(table)) {
    const headings = table[0]
      .split('|')
      .map((h) => h.trim())
      .filter((h) => h !== '');
    if (headings.length === 0) throw new Error('.each: the template table has no headings');
    if (templateValues.length % headings.length !== 0) {
      throw new Error(
        `.each: not enough arguments supplied for the given headings:\n${headings.join(' | ')}\n\n` +
          `Received ${templateValues.length} values, which is not a multiple of ${headings.length}.`,
      );
    }
    const cases: EachCase[] = [];
    for (let i = 0; i < templateValues.length; i += headings.length) {
      const row: Record<string, unknown> = {};
      headings.forEach((h, k) => (row[h] = templateValues[i + k]));
      cases.push({ title: interpolateKeys(title, row, cases.length), args: [row] });
    }
    return cases;
  }
  if (!Array.isArray(table)) {
    throw new Error(`.each must be called with an array or a tagged template table; received ${printValue(table, { min: true })}`);
  }
  if (table.length === 0) throw new Error('.each was called with an empty table');
  const rows: unknown[] = table;
  if (title.includes('$') && rows.every(isPlainRow)) {
    return rows.map((row, index) => ({ title: interpolateKeys(title, row as Record<string, unknown>, index), args: [row] }));
  }
  return rows.map((row, index) => {
    const args = Array.isArray(row) ? [...(row as unknown[])] : [row];
    return { title: formatPrintf(title, args, index), args };
  });
}

const PRINTF = /%[sdifjoOp#$%]/g;

/** Jest's printf-style titles: each placeholder consumes the next value of the row. */
export function formatPrintf(title: string, values: unknown[], index: number): string {
  let next = 0;
  return title.replace(PRINTF, (placeholder) => {
    switch (placeholder) {
      case '%%':
        return '%';
      case '%#':
        return String(index);
      case '%$':
        return String(index + 1);
      default:
        break;
    }
    if (next >= values.length) return placeholder;
    const value = values[next++];
    if (placeholder === '%p') return printValue(value, { maxDepth: 1, min: true });
    // %s of an object: util.format would call the other realm's toString ("[object Object]"); inspect it instead.
    if (placeholder === '%s' && ((typeof value === 'object' && value !== null) || typeof value === 'function')) {
      return inspect(value, { depth: 0, colors: false, compact: 3 });
    }
    try {
      return format(placeholder, value);
    } catch {
      return printValue(value, { maxDepth: 1, min: true });
    }
  });
}

const KEY = /\$(#|[A-Za-z_][\w]*(?:\.[A-Za-z_$][\w$]*)*)/g;

function interpolateKeys(title: string, row: Record<string, unknown>, index: number): string {
  return title.replace(KEY, (whole, path: string) => {
    if (path === '#') return String(index);
    const [head, ...rest] = path.split('.');
    if (!Object.prototype.hasOwnProperty.call(row, head)) return whole;
    let value: unknown = row[head];
    for (const key of rest) {
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
    // As Jest: primitives as they are, objects pretty-printed on one line.
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
    return printValue(value, { maxDepth: 1, min: true });
  });
}
