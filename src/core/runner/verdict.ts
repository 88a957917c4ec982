// From what happened during a check to its verdict and one-line summary (pure; shared by the runner and tests).
import { SUITE_FAILURE_TITLE } from './protocol';
import type { CheckResult, CompileError, TestResult, Verdict } from './types';

/** How the check ended, seen from the host. */
export type Ending =
  | { kind: 'completed' }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'out-of-memory'; memoryMb: number }
  | { kind: 'output-limit'; limitBytes: number }
  | { kind: 'crashed'; reason: string }
  | { kind: 'cancelled'; reason?: string };

export interface CheckParts {
  ending: Ending;
  entry: string;
  tests: TestResult[];
  compileErrors: CompileError[];
  output: string;
  outputTruncated: boolean;
  durationMs: number;
  /** Why the check does not count whatever its tests say (see DoneEvent.refused). */
  refused?: string;
}

/** Title of the failed result added to a check that was not accepted. */
export const REFUSED_TITLE = 'The check was not accepted';

export function countTests(tests: TestResult[]): CheckResult['counts'] {
  const counts = { passed: 0, failed: 0, skipped: 0, total: tests.length };
  for (const t of tests) counts[t.status]++;
  return counts;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(1))} s`;
}

export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function buildResult(parts: CheckParts): CheckResult {
  if (parts.refused !== undefined && parts.ending.kind === 'completed') {
    const notice: TestResult = { fullName: REFUSED_TITLE, titlePath: [REFUSED_TITLE], status: 'failed', durationMs: 0, message: parts.refused };
    parts = { ...parts, tests: [...parts.tests, notice] };
  }
  const counts = countTests(parts.tests);
  const { verdict, summary } = judge(parts, counts);
  return {
    verdict,
    summary,
    tests: parts.tests.map(withoutInternalFrames),
    counts,
    compileErrors: parts.compileErrors,
    output: parts.output,
    outputTruncated: parts.outputTruncated,
    durationMs: Math.round(parts.durationMs),
  };
}

/**
 * A stack frame of the sandbox itself (its bundle, its guard, V8's generator plumbing) rather than of the checked
 * files: `toThrow` messages print the thrown error's whole stack, which would bury the user's frames under them.
 */
const INTERNAL_FRAME = /^\s*at (?:.*[(\s])?(?:[^\s()]*sandbox\.js:\d+:\d+|drills-guard:\d+:\d+|<anonymous>|node:internal\/[^\s)]*)\)?\s*$/;

/** The test's message without the sandbox's own stack frames. */
export function withoutInternalFrames(test: TestResult): TestResult {
  if (test.message === undefined || !test.message.includes(' at ')) return test;
  const message = test.message.split('\n').filter((line) => !INTERNAL_FRAME.test(line)).join('\n');
  return message === test.message ? test : { ...test, message };
}

function judge(parts: CheckParts, counts: CheckResult['counts']): { verdict: Verdict; summary: string } {
  const ran = counts.passed + counts.failed;
  const sofar = ran > 0 ? ` (${counts.passed} of ${plural(ran, 'test')} passed before that)` : '';
  const { ending } = parts;
  switch (ending.kind) {
    case 'cancelled':
      return { verdict: 'cancelled', summary: ending.reason ?? 'Cancelled' };
    case 'timeout':
      return { verdict: 'timeout', summary: `Timed out after ${formatSeconds(ending.timeoutMs)} (an endless loop?)${sofar}` };
    case 'out-of-memory':
      return { verdict: 'out-of-memory', summary: `Ran out of memory (the limit is ${ending.memoryMb} MB)${sofar}` };
    case 'output-limit':
      return { verdict: 'output-limit', summary: `Stopped after printing more than ${formatBytes(ending.limitBytes)} of output${sofar}` };
    case 'crashed':
      return { verdict: 'crashed', summary: `${ending.reason}${sofar}` };
    case 'completed':
      break;
  }
  if (parts.compileErrors.length > 0) {
    const first = parts.compileErrors[0];
    const more = parts.compileErrors.length > 1 ? ` (and ${parts.compileErrors.length - 1} more)` : '';
    return { verdict: 'compile-error', summary: `Syntax error in ${first.file}:${first.line}:${first.column}: ${first.message}${more}` };
  }
  if (parts.refused !== undefined) {
    return { verdict: 'failed', summary: `Not accepted: ${parts.refused}` };
  }
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
  const suite = parts.tests.find((t) => t.status === 'failed' && t.fullName === SUITE_FAILURE_TITLE);
  if (suite) {
    return { verdict: 'failed', summary: `${SUITE_FAILURE_TITLE}: ${(suite.message ?? '').split('\n')[0]}` };
  }
  if (counts.failed > 0) {
    return { verdict: 'failed', summary: `${counts.passed} of ${plural(ran, 'test')} passed${skipped}` };
  }
  if (counts.passed === 0) {
    return {
      verdict: 'no-tests',
      summary: counts.skipped > 0 ? `No tests ran (${counts.skipped} skipped)` : `No tests found in ${parts.entry}`,
    };
  }
  return { verdict: 'passed', summary: `All ${plural(counts.passed, 'test')} passed${skipped}` };
}
