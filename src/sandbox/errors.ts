// Turning whatever user code throws (Errors from any realm, assertion errors, strings, objects, undefined, hostile
// proxies) into a message, printed expected/actual values and a location in the user's files.
import { JestAssertionError } from 'expect';
import { format as prettyFormat, plugins } from 'pretty-format';
import type { SourceLocation } from '../core/runner/types';

// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /[\u001b\u009b][[\]()#;?]*(?:(?:[a-zA-Z\d]*(?:;[a-zA-Z\d]*)*)?\u0007|(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~])/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

const PRINT_PLUGINS = [
  plugins.AsymmetricMatcher,
  plugins.DOMCollection,
  plugins.DOMElement,
  plugins.Immutable,
  plugins.ReactElement,
  plugins.ReactTestComponent,
];

/** Longer messages, stacks and printed strings are cut before any work is done on them (a 50 MB stack must not
 * run the sandbox out of memory). */
export const MAX_ERROR_TEXT = 64 * 1024;

function cut(text: string, max = MAX_ERROR_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`;
}

/** Prints a value the way Jest's matchers do (pretty-format, no colours); never throws. */
export function printValue(value: unknown, options: { maxDepth?: number; min?: boolean } = {}): string {
  if (typeof value === 'string' && value.length > MAX_ERROR_TEXT) value = cut(value);
  try {
    return prettyFormat(value, { plugins: PRINT_PLUGINS, escapeString: false, ...options });
  } catch {
    try {
      return String(value);
    } catch {
      return '<unprintable value>';
    }
  }
}

/** Reads a property without letting a hostile getter or proxy trap escape. */
export function safeGet(target: unknown, key: string): unknown {
  if ((typeof target !== 'object' && typeof target !== 'function') || target === null) return undefined;
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

export interface Frame extends SourceLocation {
  fn?: string;
}

/** The checked files, as stack traces name them. */
export interface UserFiles {
  isUserFile(file: string): boolean;
  /** From a position in the transformed code that ran to the same place in the file the user wrote. */
  mapPosition(file: string, line: number, column: number): { line: number; column: number };
}

const FRAME_PATTERN = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;

/** Stack frames (innermost first) that point into one of the checked files, in the user's coordinates. */
export function userFrames(stack: string, files: UserFiles): Frame[] {
  const frames: Frame[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME_PATTERN.exec(line);
    if (!m) continue;
    const file = m[2];
    if (!files.isUserFile(file)) continue;
    const at = files.mapPosition(file, Number(m[3]), Number(m[4]));
    frames.push({ file, line: at.line, column: at.column, fn: m[1] });
  }
  return frames;
}

export function isErrorLike(value: unknown): value is { message: string; stack?: string; name?: string } {
  return typeof value === 'object' && value !== null && typeof safeGet(value, 'message') === 'string';
}

export interface ThrownDescription {
  message: string;
  expected?: string;
  actual?: string;
  frames: Frame[];
}

/**
 * Describes a thrown value. Assertion errors keep the matcher's own message (colours stripped) and its printed
 * expected/actual; other errors become `Name: message` plus the frames in the user's files; anything else that was
 * thrown is printed as `thrown: <value>`, as Jest does.
 */
export function describeThrown(value: unknown, files: UserFiles, isAssertion = false): ThrownDescription {
  if (!isErrorLike(value)) {
    return { message: `thrown: ${printValue(value)}`, frames: [] };
  }
  const rawStack = safeGet(value, 'stack');
  const stack = typeof rawStack === 'string' ? rawStack.slice(0, 4 * MAX_ERROR_TEXT) : '';
  const frames = userFrames(stack, files);
  const message = stripAnsi(cut(String(safeGet(value, 'message'))));
  const matcherResult = safeGet(value, 'matcherResult');
  const hasResult = typeof matcherResult === 'object' && matcherResult !== null;
  if (isAssertion || hasResult || value instanceof JestAssertionError) {
    const description: ThrownDescription = { message, frames };
    if (hasResult && hasOwn(matcherResult, 'expected') && hasOwn(matcherResult, 'actual')) {
      description.expected = printValue(safeGet(matcherResult, 'expected'));
      description.actual = printValue(safeGet(matcherResult, 'actual'));
    }
    return description;
  }
  const rawName = safeGet(value, 'name');
  const name = typeof rawName === 'string' && rawName !== '' ? rawName.slice(0, 200) : 'Error';
  const header = message === '' ? name : `${name}: ${message}`;
  const trace = frames.map((f) => `    at ${f.fn ? `${f.fn} (${f.file}:${f.line}:${f.column})` : `${f.file}:${f.line}:${f.column}`}`);
  return { message: [header, ...trace].join('\n'), frames };
}

function hasOwn(target: object, key: string): boolean {
  try {
    return Object.prototype.hasOwnProperty.call(target, key);
  } catch {
    return false;
  }
}

/**
 * V8 reports a syntax error found while compiling as `file:line\n<source line>\n<spaces>^^^\n\nSyntaxError: ...`
 * in the error's stack; this recovers the position (the column from the caret).
 */
export function syntaxErrorPosition(error: unknown, file: string): { line: number; column: number } | undefined {
  const stack = safeGet(error, 'stack');
  if (typeof stack !== 'string') return undefined;
  const lines = stack.split('\n');
  const head = /^(.*):(\d+)$/.exec(lines[0] ?? '');
  if (!head || head[1] !== file) return undefined;
  const caret = (lines[2] ?? '').indexOf('^');
  return { line: Number(head[2]), column: caret >= 0 ? caret + 1 : 1 };
}
