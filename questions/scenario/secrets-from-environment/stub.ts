export type Env = Readonly<Record<string, string | undefined>>;

export class MissingSecretError extends Error {
  constructor(readonly variable: string, message: string) {
    super(message);
    this.name = 'MissingSecretError';
  }
}

export class InvalidSecretError extends Error {
  constructor(readonly variable: string, message: string) {
    super(message);
    this.name = 'InvalidSecretError';
  }
}

export function requireSecret(env: Env, name: string, validate?: (value: string) => boolean): string {
  throw new Error('Not implemented: requireSecret');
}

export interface LogSink {
  write(line: string): void;
}

export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export function createRedactingLogger(sink: LogSink, secrets: readonly string[]): Logger {
  throw new Error('Not implemented: createRedactingLogger');
}

export interface Finding {
  /** 1-based line number. */
  line: number;
  rule: 'aws-access-key' | 'hardcoded-secret';
}

export function scanForSecrets(source: string): Finding[] {
  throw new Error('Not implemented: scanForSecrets');
}
