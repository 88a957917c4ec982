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

export function classifyError(error: unknown): ErrorKind {
  throw new Error('Not implemented: classifyError');
}

export async function callAws<T>(call: () => Promise<T>, options: CallOptions): Promise<T | null> {
  throw new Error('Not implemented: callAws');
}
