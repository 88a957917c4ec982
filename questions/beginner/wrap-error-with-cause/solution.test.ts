import { ConfigError, loadConfig, type ReadFile } from './solution';

/** An Error with a Node-style errno code, as fs.readFileSync throws. */
function fsError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** A fake readFile: records the paths it is asked for; returns `text` or throws `error`. */
function reader(outcome: { text: string } | { error: unknown }) {
  const paths: string[] = [];
  const readFile: ReadFile = (path) => {
    paths.push(path);
    if ('error' in outcome) throw outcome.error;
    return outcome.text;
  };
  return { paths, readFile };
}

/** Whatever `fn` throws (or a marker when it returns). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return 'returned normally';
}

/** Runs `fn` with JSON.parse wrapped, and returns what fn threw plus every error JSON.parse threw meanwhile. */
function withParseErrors(fn: () => unknown): { thrown: unknown; parseErrors: unknown[] } {
  const realParse = JSON.parse;
  const parseErrors: unknown[] = [];
  JSON.parse = ((text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
    try {
      return realParse(text, reviver);
    } catch (error) {
      parseErrors.push(error);
      throw error;
    }
  }) as typeof JSON.parse;
  try {
    return { thrown: thrownBy(fn), parseErrors };
  } finally {
    JSON.parse = realParse;
  }
}

describe('loadConfig', () => {
  it('reads the file once and returns the parsed object', () => {
    const r = reader({ text: '{"replicas": 3, "image": {"tag": "1.4.2"}, "regions": ["eu", "us"]}' });
    expect(loadConfig('deploy.json', r.readFile)).toEqual({ replicas: 3, image: { tag: '1.4.2' }, regions: ['eu', 'us'] });
    expect(r.paths).toEqual(['deploy.json']);
  });

  it('returns an empty object and JSON with surrounding whitespace', () => {
    expect(loadConfig('a.json', reader({ text: '{}' }).readFile)).toEqual({});
    expect(loadConfig('a.json', reader({ text: '\n  {"debug": false}\n' }).readFile)).toEqual({ debug: false });
  });

  it('turns a missing file (code ENOENT) into a ConfigError whose cause is that very error', () => {
    const missing = fsError('ENOENT', "ENOENT: no such file or directory, open 'deploy.json'");
    const r = reader({ error: missing });
    const thrown = thrownBy(() => loadConfig('deploy.json', r.readFile));
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as ConfigError).message).toBe('deploy.json: file not found');
    expect((thrown as ConfigError).cause).toBe(missing);
    expect((thrown as ConfigError).name).toBe('ConfigError');
    expect(r.paths).toEqual(['deploy.json']);
  });

  it('puts the path it was given in the message', () => {
    const thrown = thrownBy(() => loadConfig('conf/prod/app.json', reader({ error: fsError('ENOENT', 'gone') }).readFile));
    expect((thrown as Error).message).toBe('conf/prod/app.json: file not found');
  });

  it('rethrows any other file error unchanged: the same object, not wrapped', () => {
    for (const code of ['EACCES', 'EISDIR', 'EMFILE', 'enoent', 'ENOENT2']) {
      const error = fsError(code, `${code}: cannot open 'deploy.json'`);
      expect(thrownBy(() => loadConfig('deploy.json', reader({ error }).readFile))).toBe(error);
    }
  });

  it('rethrows an Error without a code unchanged, whatever its class', () => {
    const errors = [
      new Error('disk on fire'),
      new TypeError('readFile is broken'),
      new SyntaxError('Unexpected token in readFile'),
      new ConfigError('deploy.json: somebody else wrapped this'),
    ];
    for (const error of errors) {
      expect(thrownBy(() => loadConfig('deploy.json', reader({ error }).readFile))).toBe(error);
    }
  });

  it('rethrows values that are not Error objects unchanged, even one with code ENOENT', () => {
    const notFoundLookalike = { code: 'ENOENT', message: 'no such file' };
    for (const value of ['ENOENT', 42, null, notFoundLookalike]) {
      expect(thrownBy(() => loadConfig('deploy.json', reader({ error: value }).readFile))).toBe(value);
    }
    let caught: unknown = 'nothing caught';
    try {
      loadConfig('deploy.json', reader({ error: undefined }).readFile);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeUndefined();
  });

  it('turns text that is not JSON into a ConfigError whose cause is the error JSON.parse threw', () => {
    for (const text of ['{', '', 'replicas: 3', "{'replicas': 3}", '{"replicas": 3,}', '{"a": 1} trailing']) {
      const { thrown, parseErrors } = withParseErrors(() => loadConfig('deploy.json', reader({ text }).readFile));
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).message).toBe('deploy.json: not valid JSON');
      expect(parseErrors).toHaveLength(1);
      expect((thrown as ConfigError).cause).toBe(parseErrors[0]);
      expect((thrown as ConfigError).cause).toBeInstanceOf(SyntaxError);
    }
  });

  it('refuses JSON that is not an object with a ConfigError that has no cause', () => {
    for (const text of ['null', '[]', '[{"replicas": 3}]', '42', '"replicas"', 'true', 'false', '0']) {
      const thrown = thrownBy(() => loadConfig('ci/values.json', reader({ text }).readFile));
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).message).toBe('ci/values.json: expected a JSON object');
      expect((thrown as ConfigError).cause).toBeUndefined();
    }
  });
});
