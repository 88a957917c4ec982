// Title: PermissionDeniedError message names the operation but not the code
// Breaks: "whose message contains the operation name and the code"
export class ClientError extends Error {
  readonly response: { Error: { Code: string; Message: string } };
  readonly operationName: string;
  constructor(code: string, message: string, operationName: string) {
    super(`An error occurred (${code}) when calling the ${operationName} operation: ${message}`);
    this.name = 'ClientError';
    this.response = { Error: { Code: code, Message: message } };
    this.operationName = operationName;
  }
}

export class PermissionDeniedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermissionDeniedError';
  }
}

export type ErrorKind = 'throttled' | 'not-found' | 'access-denied' | 'other';

export interface CallOptions {
  sleep: (ms: number) => Promise<void>;
  maxAttempts?: number;
  baseDelayMs?: number;
}

const THROTTLED = new Set([/*THR*/'ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException', 'SlowDown']);
const NOT_FOUND = new Set([/*NF*/'NoSuchKey', 'NoSuchBucket', 'ResourceNotFoundException', '404']);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

export function classifyError(error: unknown): ErrorKind {
  /*CLS*/if (!(error instanceof ClientError)) return 'other';
  const code = error.response.Error.Code;
  if (THROTTLED.has(code)) return 'throttled';
  if (NOT_FOUND.has(code)) return 'not-found';
  if (DENIED.has(code)) return 'access-denied';
  return 'other';
}

export async function callAws<T>(call: () => Promise<T>, options: CallOptions): Promise<T | null> {
  const maxAttempts = options.maxAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 100;
  /*VAL*/if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a whole number >= 1, got ${maxAttempts}`);
  if (!Number.isFinite(baseDelayMs) || baseDelayMs < 0) throw new RangeError(`baseDelayMs must be >= 0, got ${baseDelayMs}`);
  for (let n = 1; ; n++) {
    try {
      return await call();
    } catch (err) {
      const kind = classifyError(err);
      if (kind === 'not-found') return null;
      if (kind === 'access-denied') {
        const e = err as ClientError;
        throw new PermissionDeniedError(/*MSG*/`${e.operationName} was denied: check the IAM policy`, { cause: err });
      }
      /*LAST*/if (kind !== 'throttled' || n >= maxAttempts) throw err;
      await options.sleep(/*DELAY*/baseDelayMs * 2 ** (n - 1));
    }
  }
}
