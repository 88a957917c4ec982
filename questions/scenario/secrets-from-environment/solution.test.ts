import {
  requireSecret,
  MissingSecretError,
  InvalidSecretError,
  createRedactingLogger,
  scanForSecrets,
} from './solution';

const SECRET = 'tok/9f8e+7d6c5b4a';

function captureSink() {
  const lines: string[] = [];
  return { lines, write: (line: string) => { lines.push(line); } };
}

describe('requireSecret', () => {
  it('returns the value from the injected environment', () => {
    expect(requireSecret({ API_KEY: SECRET }, 'API_KEY')).toBe(SECRET);
  });

  it('throws MissingSecretError naming the variable when it is absent', () => {
    expect(() => requireSecret({ OTHER: 'x' }, 'API_KEY')).toThrow(MissingSecretError);
    expect(() => requireSecret({ OTHER: 'x' }, 'API_KEY')).toThrow(/API_KEY/);
    try {
      requireSecret({}, 'API_KEY');
    } catch (err) {
      expect((err as MissingSecretError).variable).toBe('API_KEY');
    }
  });

  it.each(['', '   ', '\t\n'])('treats %p as missing, not as a value', (value) => {
    expect(() => requireSecret({ API_KEY: value }, 'API_KEY')).toThrow(MissingSecretError);
  });

  it('rejects a value that fails validation without revealing it', () => {
    const looksLikeKey = (v: string) => /^sk_[a-z0-9]{8,}$/.test(v);
    let caught: unknown;
    try {
      requireSecret({ API_KEY: SECRET }, 'API_KEY', looksLikeKey);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidSecretError);
    const message = (caught as Error).message;
    expect(message).toContain('API_KEY');
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('9f8e');
  });

  it('accepts a value that passes validation', () => {
    expect(requireSecret({ API_KEY: 'sk_abc12345' }, 'API_KEY', (v) => v.startsWith('sk_'))).toBe('sk_abc12345');
  });
});

describe('createRedactingLogger', () => {
  it('writes plain INFO and ERROR lines', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, [SECRET]);
    log.info('deploying web to prod');
    log.error('health check failed', new Error('timeout after 5s'));
    log.error('giving up');
    expect(sink.lines).toEqual(['INFO deploying web to prod', 'ERROR health check failed: timeout after 5s', 'ERROR giving up']);
  });

  it('redacts every occurrence of the secret, not just the first', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, [SECRET]);
    log.info(`old=${SECRET} new=${SECRET}`);
    expect(sink.lines).toEqual(['INFO old=[REDACTED] new=[REDACTED]']);
  });

  it('redacts a secret hidden in the error detail', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, [SECRET]);
    log.error('auth failed', new Error(`401 for token ${SECRET}`));
    expect(sink.lines).toEqual(['ERROR auth failed: 401 for token [REDACTED]']);
  });

  it('redacts the URL-encoded form inside a URL', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, [SECRET]);
    const url = `https://api.example.com/v1/pods?token=${encodeURIComponent(SECRET)}&ns=web`;
    log.info(`GET ${url}`);
    expect(sink.lines).toEqual(['INFO GET https://api.example.com/v1/pods?token=[REDACTED]&ns=web']);
  });

  it('redacts a longer secret completely even when a shorter secret is part of it', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, ['hunter22', 'hunter22-admin']);
    log.info('password hunter22-admin');
    expect(sink.lines).toEqual(['INFO password [REDACTED]']);
  });

  it('ignores empty strings in the secret list', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, ['', SECRET]);
    log.info('nothing to hide');
    expect(sink.lines).toEqual(['INFO nothing to hide']);
  });
});

describe('scanForSecrets', () => {
  it('flags a string literal assigned to a secret-looking name, with 1-based line numbers', () => {
    const source = ['import os', '', 'API_KEY = "sk_live_abcdef123456"', 'db_password: \'correct-horse-battery\''].join('\n');
    expect(scanForSecrets(source)).toEqual([
      { line: 3, rule: 'hardcoded-secret' },
      { line: 4, rule: 'hardcoded-secret' },
    ]);
  });

  it('does not flag reading the secret from the environment', () => {
    const source = 'API_KEY = os.getenv("API_KEY")\ntoken = os.environ["GITHUB_TOKEN"]';
    expect(scanForSecrets(source)).toEqual([]);
  });

  it('does not flag short placeholders', () => {
    expect(scanForSecrets('password = ""\nsecret = "TODO"\ntoken = "1234567"')).toEqual([]);
  });

  it('flags an AWS access key id anywhere on a line, before the assignment rule', () => {
    const source = 'region = "eu-west-1"\r\naws_access_key_id = "AKIAIOSFODNN7EXAMPLE"\r\nprint("AKIAIOSFODNN7EXAMPLE")';
    expect(scanForSecrets(source)).toEqual([
      { line: 2, rule: 'aws-access-key' },
      { line: 2, rule: 'hardcoded-secret' },
      { line: 3, rule: 'aws-access-key' },
    ]);
  });
});
