// Title: Classifies by error.name strings instead of instanceof
// Breaks: "deciding by **class** (`instanceof`), never by the message text or the `name` string"
// The error family (mirrors Python's OSError tree). Keep these classes as they are.
export class OSError extends Error {
  constructor(message = '') {
    super(message);
    this.name = new.target.name;
  }
}
export class FileNotFoundError extends OSError {}
export class PermissionError extends OSError {}
export class TimeoutError extends OSError {}
export class ConnectionError extends OSError {}
export class ConnectionResetError extends ConnectionError {}
/** Like KeyboardInterrupt / SystemExit: the job was asked to stop. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export type Action = 'retry' | 'skip' | 'raise';

export interface Task {
  name: string;
  run(): void | Promise<void>;
}

export interface RunOptions {
  /** Calls per task at most, for retryable errors (default 3). */
  maxAttempts?: number;
  /** Default console.warn. */
  log?: (line: string) => void;
}

export interface RunReport {
  completed: string[];
  skipped: string[];
  attempts: Record<string, number>;
}

export function classify(error: unknown): Action {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'ConnectionError' || name === 'ConnectionResetError') return 'retry';
  if (name === 'FileNotFoundError') return 'skip';
  return 'raise';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runAll(tasks: readonly Task[], options: RunOptions = {}): Promise<RunReport> {
  const maxAttempts = options.maxAttempts ?? 3;
  const log = options.log ?? ((line: string) => console.warn(line));
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  }

  const report: RunReport = { completed: [], skipped: [], attempts: {} };
  for (const task of tasks) {
    for (let attempt = 1; ; attempt++) {
      report.attempts[task.name] = attempt;
      try {
        await task.run();
        report.completed.push(task.name);
        break;
      } catch (error) {
        const action = classify(error);
        if (action === 'retry' && attempt < maxAttempts) {
          log(`retrying ${task.name} after attempt ${attempt}/${maxAttempts}: ${messageOf(error)}`);
          continue;
        }
        if (action === 'skip') {
          log(`skipping ${task.name}: ${messageOf(error)}`);
          report.skipped.push(task.name);
          break;
        }
        throw error;
      }
    }
  }
  return report;
}
