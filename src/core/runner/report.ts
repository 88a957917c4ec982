// A plain-text rendering of a CheckResult: one line per test (✓ / ✗ / ○), failure messages indented under their
// test, then captured output and the summary. Used by the `drills` CLI; free of colours and of the editor.
import type { CheckResult, SourceLocation } from './types';

export interface ReportOptions {
  /** Maps a checked file's name (e.g. 'solution.ts') to what the reader should see (e.g. the path they passed). */
  displayFile?: (file: string) => string;
}

const MARK = { passed: '✓', failed: '✗', skipped: '○' } as const;

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

export function formatCheckReport(result: CheckResult, options: ReportOptions = {}): string {
  const display = options.displayFile ?? ((file: string) => file);
  const where = (l: SourceLocation) => `${display(l.file)}:${l.line}:${l.column}`;
  const lines: string[] = [];
  for (const e of result.compileErrors) lines.push(`${where(e)}: ${e.message}`);
  for (const t of result.tests) {
    const todo = t.status === 'skipped' && t.message === 'todo' ? ' (todo)' : '';
    const time = t.status === 'skipped' ? '' : ` (${Math.round(t.durationMs)} ms)`;
    lines.push(`${MARK[t.status]} ${t.fullName}${todo}${time}`);
    if (t.status === 'failed') {
      if (t.message) lines.push(indent(t.message, '    '));
      if (t.location) lines.push(`    at ${where(t.location)}`);
      lines.push('');
    }
  }
  if (result.output !== '') {
    lines.push('', 'Output:', indent(result.output.replace(/\n$/, ''), '  '));
    if (result.outputTruncated) lines.push('  … (output truncated)');
  }
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  lines.push(result.summary);
  return lines.join('\n');
}
