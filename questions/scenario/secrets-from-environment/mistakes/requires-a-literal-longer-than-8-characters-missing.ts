// Title: Requires a literal longer than 8 characters, missing exactly-8 ones
// Breaks: "assigned with `=` or `:` a quoted string literal of at least 8 characters"
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
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new MissingSecretError(name, `missing secret: set the environment variable ${name}`);
  }
  if (validate !== undefined && validate(value) === false) {
    throw new InvalidSecretError(name, `invalid secret: the value of ${name} failed validation`);
  }
  return value;
}

export interface LogSink {
  write(line: string): void;
}

export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

const REDACTED = '[REDACTED]';

export function createRedactingLogger(sink: LogSink, secrets: readonly string[]): Logger {
  const patterns: string[] = [];
  for (const secret of secrets) {
    if (secret === '') continue;
    patterns.push(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) patterns.push(encoded);
  }
  patterns.sort((a, b) => b.length - a.length);

  const redact = (line: string): string => {
    let out = line;
    for (const pattern of patterns) {
      out = out.split(pattern).join(REDACTED);
    }
    return out;
  };

  const emit = (line: string): void => {
    sink.write(redact(line));
  };

  return {
    info(message: string): void {
      emit(`INFO ${message}`);
    },
    error(message: string, err?: unknown): void {
      if (err === undefined) {
        emit(`ERROR ${message}`);
        return;
      }
      const detail = err instanceof Error ? err.message : String(err);
      emit(`ERROR ${message}: ${detail}`);
    },
  };
}

export interface Finding {
  /** 1-based line number. */
  line: number;
  rule: 'aws-access-key' | 'hardcoded-secret';
}

const AWS_ACCESS_KEY = /AKIA[A-Z0-9]{16}/;
const HARDCODED_SECRET = /[A-Za-z0-9_.-]*(?:key|secret|token|password)[A-Za-z0-9_.-]*["']?\s*[:=]\s*(?:"([^"\n]*)"|'([^'\n]*)')/gi;

function hasHardcodedSecret(line: string): boolean {
  for (const match of line.matchAll(HARDCODED_SECRET)) {
    const value = match[1] ?? match[2] ?? '';
    if (value.length > 8) {
      return true;
    }
  }
  return false;
}

export function scanForSecrets(source: string): Finding[] {
  const findings: Finding[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((text, index) => {
    const line = index + 1;
    if (AWS_ACCESS_KEY.test(text)) {
      findings.push({ line, rule: 'aws-access-key' });
    }
    if (hasHardcodedSecret(text)) {
      findings.push({ line, rule: 'hardcoded-secret' });
    }
  });
  return findings;
}
