// Title: Validates options in a non-async wrapper, so invalid options throw synchronously instead of returning a rejected promise
// Breaks: "otherwise reject with a `RangeError` before calling `fn`"
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

export function retry<T>(fn: () => T | Promise<T>, options: RetryOptions): Promise<T | null> {
  const retries = options.retries ?? 3;
  const waitMs = options.waitMs ?? 2000;
  const log: Log = options.log ?? ((message) => console.warn(message));
  // fail fast on bad configuration, before any attempt is scheduled
  if (!Number.isInteger(retries) || retries < 1) {
    throw new RangeError(`retries must be an integer >= 1, got ${retries}`);
  }
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    throw new RangeError(`waitMs must be a finite number >= 0, got ${waitMs}`);
  }
  return attempts(fn, retries, waitMs, options.sleep, log);
}

async function attempts<T>(
  fn: () => T | Promise<T>,
  retries: number,
  waitMs: number,
  sleep: Sleep,
  log: Log,
): Promise<T | null> {
  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt < retries) {
        log(`Attempt ${attempt}/${retries} failed: ${message}; retrying in ${waitMs} ms`);
        await sleep(waitMs);
      } else {
        log(`Attempt ${attempt}/${retries} failed: ${message}; giving up`);
      }
    }
  }
  return null;
}
