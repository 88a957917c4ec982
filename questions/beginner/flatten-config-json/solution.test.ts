import { flatten, toEnvVars, unflatten, type FlatConfig } from './solution';

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

const flatConfig = (): FlatConfig => ({
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
    const back = unflatten(flat);
    expect(back).toEqual(input);
    expect(Array.isArray(back['0'])).toBe(true);
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
    ['a hole in a sparse array', { hosts: ['a', , 'c'] }, 'hosts[1]'],
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

  it('rejects a circular reference with a TypeError instead of recursing forever', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = { parent: loop };
    expect(() => flatten(loop)).toThrow(TypeError);
    expect(() => flatten(loop)).toThrow('self.parent');

    const direct: Record<string, unknown> = {};
    direct.me = direct;
    expect(() => flatten(direct)).toThrow(TypeError);
    expect(() => flatten(direct)).toThrow('me');

    const list: unknown[] = [1];
    list.push({ back: list });
    expect(() => flatten({ list })).toThrow(TypeError);
    expect(() => flatten({ list })).toThrow('list[1].back');
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

  it.each(['log.level', 'ports[0]', 'a]', 'a[b', '.', '', '__proto__'])('rejects the key %p, which cannot be flattened', (key) => {
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

describe('unflatten', () => {
  it('rebuilds nested objects and real arrays', () => {
    const nested = unflatten(flatConfig());
    expect(nested).toStrictEqual(config());
    expect(Array.isArray(nested.servers)).toBe(true);
  });

  it('round-trips: unflatten(flatten(x)) equals x', () => {
    const original = { app: { name: 'api', tiers: [{ cpu: '250m', env: { LOG: 'info' } }, { cpu: '1', env: {} }] } };
    expect(unflatten(flatten(original))).toStrictEqual(original);
  });

  it('accepts the paths in any order and puts array elements at their index', () => {
    const flat: FlatConfig = {
      'hosts[2]': 'c', 'hosts[0]': 'a', 'hosts[1]': 'b',
      'grid[1][1]': 4, 'grid[0][0]': 1, 'grid[1][0]': 3, 'grid[0][1]': 2,
      'list[10]': 10, 'list[9]': 9, 'list[8]': 8, 'list[7]': 7, 'list[6]': 6, 'list[5]': 5,
      'list[4]': 4, 'list[3]': 3, 'list[2]': 2, 'list[1]': 1, 'list[0]': 0,
    };
    expect(unflatten(flat)).toStrictEqual({
      hosts: ['a', 'b', 'c'],
      grid: [[1, 2], [3, 4]],
      list: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    });
  });

  it('builds own properties for names that Object.prototype also has, and leaves the prototype alone', () => {
    const nested = unflatten({ 'constructor.name': 'x', 'toString[0]': 1, 'hasOwnProperty.prototype.polluted': true });
    expect(nested).toEqual({ constructor: { name: 'x' }, toString: [1], hasOwnProperty: { prototype: { polluted: true } } });
    expect(Object.keys(nested)).toEqual(['constructor', 'toString', 'hasOwnProperty']);
    expect(Array.isArray(nested.toString)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>).name).toBe('Object');
  });

  it('does not take a path for the parent of another that merely starts with the same text', () => {
    expect(unflatten({ 'db.port': 1, 'db.portal': 2, db2: 3, 'a[1]': 'b', 'a[10]': 'k', 'a[0]': 'a', 'a[2]': 'c', 'a[3]': 'd', 'a[4]': 'e', 'a[5]': 'f', 'a[6]': 'g', 'a[7]': 'h', 'a[8]': 'i', 'a[9]': 'j' })).toStrictEqual({
      db: { port: 1, portal: 2 },
      db2: 3,
      a: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'],
    });
  });

  it('copies empty containers instead of sharing them with the input', () => {
    const flat: FlatConfig = { labels: {}, volumes: [] };
    const nested = unflatten(flat);
    expect(nested.labels).not.toBe(flat.labels);
    expect(nested.volumes).not.toBe(flat.volumes);
  });

  it('rejects a path that is both a value and a container', () => {
    expect(() => unflatten({ db: 'postgres://x', 'db.port': 5432 })).toThrow('db.port');
    expect(() => unflatten({ 'db.port': 5432, db: {} })).toThrow('db.port');
    expect(() => unflatten({ 'a.b.c.d': 1, 'a.b': null })).toThrow('a.b.c.d');
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts[0].name': 'b' })).toThrow('hosts[0].name');
    expect(() => unflatten({ 'hosts[0]': 'a', hosts: [] })).toThrow('hosts[0]');
    expect(() => unflatten({ 'x.y': false, x: 0 })).toThrow(Error);
  });

  it('rejects a node used both as an array and as an object', () => {
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts.primary': 'b' })).toThrow(Error);
    expect(() => unflatten({ 'hosts.primary': 'b', 'hosts[0]': 'a' })).toThrow(Error);
    expect(() => unflatten({ 'm[0][0]': 1, 'm[0].x': 2 })).toThrow(Error);
    expect(() => unflatten({ 'a.b[0]': 1, 'a.b.0': 2 })).toThrow(Error);
  });

  it('rejects arrays with missing indexes, naming the first missing one', () => {
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts[2]': 'c' })).toThrow('hosts[1]');
    expect(() => unflatten({ 'hosts[1]': 'b' })).toThrow('hosts[0]');
    expect(() => unflatten({ 'x[0]': 0, 'x[1]': 1, 'x[3]': 3, 'x[4]': 4 })).toThrow('x[2]');
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts[2]': 'c' })).toThrow(Error);
  });

  it('finds gaps in nested arrays and in arrays below objects, naming the full path', () => {
    expect(() => unflatten({ 'm[0][0]': 1, 'm[0][2]': 3 })).toThrow('m[0][1]');
    expect(() => unflatten({ 'svc.hosts[1]': 'b' })).toThrow('svc.hosts[0]');
    expect(() => unflatten({ 'a[0].b.c[2]': 1, 'a[0].b.c[0]': 1 })).toThrow('a[0].b.c[1]');
  });

  it.each(['', 'a..b', '.a', 'a.', 'a[01]', 'a[00]', 'a[x]', 'a[-1]', 'a[1.5]', 'a[ 1]', 'a[]', 'a]', 'a[0]b', '[0]', 'a[0', 'a.[0]'])(
    'rejects the malformed path %p',
    (path) => {
      expect(() => unflatten({ [path]: 1 })).toThrow(JSON.stringify(path));
      expect(() => unflatten({ ok: 1, [path]: 1 })).toThrow(Error);
    },
  );

  it('refuses __proto__ segments anywhere and never touches Object.prototype', () => {
    for (const path of ['__proto__.polluted', 'a.__proto__.polluted', 'a.__proto__', 'a[0].__proto__', '__proto__']) {
      expect(() => unflatten({ [path]: true })).toThrow('"__proto__"');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('toEnvVars', () => {
  it('builds PREFIX_PATH names and string values', () => {
    expect(
      toEnvVars({ 'db.host': 'db.internal', 'db.port': 5432, 'servers[1].name': 'web-2', debug: false, owner: null, volumes: [], labels: {} }, 'billing'),
    ).toEqual({
      BILLING_DB_HOST: 'db.internal',
      BILLING_DB_PORT: '5432',
      BILLING_SERVERS_1_NAME: 'web-2',
      BILLING_DEBUG: 'false',
      BILLING_OWNER: 'null',
      BILLING_VOLUMES: '[]',
      BILLING_LABELS: '{}',
    });
  });

  it('turns other punctuation into single underscores and works without a prefix', () => {
    expect(toEnvVars({ 'log-level': 'info', 'matrix[0][1]': 2 }, '')).toEqual({ LOG_LEVEL: 'info', MATRIX_0_1: '2' });
    expect(toEnvVars({ '_private..x__': 1, 'a b[0]': 2 }, '')).toEqual({ PRIVATE_X: '1', A_B_0: '2' });
    expect(toEnvVars({ 'db.host': 'h', 'x[3]': 'y' }, 'my-app_')).toEqual({ MY_APP_DB_HOST: 'h', MY_APP_X_3: 'y' });
    expect(toEnvVars({ port: 1 }, '--Billing--')).toEqual({ BILLING_PORT: '1' });
  });

  it('keeps strings exactly as they are and JSON-encodes everything else', () => {
    expect(toEnvVars({ quote: 'say "hi"', blank: '', num: '42', on: true, neg: -1.5, zero: 0, big: 1e21 }, 'x')).toEqual({
      X_QUOTE: 'say "hi"',
      X_BLANK: '',
      X_NUM: '42',
      X_ON: 'true',
      X_NEG: '-1.5',
      X_ZERO: '0',
      X_BIG: '1e+21',
    });
    expect(toEnvVars({}, 'app')).toEqual({});
  });

  it('rejects two paths that would map to the same variable, naming both', () => {
    const clash = () => toEnvVars({ 'log-level': 'info', 'log.level': 'debug' }, 'app');
    expect(clash).toThrow('"log-level"');
    expect(clash).toThrow('"log.level"');
    expect(clash).toThrow(Error);
  });

  it('finds collisions that only appear after upper-casing or trimming', () => {
    const byCase = () => toEnvVars({ 'db.port': 1, 'DB.port': 2 }, 'app');
    expect(byCase).toThrow('"db.port"');
    expect(byCase).toThrow('"DB.port"');
    const byTrim = () => toEnvVars({ 'hosts[0]': 'a', 'hosts_0': 'b' }, '');
    expect(byTrim).toThrow('"hosts[0]"');
    expect(byTrim).toThrow('"hosts_0"');
  });
});
