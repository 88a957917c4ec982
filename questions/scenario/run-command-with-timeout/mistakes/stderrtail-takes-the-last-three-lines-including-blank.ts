// Title: stderrTail takes the last three lines including blank ones (only a single trailing newline is stripped)
// Breaks: "the last three non-empty lines of the captured stderr, joined by `\n`"
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
  const lines = text.replace(/\n$/, '').split(/\r?\n/);
  return lines.slice(-count).join('\n');
}

export function runCommand(
  api: ProcessApi,
  timers: Timers,
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const { timeoutMs, maxOutputChars } = options;
  const check = options.check ?? true;
  const commandLine = [command, ...args].join(' ');

  let child: ChildProcess;
  try {
    child = api.spawn(command, args);
  } catch (error) {
    return Promise.reject(error);
  }

  return new Promise<RunResult>((resolve, reject) => {
    let settled = false;
    let stdout = '';
    let stderr = '';
    let truncated = false;

    child.onStdout((chunk) => {
      if (settled) return;
      const room = maxOutputChars - stdout.length;
      if (chunk.length > room) {
        truncated = true;
        stdout += chunk.slice(0, Math.max(0, room));
      } else {
        stdout += chunk;
      }
    });

    child.onStderr((chunk) => {
      if (settled) return;
      const combined = stderr + chunk;
      if (combined.length > maxOutputChars) {
        truncated = true;
        stderr = maxOutputChars > 0 ? combined.slice(-maxOutputChars) : '';
      } else {
        stderr = combined;
      }
    });

    child.onExit((code) => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      if (code !== 0 && check) {
        const stderrTail = tailLines(stderr, 3);
        reject(
          new CommandFailedError(
            commandLine,
            code,
            stderrTail,
            `command "${commandLine}" failed with exit code ${code}${stderrTail ? `:\n${stderrTail}` : ''}`,
          ),
        );
        return;
      }
      resolve({ code, stdout, stderr, truncated });
    });

    const timer = timers.setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGTERM');
      reject(new CommandTimeoutError(commandLine, timeoutMs, `command "${commandLine}" timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
}
