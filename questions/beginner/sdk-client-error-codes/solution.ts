/** Like botocore.exceptions.ClientError: the service's error code is in response.Error.Code. */
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
  /** Total number of calls, default 3. */
  maxAttempts?: number;
  /** The first pause in ms, doubled before each further call; default 100. */
  baseDelayMs?: number;
}

const CODES: Record<string, ErrorKind> = {
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  RequestLimitExceeded: 'throttled',
  TooManyRequestsException: 'throttled',
  SlowDown: 'throttled',
  NoSuchKey: 'not-found',
  NoSuchBucket: 'not-found',
  ResourceNotFoundException: 'not-found',
  '404': 'not-found',
  AccessDenied: 'access-denied',
  AccessDeniedException: 'access-denied',
  UnauthorizedOperation: 'access-denied',
};

export function classifyError(error: unknown): ErrorKind {
  if (!(error instanceof ClientError)) return 'other';
  const code = error.response.Error.Code;
  return Object.hasOwn(CODES, code) ? CODES[code] : 'other';
}

export async function callAws<T>(call: () => Promise<T>, options: CallOptions): Promise<T | null> {
  const { sleep, maxAttempts = 3, baseDelayMs = 100 } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number >= 1, got ${maxAttempts}`);
  }
  if (!Number.isFinite(baseDelayMs) || baseDelayMs < 0) {
    throw new RangeError(`baseDelayMs must be a finite number >= 0, got ${baseDelayMs}`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const kind = classifyError(error);
      if (kind === 'not-found') return null;
      if (kind === 'access-denied') {
        const { operationName, response } = error as ClientError;
        throw new PermissionDeniedError(
          `${operationName} was denied (${response.Error.Code}): check the IAM permissions of the credentials in use`,
          { cause: error },
        );
      }
      if (kind !== 'throttled' || attempt === maxAttempts) throw error;
      await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
