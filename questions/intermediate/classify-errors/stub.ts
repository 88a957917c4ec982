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
  throw new Error('Not implemented: classify');
}

export async function runAll(tasks: readonly Task[], options: RunOptions = {}): Promise<RunReport> {
  throw new Error('Not implemented: runAll');
}
