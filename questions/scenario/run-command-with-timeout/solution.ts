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

function tailLines(text: string, count: number): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}

export function runCommand(
  api: ProcessApi,
  timers: Timers,
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const display = [command, ...args].join(' ');
  const max = options.maxOutputChars;
  return new Promise<RunResult>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = api.spawn(command, args);
    } catch (err) {
      reject(err);
      return;
    }

    // No "settled" flag is needed: a promise settles once, so an exit or output after the timeout cannot
    // change the outcome, and the exit clears the timer so the deadline never fires after it.
    let stdout = '';
    let stderr = '';
    let truncated = false;

    const timer = timers.setTimeout(() => {
      child.kill('SIGTERM');
      reject(new CommandTimeoutError(display, options.timeoutMs, `Command "${display}" timed out after ${options.timeoutMs} ms and was killed`));
    }, options.timeoutMs);

    child.onStdout((chunk) => {
      const room = Math.max(0, max - stdout.length);
      if (chunk.length > room) truncated = true;
      stdout += chunk.slice(0, room);
    });

    child.onStderr((chunk) => {
      stderr += chunk;
      if (stderr.length > max) {
        truncated = true;
        stderr = stderr.slice(stderr.length - max);
      }
    });

    child.onExit((code) => {
      timers.clearTimeout(timer);
      if (code !== 0 && options.check !== false) {
        const tail = tailLines(stderr, 3);
        reject(new CommandFailedError(display, code, tail, `Command "${display}" failed with exit code ${code}. Last stderr lines:\n${tail}`));
        return;
      }
      resolve({ code, stdout, stderr, truncated });
    });
  });
}
