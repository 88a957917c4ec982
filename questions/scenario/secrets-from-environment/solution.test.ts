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

  it('returns the value exactly as set, surrounding whitespace included, and validates that same value', () => {
    const seen: string[] = [];
    const value = '  sk_live_1234567 \n';
    expect(requireSecret({ API_KEY: value }, 'API_KEY', (v) => { seen.push(v); return true; })).toBe(value);
    expect(seen).toEqual([value]);
  });

  it('puts the variable name in InvalidSecretError.variable and keeps any part of the value out of the message', () => {
    let caught: unknown;
    try {
      requireSecret({ DB_PASSWORD: 'hunter2' }, 'DB_PASSWORD', () => false);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidSecretError);
    expect(caught).not.toBeInstanceOf(MissingSecretError);
    expect((caught as InvalidSecretError).variable).toBe('DB_PASSWORD');
    expect((caught as Error).name).toBe('InvalidSecretError');
    expect((caught as Error).message).toContain('DB_PASSWORD');
    expect((caught as Error).message).not.toContain('hunter2');
  });

  it('reports a missing variable as missing even when a validator is given, without calling it', () => {
    const calls: string[] = [];
    const validate = (v: string) => { calls.push(v); return false; };
    expect(() => requireSecret({}, 'API_KEY', validate)).toThrow(MissingSecretError);
    expect(() => requireSecret({ API_KEY: '  ' }, 'API_KEY', validate)).toThrow(MissingSecretError);
    expect(calls).toEqual([]);
    let caught: unknown;
    try {
      requireSecret({ API_KEY: '' }, 'API_KEY', validate);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MissingSecretError);
    expect((caught as MissingSecretError).variable).toBe('API_KEY');
    expect((caught as Error).name).toBe('MissingSecretError');
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

  it('writes String(err) as the detail for anything that is not an Error, including 0 and message-like objects', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, [SECRET]);
    log.error('rollout failed', 'exit status 1');
    log.error('retry budget', 0);
    log.error('api said', { message: 'looks like an error' });
    expect(sink.lines).toEqual([
      'ERROR rollout failed: exit status 1',
      'ERROR retry budget: 0',
      'ERROR api said: [object Object]',
    ]);
  });

  it('redacts the whole finished line, so a secret spanning message and detail is caught', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, ['abc: def']);
    log.error('key abc', new Error('def rejected'));
    expect(sink.lines).toEqual(['ERROR key [REDACTED] rejected']);
  });

  it('redacts the longer encoded form before a shorter secret it contains', () => {
    const sink = captureSink();
    const log = createRedactingLogger(sink, ['cd12', 'ab/cd12']);
    log.info('GET /x?k=ab%2Fcd12 and cd12');
    expect(sink.lines).toEqual(['INFO GET /x?k=[REDACTED] and [REDACTED]']);
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

  it('flags a literal of exactly 8 characters, with or without spaces around = or :', () => {
    const source = ['token = "12345678"', "apiKey='abcdefgh'", 'Secret:"s3cr3t!!"', 'PASSWORD = "1234567"'].join('\n');
    expect(scanForSecrets(source)).toEqual([
      { line: 1, rule: 'hardcoded-secret' },
      { line: 2, rule: 'hardcoded-secret' },
      { line: 3, rule: 'hardcoded-secret' },
    ]);
  });

  it('matches the name words in any case, also as a quoted key, and ignores other names', () => {
    const source = [
      '"GITHUB_TOKEN": "ghp_abcdefghijkl"',
      'username = "deploy-bot-01"',
      "config.Password = 'correct horse'",
      'region: "eu-west-1-long"',
      'MySecretValue = "abcdefghij"',
    ].join('\n');
    expect(scanForSecrets(source)).toEqual([
      { line: 1, rule: 'hardcoded-secret' },
      { line: 3, rule: 'hardcoded-secret' },
      { line: 5, rule: 'hardcoded-secret' },
    ]);
  });

  it('needs AKIA plus 16 upper-case letters or digits', () => {
    const source = ['id = AKIAIOSFODNN7EXAMP', 'id = AKIAiosfodnn7example', 'id = AKIA1234567890ABCDEF', 'id = akiaIOSFODNN7EXAMPLE'].join('\n');
    expect(scanForSecrets(source)).toEqual([{ line: 3, rule: 'aws-access-key' }]);
  });

  it('returns no findings for an empty file', () => {
    expect(scanForSecrets('')).toEqual([]);
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
