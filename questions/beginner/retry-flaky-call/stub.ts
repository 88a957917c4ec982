export type Sleep = (ms: number) => Promise<void>;
export type Log = (message: string) => void;

export interface RetryOptions {
  /** Total number of attempts (default 3). */
  retries?: number;
  /** Pause between two attempts in milliseconds (default 2000). */
  waitMs?: number;
  sleep: Sleep;
  /** Receives one line per failed attempt (default console.warn). */
  log?: Log;
}

export async function retry<T>(fn: () => T | Promise<T>, options: RetryOptions): Promise<T | null> {
  throw new Error('Not implemented: retry');
}
