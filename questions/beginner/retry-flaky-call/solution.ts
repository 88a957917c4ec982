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
  const { retries = 3, waitMs = 2000, sleep, log = (message: string) => console.warn(message) } = options;
  if (!Number.isInteger(retries) || retries < 1) {
    throw new RangeError(`retries must be an integer >= 1, got ${retries}`);
  }
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    throw new RangeError(`waitMs must be a finite number >= 0, got ${waitMs}`);
  }

  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt === retries) {
        log(`Attempt ${attempt}/${retries} failed: ${reason}; giving up`);
        break;
      }
      log(`Attempt ${attempt}/${retries} failed: ${reason}; retrying in ${waitMs} ms`);
      await sleep(waitMs);
    }
  }
  return null;
}
