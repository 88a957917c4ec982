// Title: Logs String(error), giving "Error: timeout" instead of the message
// Breaks: "the error's message (`String(error)` for non-`Error` values)"
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

function describe(error: unknown): string {
  return String(error);
}

export async function retry<T>(fn: () => T | Promise<T>, options: RetryOptions): Promise<T | null> {
  const retries = options.retries ?? 3;
  const waitMs = options.waitMs ?? 2000;
  const log: Log = options.log ?? ((message) => console.warn(message));
  if (!Number.isInteger(retries) || retries < 1) {
    throw new RangeError(`retries must be an integer of at least 1, got ${retries}`);
  }
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    throw new RangeError(`waitMs must be a finite number of at least 0, got ${waitMs}`);
  }
  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt < retries) {
        log(`Attempt ${attempt}/${retries} failed: ${describe(error)}; retrying in ${waitMs} ms`);
        await options.sleep(waitMs);
      } else {
        log(`Attempt ${attempt}/${retries} failed: ${describe(error)}; giving up`);
      }
    }
  }
  return null;
}
