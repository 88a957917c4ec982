export interface ChildProcess {
  onStdout(listener: (chunk: string) => void): void;
  onStderr(listener: (chunk: string) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(signal: string): void;
}

export interface ProcessApi {
  /** Starts the process; may throw (e.g. ENOENT). */
  spawn(command: string, args: readonly string[]): ChildProcess;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface RunOptions {
  timeoutMs: number;
  /** Per-stream cap on captured characters. */
  maxOutputChars: number;
  /** Reject on a non-zero exit code (default true). */
  check?: boolean;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  truncated: boolean;
}

export class CommandFailedError extends Error {
  constructor(readonly command: string, readonly code: number, readonly stderrTail: string, message: string) {
    super(message);
    this.name = 'CommandFailedError';
  }
}

export class CommandTimeoutError extends Error {
  constructor(readonly command: string, readonly timeoutMs: number, message: string) {
    super(message);
    this.name = 'CommandTimeoutError';
  }
}

export function runCommand(
  api: ProcessApi,
  timers: Timers,
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  throw new Error('Not implemented: runCommand');
}
