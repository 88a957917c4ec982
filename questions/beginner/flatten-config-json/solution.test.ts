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

  class Secret {
    constructor(public value: string) {}
  }

  it.each([
    ['undefined', { db: { password: undefined } }, 'db.password'],
    ['NaN', { limits: { cpu: Number.NaN } }, 'limits.cpu'],
    ['Infinity', { timeout: Number.POSITIVE_INFINITY }, 'timeout'],
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
  });

  it('allows the same object to appear twice when it is not a cycle', () => {
    const shared = { retries: 2 };
    expect(flatten({ a: shared, b: shared })).toEqual({ 'a.retries': 2, 'b.retries': 2 });
  });

  it.each(['log.level', 'ports[0]', 'a]', '', '__proto__'])('rejects the key %p, which cannot be flattened', (key) => {
    const input = JSON.parse(`{"outer": {${JSON.stringify(key)}: 1}}`) as unknown;
    expect(() => flatten(input)).toThrow(JSON.stringify(key));
  });

  const badRoots: [unknown][] = [[['a']], ['text'], [null], [42]];
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

  it('copies empty containers instead of sharing them with the input', () => {
    const flat: FlatConfig = { labels: {}, volumes: [] };
    const nested = unflatten(flat);
    expect(nested.labels).not.toBe(flat.labels);
    expect(nested.volumes).not.toBe(flat.volumes);
  });

  it('rejects a path that is both a value and a container', () => {
    expect(() => unflatten({ db: 'postgres://x', 'db.port': 5432 })).toThrow('db.port');
    expect(() => unflatten({ 'db.port': 5432, db: {} })).toThrow('db.port');
  });

  it('rejects a node used both as an array and as an object', () => {
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts.primary': 'b' })).toThrow('hosts');
    expect(() => unflatten({ 'hosts.primary': 'b', 'hosts[0]': 'a' })).toThrow('hosts');
  });

  it('rejects arrays with missing indexes', () => {
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts[2]': 'c' })).toThrow('hosts[1]');
    expect(() => unflatten({ 'hosts[1]': 'b' })).toThrow('hosts[0]');
  });

  it.each(['', 'a..b', '.a', 'a.', 'a[01]', 'a[x]', 'a[-1]', '[0]', 'a[0'])('rejects the malformed path %p', (path) => {
    expect(() => unflatten({ [path]: 1 })).toThrow(JSON.stringify(path));
  });

  it('refuses __proto__ segments and never touches Object.prototype', () => {
    expect(() => unflatten({ '__proto__.polluted': true })).toThrow('"__proto__"');
    expect(() => unflatten({ 'a.__proto__.polluted': true })).toThrow('"__proto__"');
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
  });

  it('rejects two paths that would map to the same variable, naming both', () => {
    const clash = () => toEnvVars({ 'log-level': 'info', 'log.level': 'debug' }, 'app');
    expect(clash).toThrow('"log-level"');
    expect(clash).toThrow('"log.level"');
  });
});
