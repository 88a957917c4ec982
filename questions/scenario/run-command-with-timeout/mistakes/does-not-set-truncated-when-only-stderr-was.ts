// Title: Does not set `truncated` when only stderr was cut
// Breaks: "`truncated` is `true` if anything was dropped from either stream."
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

function lastLines(text: string, count: number): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(-count).join('\n');
}

export function runCommand(
  api: ProcessApi,
  timers: Timers,
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const commandLine = [command, ...args].join(' ');
  const { timeoutMs, maxOutputChars } = options;
  const check = options.check !== false;

  return new Promise<RunResult>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = api.spawn(command, args);
    } catch (error) {
      reject(error);
      return;
    }

    let stdout = '';
    let stderr = '';
    let truncated = false;
    let settled = false;
    let timer: number | undefined;

    child.onStdout((chunk) => {
      if (settled) return;
      const room = Math.max(0, maxOutputChars - stdout.length);
      if (chunk.length > room) {
        stdout += chunk.slice(0, room);
        truncated = true;
      } else {
        stdout += chunk;
      }
    });

    child.onStderr((chunk) => {
      if (settled) return;
      const combined = stderr + chunk;
      if (combined.length > maxOutputChars) {
        stderr = combined.slice(combined.length - maxOutputChars);
      } else {
        stderr = combined;
      }
    });

    child.onExit((code) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) {
        timers.clearTimeout(timer);
      }
      if (code !== 0 && check) {
        const tail = lastLines(stderr, 3);
        reject(
          new CommandFailedError(
            commandLine,
            code,
            tail,
            `command "${commandLine}" failed with exit code ${code}${tail ? `:\n${tail}` : ''}`,
          ),
        );
        return;
      }
      resolve({ code, stdout, stderr, truncated });
    });

    timer = timers.setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGTERM');
      reject(new CommandTimeoutError(commandLine, timeoutMs, `command "${commandLine}" timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
}
