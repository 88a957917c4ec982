import { flatten } from './solution';

const config = () => ({
  service: 'billing',
  replicas: 3,
  debug: false,
  owner: null,
  db: { host: 'db.internal', port: 5432, options: { ssl: true, timeoutMs: 0 } },
  servers: [
    { name: 'web-1', ports: [80, 443] },
    { name: 'web-2', ports: [8080] },
  ],
  matrix: [[1, 2], [3]],
  labels: {},
  volumes: [],
  motd: '',
});

const flatConfig = () => ({
  service: 'billing',
  replicas: 3,
  debug: false,
  owner: null,
  'db.host': 'db.internal',
  'db.port': 5432,
  'db.options.ssl': true,
  'db.options.timeoutMs': 0,
  'servers[0].name': 'web-1',
  'servers[0].ports[0]': 80,
  'servers[0].ports[1]': 443,
  'servers[1].name': 'web-2',
  'servers[1].ports[0]': 8080,
  'matrix[0][0]': 1,
  'matrix[0][1]': 2,
  'matrix[1][0]': 3,
  labels: {},
  volumes: [],
  motd: '',
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('flatten', () => {
  it('turns nested objects into dotted keys and arrays into [index] segments', () => {
    expect(flatten(config())).toEqual(flatConfig());
  });

  it('keeps falsy leaves (false, 0, empty string, null) and empty containers', () => {
    const flat = flatten({ a: { off: false, zero: 0, blank: '', none: null, list: [], map: {} } });
    expect(flat).toStrictEqual({ 'a.off': false, 'a.zero': 0, 'a.blank': '', 'a.none': null, 'a.list': [], 'a.map': {} });
  });

  it('does not modify the config it reads', () => {
    const frozen = deepFreeze(config());
    expect(() => flatten(frozen)).not.toThrow();
    expect(frozen).toEqual(config());
  });

  it('returns an empty object for an empty config', () => {
    expect(flatten({})).toEqual({});
  });

  it('keeps keys that only look special (constructor, toString, digits, dashes, spaces)', () => {
    const input = JSON.parse('{"constructor": {"name": "x"}, "toString": 1, "0": [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], "log-level": "info", "a b": true}') as unknown;
    const flat = flatten(input);
    // toEqual: toStrictEqual compares .constructor, which is an own key here.
    expect(flat).toEqual({
      'constructor.name': 'x',
      toString: 1,
      '0[0]': 10, '0[1]': 11, '0[2]': 12, '0[3]': 13, '0[4]': 14, '0[5]': 15, '0[6]': 16, '0[7]': 17, '0[8]': 18,
      '0[9]': 19, '0[10]': 20,
      'log-level': 'info',
      'a b': true,
    });
  });

  it('accepts a plain object without a prototype (Object.create(null)) at the root and inside', () => {
    const inner = Object.assign(Object.create(null) as Record<string, unknown>, { port: 1 });
    const root = Object.assign(Object.create(null) as Record<string, unknown>, { db: inner, tags: [-1.5, true] });
    expect(flatten(root)).toStrictEqual({ 'db.port': 1, 'tags[0]': -1.5, 'tags[1]': true });
  });

  class Secret {
    constructor(public value: string) {}
  }

  it.each([
    ['undefined', { db: { password: undefined } }, 'db.password'],
    ['NaN', { limits: { cpu: Number.NaN } }, 'limits.cpu'],
    ['Infinity', { timeout: Number.POSITIVE_INFINITY }, 'timeout'],
    ['-Infinity', { limits: [1, Number.NEGATIVE_INFINITY] }, 'limits[1]'],
    ['undefined in an array', { hosts: ['a', undefined] }, 'hosts[1]'],
    ['a Set', { zones: new Set(['a']) }, 'zones'],
    ['a RegExp', { match: { rule: /x/ } }, 'match.rule'],
    ['a boxed string', { name: Object('web') as unknown }, 'name'],
    ['a function', { hooks: [() => 1] }, 'hooks[0]'],
    ['a Date', { deployedAt: new Date(0) }, 'deployedAt'],
    ['a Map', { env: new Map([['A', '1']]) }, 'env'],
    ['a bigint', { size: BigInt(10) }, 'size'],
    ['a symbol', { tag: Symbol('x') }, 'tag'],
    ['a class instance', { auth: { token: new Secret('s3cr3t') } }, 'auth.token'],
  ] as [string, unknown, string][])('rejects %s with a TypeError naming its path', (_label, input, path) => {
    expect(() => flatten(input)).toThrow(TypeError);
    expect(() => flatten(input)).toThrow(path);
  });

  it('allows the same object or array to appear twice when it is not a cycle', () => {
    const shared = { retries: 2 };
    const ports = [80];
    expect(flatten({ a: shared, b: [shared, shared], c: { d: shared }, p: ports, q: ports })).toEqual({
      'a.retries': 2,
      'b[0].retries': 2,
      'b[1].retries': 2,
      'c.d.retries': 2,
      'p[0]': 80,
      'q[0]': 80,
    });
  });

  it.each(['log.level', 'ports[0]', 'a]', 'a[b', '[', ']', '.', '', 'a.', '.a', 'x[0]y'])('rejects the key %p, which cannot be flattened', (key) => {
    const nested = JSON.parse(`{"outer": {"list": [{${JSON.stringify(key)}: 1}]}}`) as unknown;
    expect(() => flatten(nested)).toThrow(JSON.stringify(key));
    expect(() => flatten(nested)).toThrow(Error);
    const top = JSON.parse(`{${JSON.stringify(key)}: {"x": 1}}`) as unknown;
    expect(() => flatten(top)).toThrow(JSON.stringify(key));
  });

  class Config {
    port = 1;
  }
  const badRoots: [unknown][] = [[['a']], [[]], ['text'], [null], [undefined], [42], [new Date(0)], [new Map()], [new Config()]];
  it.each(badRoots)('rejects a root that is not a plain object: %p', (root) => {
    expect(() => flatten(root)).toThrow(TypeError);
  });
});
