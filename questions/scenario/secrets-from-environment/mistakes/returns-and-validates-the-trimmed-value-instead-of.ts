// Title: Returns (and validates) the trimmed value instead of env[name] exactly as given
// Breaks: "`requireSecret(env, name, validate?)` returns `env[name]`."
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
    throw new MissingSecretError(name, `environment variable ${name} is not set; set it before running`);
  }
  const secret = value.trim();
  if (validate !== undefined && validate(secret) === false) {
    throw new InvalidSecretError(name, `environment variable ${name} has an invalid value`);
  }
  return secret;
}

export interface LogSink {
  write(line: string): void;
}

export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export function createRedactingLogger(sink: LogSink, secrets: readonly string[]): Logger {
  const forms: string[] = [];
  for (const secret of secrets) {
    if (secret === '') continue;
    forms.push(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) forms.push(encoded);
  }
  forms.sort((a, b) => b.length - a.length);

  const redact = (line: string): string => {
    let out = line;
    for (const form of forms) {
      out = out.split(form).join('[REDACTED]');
    }
    return out;
  };

  return {
    info(message: string): void {
      sink.write(redact(`INFO ${message}`));
    },
    error(message: string, err?: unknown): void {
      let line = `ERROR ${message}`;
      if (err !== undefined) {
        const detail = err instanceof Error ? err.message : String(err);
        line += `: ${detail}`;
      }
      sink.write(redact(line));
    },
  };
}

export interface Finding {
  /** 1-based line number. */
  line: number;
  rule: 'aws-access-key' | 'hardcoded-secret';
}

const AWS_KEY = /AKIA[A-Z0-9]{16}/;
const HARDCODED = /[A-Za-z0-9_]*(?:key|secret|token|password)[A-Za-z0-9_]*["']?\s*[:=]\s*(?:"[^"]{8,}"|'[^']{8,}'|`[^`]{8,}`)/i;

export function scanForSecrets(source: string): Finding[] {
  const findings: Finding[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((text, index) => {
    if (AWS_KEY.test(text)) findings.push({ line: index + 1, rule: 'aws-access-key' });
    if (HARDCODED.test(text)) findings.push({ line: index + 1, rule: 'hardcoded-secret' });
  });
  return findings;
}
