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
    throw new MissingSecretError(
      name,
      `Required environment variable ${name} is not set or is empty. Provide it through the environment or a secret store.`,
    );
  }
  if (validate && !validate(value)) {
    throw new InvalidSecretError(name, `Environment variable ${name} is set but does not have the expected format.`);
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

const MASK = '[REDACTED]';

export function createRedactingLogger(sink: LogSink, secrets: readonly string[]): Logger {
  const forms = [...new Set(secrets.filter((s) => s !== '').flatMap((s) => [s, encodeURIComponent(s)]))];
  forms.sort((a, b) => b.length - a.length);
  const emit = (line: string): void => {
    let clean = line;
    for (const form of forms) clean = clean.split(form).join(MASK);
    sink.write(clean);
  };
  return {
    info(message) {
      emit(`INFO ${message}`);
    },
    error(message, err) {
      const detail = err === undefined ? '' : `: ${err instanceof Error ? err.message : String(err)}`;
      emit(`ERROR ${message}${detail}`);
    },
  };
}

export interface Finding {
  /** 1-based line number. */
  line: number;
  rule: 'aws-access-key' | 'hardcoded-secret';
}

const AWS_ACCESS_KEY = /\bAKIA[0-9A-Z]{16}\b/;
const HARDCODED_SECRET = /(?:key|secret|token|password)\w*['"]?\s*[:=]\s*(['"])[^'"]{8,}\1/i;

export function scanForSecrets(source: string): Finding[] {
  const findings: Finding[] = [];
  source.split(/\r?\n/).forEach((text, index) => {
    if (AWS_ACCESS_KEY.test(text)) findings.push({ line: index + 1, rule: 'aws-access-key' });
    if (HARDCODED_SECRET.test(text)) findings.push({ line: index + 1, rule: 'hardcoded-secret' });
  });
  return findings;
}
