import { toEnvVars, unflatten, type FlatConfig } from './solution';

const nested = () => ({
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

describe('toEnvVars', () => {
  it('builds PREFIX_PATH names and string values', () => {
    expect(
      toEnvVars({ 'db.host': 'db.internal', 'db.port': 5432, 'servers[1].name': 'web-2', debug: false, owner: null, volumes: [], labels: {} }, 'billing'),
    ).toStrictEqual({
      BILLING_DB_HOST: 'db.internal',
      BILLING_DB_PORT: '5432',
      BILLING_SERVERS_1_NAME: 'web-2',
      BILLING_DEBUG: 'false',
      BILLING_OWNER: 'null',
      BILLING_VOLUMES: '[]',
      BILLING_LABELS: '{}',
    });
  });

  it('turns each run of other characters into one underscore and trims both ends', () => {
    expect(toEnvVars({ 'log-level': 'info', 'matrix[0][1]': 2 }, '')).toStrictEqual({ LOG_LEVEL: 'info', MATRIX_0_1: '2' });
    expect(toEnvVars({ '_private..x__': 1, 'a b[0]': 2, 'x-.-y': 3 }, '')).toStrictEqual({ PRIVATE_X: '1', A_B_0: '2', X_Y: '3' });
    expect(toEnvVars({ 'db.host': 'h', 'x[3]': 'y' }, 'my-app_')).toStrictEqual({ MY_APP_DB_HOST: 'h', MY_APP_X_3: 'y' });
    expect(toEnvVars({ port: 1 }, '--Billing--')).toStrictEqual({ BILLING_PORT: '1' });
    expect(toEnvVars({ 'hosts[0]': 'a', 'tags[10]': 'b' }, 'app')).toStrictEqual({ APP_HOSTS_0: 'a', APP_TAGS_10: 'b' });
    expect(toEnvVars({ 'Db.Port': 1, 'camelCase.key9': 2 }, 'Svc')).toStrictEqual({ SVC_DB_PORT: '1', SVC_CAMELCASE_KEY9: '2' });
  });

  it('adds nothing for an empty prefix', () => {
    expect(toEnvVars({ 'db.port': 5432, 'hosts[0]': 'a' }, '')).toStrictEqual({ DB_PORT: '5432', HOSTS_0: 'a' });
  });

  it('keeps strings exactly as they are and JSON-encodes everything else', () => {
    expect(
      toEnvVars({ quote: 'say "hi"', blank: '', num: '42', t: 'true', spaced: ' x ', on: true, off: false, neg: -1.5, zero: 0, big: 1e21, none: null }, 'x'),
    ).toStrictEqual({
      X_QUOTE: 'say "hi"',
      X_BLANK: '',
      X_NUM: '42',
      X_T: 'true',
      X_SPACED: ' x ',
      X_ON: 'true',
      X_OFF: 'false',
      X_NEG: '-1.5',
      X_ZERO: '0',
      X_BIG: '1e+21',
      X_NONE: 'null',
    });
    expect(toEnvVars({}, 'app')).toStrictEqual({});
  });

  it('rejects two paths that give the same name, naming both in double quotes', () => {
    const clash = () => toEnvVars({ 'log-level': 'info', 'log.level': 'debug' }, 'app');
    expect(clash).toThrow(Error);
    expect(clash).toThrow('"log-level"');
    expect(clash).toThrow('"log.level"');
  });

  it('finds clashes that appear only after upper-casing or trimming, wherever they are in the input', () => {
    const byCase = () => toEnvVars({ 'db.port': 1, other: 'x', 'DB.port': 2 }, 'app');
    expect(byCase).toThrow('"db.port"');
    expect(byCase).toThrow('"DB.port"');
    const byTrim = () => toEnvVars({ 'hosts[0]': 'a', hosts_0: 'b' }, '');
    expect(byTrim).toThrow('"hosts[0]"');
    expect(byTrim).toThrow('"hosts_0"');
    const byPrefix = () => toEnvVars({ 'a.b': 1, 'a_b': 2 }, 'x');
    expect(byPrefix).toThrow('"a.b"');
    expect(byPrefix).toThrow('"a_b"');
    const byRun = () => toEnvVars({ 'x..y': 1, 'x-y': 2 }, '');
    expect(byRun).toThrow('"x..y"');
    expect(byRun).toThrow('"x-y"');
  });

  it('does not modify its input', () => {
    const flat = Object.freeze(flatConfig());
    expect(() => toEnvVars(flat, 'app')).not.toThrow();
    expect(flat).toStrictEqual(flatConfig());
  });
});

describe('unflatten', () => {
  it('rebuilds nested objects and real arrays', () => {
    const result = unflatten(flatConfig());
    expect(result).toStrictEqual(nested());
    expect(Array.isArray(result.servers)).toBe(true);
    expect(Array.isArray(result.matrix)).toBe(true);
  });

  it('builds the example from the prompt', () => {
    expect(unflatten({ 'db.hosts[0]': 'a', 'db.port': 5432 })).toStrictEqual({ db: { hosts: ['a'], port: 5432 } });
  });

  it('accepts the entries in any order and puts array elements at their index', () => {
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

  it('keeps falsy values and keys with digits, dashes and spaces', () => {
    expect(unflatten({ 'a.off': false, 'a.zero': 0, 'a.blank': '', 'a.none': null, '0[0]': 'x', 'log-level': 'info', 'a b.c': true })).toStrictEqual({
      a: { off: false, zero: 0, blank: '', none: null },
      0: ['x'],
      'log-level': 'info',
      'a b': { c: true },
    });
  });

  it('does not take a path for the parent of another that merely starts with the same text', () => {
    expect(unflatten({ 'db.port': 1, 'db.portal': 2, db2: 3, 'a[1]': 'b', 'a[10]': 'k', 'a[0]': 'a', 'a[2]': 'c', 'a[3]': 'd', 'a[4]': 'e', 'a[5]': 'f', 'a[6]': 'g', 'a[7]': 'h', 'a[8]': 'i', 'a[9]': 'j' })).toStrictEqual({
      db: { port: 1, portal: 2 },
      db2: 3,
      a: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'],
    });
  });

  it('copies empty containers instead of sharing them with the input', () => {
    const flat: FlatConfig = { labels: {}, volumes: [], 'deep.x[0]': [] };
    const result = unflatten(flat);
    expect(result).toStrictEqual({ labels: {}, volumes: [], deep: { x: [[]] } });
    expect(result.labels).not.toBe(flat.labels);
    expect(result.volumes).not.toBe(flat.volumes);
    expect((result.deep as { x: unknown[] }).x[0]).not.toBe(flat['deep.x[0]']);
  });

  it('does not modify its input', () => {
    const flat = Object.freeze(flatConfig());
    expect(() => unflatten(flat)).not.toThrow();
    expect(flat).toStrictEqual(flatConfig());
  });

  it('rejects a path that is a value and also has children, naming the longer path', () => {
    const cases: [FlatConfig, string][] = [
      [{ db: 'postgres://x', 'db.port': 5432 }, 'db.port'],
      [{ 'db.port': 5432, db: {} }, 'db.port'],
      [{ 'a.b.c.d': 1, 'a.b': null }, 'a.b.c.d'],
      [{ 'hosts[0]': 'a', 'hosts[0].name': 'b' }, 'hosts[0].name'],
      [{ 'hosts[0]': 'a', hosts: [] }, 'hosts[0]'],
      [{ hosts: [], 'hosts[0]': 'a' }, 'hosts[0]'],
      [{ 'x.y': false, x: 0 }, 'x.y'],
      [{ 'm[0][1]': 1, 'm[0]': '' }, 'm[0][1]'],
    ];
    for (const [flat, longer] of cases) {
      expect(() => unflatten(flat)).toThrow(Error);
      expect(() => unflatten(flat)).toThrow(longer);
    }
  });

  it('rejects a node used both as an array and as an object, in either order', () => {
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts.primary': 'b' })).toThrow(Error);
    expect(() => unflatten({ 'hosts.primary': 'b', 'hosts[0]': 'a' })).toThrow(Error);
    expect(() => unflatten({ 'm[0][0]': 1, 'm[0].x': 2 })).toThrow(Error);
    expect(() => unflatten({ 'm[0].x': 2, 'm[0][0]': 1 })).toThrow(Error);
    expect(() => unflatten({ 'a.b[0]': 1, 'a.b.0': 2 })).toThrow(Error);
    expect(() => unflatten({ '0.x': 1, '0[0]': 2 })).toThrow(Error);
  });

  it('rejects arrays with a gap, naming the first missing element', () => {
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts[2]': 'c' })).toThrow(Error);
    expect(() => unflatten({ 'hosts[0]': 'a', 'hosts[2]': 'c' })).toThrow('hosts[1]');
    expect(() => unflatten({ 'hosts[1]': 'b' })).toThrow('hosts[0]');
    expect(() => unflatten({ 'x[0]': 0, 'x[1]': 1, 'x[3]': 3, 'x[4]': 4 })).toThrow('x[2]');
    expect(() => unflatten({ 'x[5]': 5, 'x[0]': 0, 'x[1]': 1, 'x[2]': 2 })).toThrow('x[3]');
  });

  it('finds gaps in nested arrays and in arrays below objects, naming the full path', () => {
    expect(() => unflatten({ 'm[0][0]': 1, 'm[0][2]': 3 })).toThrow('m[0][1]');
    expect(() => unflatten({ 'svc.hosts[1]': 'b' })).toThrow('svc.hosts[0]');
    expect(() => unflatten({ 'a[0].b.c[2]': 1, 'a[0].b.c[0]': 1 })).toThrow('a[0].b.c[1]');
    expect(() => unflatten({ 'm[1][0]': 1 })).toThrow('m[0]');
  });

  it.each(['', 'a..b', '.a', 'a.', 'a[01]', 'a[00]', 'a[x]', 'a[-1]', 'a[1.5]', 'a[ 1]', 'a[]', 'a]', 'a[', 'a[0]b', '[0]', '[0].a', 'a[0', 'a.[0]', 'a[0]]', 'a[[0]]', 'a.b.', 'a[0].'])(
    'rejects the malformed path %p, quoting it',
    (path) => {
      expect(() => unflatten({ [path]: 1 })).toThrow(JSON.stringify(path));
      expect(() => unflatten({ ok: 1, [path]: 1 })).toThrow(Error);
    },
  );

  it('accepts index 0, 10 and 100 and keys made of any other characters', () => {
    const list = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`n[${i}]`, i])) as FlatConfig;
    const result = unflatten({ ...list, 'k-1.x y': 1 });
    expect(result.n).toStrictEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(result['k-1']).toStrictEqual({ 'x y': 1 });
  });
});
