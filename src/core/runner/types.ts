// The public shapes of the solution checker. Others (the VS Code layer, the CLI, the bank tests) code against these.

export type TestStatus = 'passed' | 'failed' | 'skipped';

/** A position in one of the checked files; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface TestResult {
  /** Titles joined with ' › '. */
  fullName: string;
  /** Describe titles..., test title. */
  titlePath: string[];
  status: TestStatus;
  durationMs: number;
  /** Failure message (Jest-style, without ANSI colours). */
  message?: string;
  /** Printed expected value, when the assertion has one. */
  expected?: string;
  /** Printed actual (received) value, when the assertion has one. */
  actual?: string;
  /** Deepest stack frame in the user's file ('solution.ts') if any, else in the test file. */
  location?: SourceLocation;
}

export interface CompileError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type Verdict =
  | 'passed'
  | 'failed'
  | 'compile-error'
  | 'timeout'
  | 'out-of-memory'
  | 'output-limit'
  | 'crashed'
  | 'no-tests'
  | 'cancelled';

export interface CheckResult {
  verdict: Verdict;
  /** One human line, e.g. "3 of 5 tests passed" / "Timed out after 5 s (an endless loop?)". */
  summary: string;
  tests: TestResult[];
  counts: { passed: number; failed: number; skipped: number; total: number };
  compileErrors: CompileError[];
  /** Captured console/stdout of the user code, capped. */
  output: string;
  outputTruncated: boolean;
  durationMs: number;
}

export interface RunnerOptions {
  /** Absolute path of dist/sandbox.js (the VS Code layer passes it from context.extensionUri). */
  sandboxScript: string;
  /** Per check, default 5000. */
  timeoutMs?: number;
  /** V8 heap cap of the sandbox, default 256. */
  memoryMb?: number;
  /** Default 1 MiB. */
  outputLimitBytes?: number;
  /**
   * Default process.execPath. In VS Code that is Electron; the runner sets ELECTRON_RUN_AS_NODE=1 in the child's
   * environment so it behaves as Node. `node` on PATH is never used.
   */
  execPath?: string;
}

export interface CheckRequest {
  /** Virtual files by relative name, e.g. {'solution.ts': code, 'solution.test.ts': tests}. */
  files: Record<string, string>;
  /** The test file to run (a key of `files`). */
  entry: string;
  /** Where relative imports not in `files` are read from disk (CLI `drills test`). */
  rootDir?: string;
  timeoutMs?: number;
  /** Cancels a check (verdict 'cancelled'); the sandbox is killed and replaced. */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_OUTPUT_LIMIT_BYTES = 1024 * 1024;
