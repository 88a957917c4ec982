import { ConfigError, mergeLayers, parseLayer, type JsonObject } from './solution';

function defaults(): JsonObject {
  return {
    image: 'web:1.0',
    replicas: 2,
    server: { host: '0.0.0.0', port: 8080, tls: { enabled: false, ciphers: ['aes128', 'aes256'] } },
    regions: ['eu-west', 'us-east'],
    labels: { team: 'platform' },
  };
}

/** The message JSON.parse gives for `text` on this engine. */
function parseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be invalid JSON`);
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('mergeLayers', () => {
  it('merges nested objects key by key, later layers winning', () => {
    const merged = mergeLayers([
      { source: 'defaults', data: defaults() },
      { source: 'prod.json', data: { replicas: 6, server: { port: 443, tls: { enabled: true } } } },
      { source: 'command line', data: { image: 'web:1.1', labels: { release: 'canary' } } },
    ]);
    expect(merged).toEqual({
      image: 'web:1.1',
      replicas: 6,
      server: { host: '0.0.0.0', port: 443, tls: { enabled: true, ciphers: ['aes128', 'aes256'] } },
      regions: ['eu-west', 'us-east'],
      labels: { team: 'platform', release: 'canary' },
    });
  });

  it('replaces arrays as a whole instead of concatenating or merging them by index', () => {
    const merged = mergeLayers([
      { source: 'defaults', data: defaults() },
      { source: 'prod.json', data: { regions: ['eu-central'], server: { tls: { ciphers: [] } } } },
    ]);
    expect(merged.regions).toEqual(['eu-central']);
    expect((merged.server as JsonObject).tls).toEqual({ enabled: false, ciphers: [] });
  });

  it('never modifies the input layers', () => {
    const base = defaults();
    const prod: JsonObject = { replicas: 6, server: { port: 443 }, regions: ['eu-central'] };
    const before = JSON.stringify([base, prod]);
    mergeLayers([{ source: 'defaults', data: base }, { source: 'prod.json', data: prod }]);
    expect(JSON.stringify([base, prod])).toBe(before);
  });

  it('returns a result that shares no object or array with the inputs', () => {
    const base = defaults();
    const prod: JsonObject = { regions: ['eu-central'], extra: { list: [1, 2] } };
    const merged = mergeLayers([{ source: 'defaults', data: base }, { source: 'prod.json', data: prod }]);
    (merged.labels as JsonObject).team = 'changed';
    (merged.regions as string[]).push('ap-south');
    ((merged.extra as JsonObject).list as number[]).push(3);
    ((merged.server as JsonObject).tls as JsonObject).enabled = true;
    expect(base).toEqual(defaults());
    expect(prod).toEqual({ regions: ['eu-central'], extra: { list: [1, 2] } });
  });

  it('reports a type conflict with its path and both sources', () => {
    const error = thrown(() =>
      mergeLayers([
        { source: 'defaults', data: defaults() },
        { source: 'prod.json', data: { replicas: '6' } },
      ]),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('type conflict at replicas: number in defaults, string in prod.json');
  });

  it('collects every conflict, naming the layer that set the old value', () => {
    const error = thrown(() =>
      mergeLayers([
        { source: 'defaults', data: defaults() },
        { source: 'prod.json', data: { server: { port: 443 } } },
        { source: 'command line', data: { server: { port: '443', tls: 'on' }, regions: { eu: true } } },
      ]),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('type conflict at server.port: number in prod.json, string in command line');
    expect(error.message).toContain('type conflict at server.tls: object in defaults, string in command line');
    expect(error.message).toContain('type conflict at regions: array in defaults, object in command line');
  });

  it('lets null replace anything and be replaced by anything', () => {
    const merged = mergeLayers([
      { source: 'defaults', data: { proxy: { url: 'http://proxy:3128' }, timeout: null, tags: ['a'] } },
      { source: 'prod.json', data: { proxy: null, timeout: 30, tags: null } },
      { source: 'command line', data: { tags: ['b'] } },
    ]);
    expect(merged).toEqual({ proxy: null, timeout: 30, tags: ['b'] });
  });

  it('keeps keys that only a later layer has, and returns {} for no layers', () => {
    expect(mergeLayers([])).toEqual({});
    expect(mergeLayers([{ source: 'a', data: {} }, { source: 'b', data: { added: { deep: [1] } } }])).toEqual({
      added: { deep: [1] },
    });
  });

  it('names the layer that set the old value last, for a scalar set by several layers', () => {
    const error = thrown(() =>
      mergeLayers([
        { source: 'defaults', data: { timeout: null, retries: 1 } },
        { source: 'base.json', data: { timeout: 30, retries: 2 } },
        { source: 'prod.json', data: { timeout: 60 } },
        { source: 'command line', data: { timeout: '60s', retries: false } },
      ]),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('type conflict at timeout: number in prod.json, string in command line');
    expect(error.message).toContain('type conflict at retries: number in base.json, boolean in command line');
  });

  it('names the layer that first brought an object in, even after later layers merged keys into it', () => {
    const error = thrown(() =>
      mergeLayers([
        { source: 'defaults', data: { server: { port: 80 } } },
        { source: 'prod.json', data: { server: { host: 'web' } } },
        { source: 'command line', data: { server: 'web:80' } },
      ]),
    );
    expect(error.message).toContain('type conflict at server: object in defaults, string in command line');
  });

  it('reports conflicts deep in the tree and between every pair of kinds', () => {
    const error = thrown(() =>
      mergeLayers([
        { source: 'defaults', data: defaults() },
        {
          source: 'prod.json',
          data: { image: { name: 'web' }, server: { tls: { enabled: 'yes', ciphers: 'aes' } }, labels: ['x'] },
        },
      ]),
    );
    expect(error).toBeInstanceOf(ConfigError);
    for (const part of [
      'type conflict at image: string in defaults, object in prod.json',
      'type conflict at server.tls.enabled: boolean in defaults, string in prod.json',
      'type conflict at server.tls.ciphers: array in defaults, string in prod.json',
      'type conflict at labels: object in defaults, array in prod.json',
    ]) {
      expect(error.message).toContain(part);
    }
  });

  it('treats keys such as toString or constructor as plain data', () => {
    const merged = mergeLayers([
      { source: 'defaults', data: { a: 1 } },
      { source: 'prod.json', data: { toString: 'x', constructor: { name: 'y' }, hasOwnProperty: [1], valueOf: null } },
      { source: 'command line', data: { constructor: { extra: true } } },
    ]);
    expect(merged).toEqual({ a: 1, toString: 'x', constructor: { name: 'y', extra: true }, hasOwnProperty: [1], valueOf: null });
  });

  it('shares nothing with a single layer, nested arrays and objects in arrays included', () => {
    const data: JsonObject = { matrix: [[1, 2]], list: [{ a: 1 }], deep: { deeper: { x: 1 } } };
    const merged = mergeLayers([{ source: 'only.json', data }]);
    expect(merged).toEqual(data);
    expect(merged).not.toBe(data);
    ((merged.matrix as number[][])[0]).push(3);
    ((merged.list as JsonObject[])[0]).a = 2;
    ((merged.deep as JsonObject).deeper as JsonObject).x = 2;
    expect(data).toEqual({ matrix: [[1, 2]], list: [{ a: 1 }], deep: { deeper: { x: 1 } } });
  });

  it('copies an object or array that replaces null or replaces an array', () => {
    const later: JsonObject = { proxy: { url: 'http://p' }, regions: [{ name: 'eu' }] };
    const merged = mergeLayers([
      { source: 'defaults', data: { proxy: null, regions: ['us'] } },
      { source: 'prod.json', data: later },
    ]);
    ((merged.proxy as JsonObject).url as unknown) = 'changed';
    ((merged.regions as JsonObject[])[0]).name = 'changed';
    expect(later).toEqual({ proxy: { url: 'http://p' }, regions: [{ name: 'eu' }] });
  });
});

describe('parseLayer', () => {
  it('parses a JSON object', () => {
    expect(parseLayer('{"replicas": 3, "server": {"port": 443}}', 'prod.json')).toEqual({
      replicas: 3,
      server: { port: 443 },
    });
  });

  it.each([
    ['a missing comma', '{\n  "replicas": 3\n  "image": "web:1.2"\n}'],
    ['a key without a value', '{"a" 1}'],
    ['an empty file', ''],
    ['a stray bracket on the next line', '{"a": 1}\n]'],
  ])('names the file and keeps the parser\'s own message for %s', (_label, text) => {
    const error = thrown(() => parseLayer(text, 'prod.json'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^prod\.json: invalid JSON/);
    expect(error.message).toContain(parseMessage(text));
  });

  it.each([
    ['an empty file', ''],
    ['a truncated object', '{"a": {"b": 1}'],
    ['a trailing comma', '{"a": [1, 2,]}'],
  ])('throws a ConfigError naming the file for %s', (_label, text) => {
    const error = thrown(() => parseLayer(text, 'broken.json'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^broken\.json: invalid JSON/);
  });

  it.each([
    ['[1, 2]', 'array'],
    ['null', 'null'],
    ['"text"', 'string'],
    ['42', 'number'],
    ['true', 'boolean'],
  ])('rejects a top level of %s as %s', (text, kind) => {
    const error = thrown(() => parseLayer(text, 'prod.json'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(`prod.json: expected an object at the top level, got ${kind}`);
  });
});
