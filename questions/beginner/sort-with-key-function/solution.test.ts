import { healthyEndpoints, sortBy, type Server } from './solution';

const fleet = (): Server[] => [
  { name: 'web-a', env: 'prod', port: 8080, healthy: true },
  { name: 'web-b', env: 'prod', port: 443, healthy: true },
  { name: 'api', env: 'prod', port: 8080, healthy: true },
  { name: 'db', env: 'prod', port: 5432, healthy: false },
  { name: 'admin', env: 'prod', port: 80, healthy: true },
  { name: 'metrics', env: 'staging', port: 9100, healthy: true },
  { name: 'cache', env: 'prod', port: 9, healthy: true },
];

const names = (servers: Server[]) => servers.map((s) => s.name);

describe('sortBy', () => {
  it('sorts servers by port numerically, not as text', () => {
    expect(names(sortBy(fleet(), (s) => s.port))).toEqual(['cache', 'admin', 'web-b', 'db', 'web-a', 'api', 'metrics']);
  });

  it('returns a new array and leaves the frozen input untouched', () => {
    const servers = Object.freeze(fleet());
    const sorted = sortBy(servers, (s) => s.port);
    expect(sorted).not.toBe(servers);
    expect(names([...servers])).toEqual(names(fleet()));
  });

  it('keeps servers with equal keys in their original order (stable)', () => {
    const byEnv = sortBy(fleet(), (s) => s.env);
    expect(names(byEnv)).toEqual(['web-a', 'web-b', 'api', 'db', 'admin', 'cache', 'metrics']);
  });

  it('stays stable on long lists with many equal keys, both ways', () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ id: i, group: (i * 7) % 5 }));
    const up = sortBy(items, (x) => x.group);
    const down = sortBy(items, (x) => x.group, { reverse: true });
    const expected = (groups: number[]) => groups.flatMap((g) => items.filter((x) => x.group === g).map((x) => x.id));
    expect(up.map((x) => x.id)).toEqual(expected([0, 1, 2, 3, 4]));
    expect(down.map((x) => x.id)).toEqual(expected([4, 3, 2, 1, 0]));
  });

  it('sorts from the largest key down with reverse, still keeping equal keys in order', () => {
    expect(names(sortBy(fleet(), (s) => s.port, { reverse: true }))).toEqual([
      'metrics', 'web-a', 'api', 'db', 'web-b', 'admin', 'cache',
    ]);
    expect(names(sortBy(fleet(), (s) => s.env, { reverse: true }))).toEqual([
      'metrics', 'web-a', 'web-b', 'api', 'db', 'admin', 'cache',
    ]);
  });

  it('orders string keys by code unit, like Python', () => {
    expect(sortBy(['web', 'Web', 'api', 'API', 'db-10', 'db-9'], (s) => s)).toEqual([
      'API', 'Web', 'api', 'db-10', 'db-9', 'web',
    ]);
  });

  it('calls the key function exactly once per item', () => {
    const seen: string[] = [];
    sortBy(fleet(), (s) => {
      seen.push(s.name);
      return s.port;
    });
    expect([...seen].sort()).toEqual(names(fleet()).sort());
    const reversed: string[] = [];
    sortBy(fleet(), (s) => {
      reversed.push(s.name);
      return s.env;
    }, { reverse: true });
    expect([...reversed].sort()).toEqual(names(fleet()).sort());
  });

  it('treats reverse: false like no options at all', () => {
    expect(names(sortBy(fleet(), (s) => s.port, { reverse: false }))).toEqual(names(sortBy(fleet(), (s) => s.port)));
    expect(names(sortBy(fleet(), (s) => s.port, {}))).toEqual(['cache', 'admin', 'web-b', 'db', 'web-a', 'api', 'metrics']);
  });

  it('orders negative, fractional, zero and infinite number keys numerically', () => {
    const keys = [3, -1, Infinity, 0.5, -Infinity, 0, 10, -20];
    expect(sortBy(keys, (k) => k)).toEqual([-Infinity, -20, -1, 0, 0.5, 3, 10, Infinity]);
    expect(sortBy(keys, (k) => k, { reverse: true })).toEqual([Infinity, 10, 3, 0.5, 0, -1, -20, -Infinity]);
  });

  it('sorts the empty string first and reverses strings by code unit', () => {
    expect(sortBy(['b', '', 'B', 'a'], (s) => s)).toEqual(['', 'B', 'a', 'b']);
    expect(sortBy(['b', '', 'B', 'a'], (s) => s, { reverse: true })).toEqual(['b', 'a', 'B', '']);
  });

  it('handles empty and single-item lists, still returning a new array', () => {
    const empty: number[] = [];
    const none = sortBy(empty, (x: number) => x);
    expect(none).toEqual([]);
    expect(none).not.toBe(empty);
    const one = [{ port: 22 }];
    const sortedOne = sortBy(one, (x) => x.port, { reverse: true });
    expect(sortedOne).toEqual([{ port: 22 }]);
    expect(sortedOne).not.toBe(one);
    expect(sortedOne[0]).toBe(one[0]);
  });

  it('returns the same item objects, not copies', () => {
    const servers = fleet();
    const sorted = sortBy(servers, (s) => s.port);
    expect(sorted[0]).toBe(servers[6]);
    expect(sorted).toHaveLength(servers.length);
  });

  it('refuses to compare numbers with strings, or NaN keys, with a TypeError', () => {
    const mixed: { port: number | string }[] = [{ port: 80 }, { port: 'http' }];
    expect(() => sortBy(mixed, (x) => x.port)).toThrow(TypeError);
    expect(() => sortBy([{ port: 80 }, { port: Number.NaN }], (x) => x.port)).toThrow(TypeError);
  });

  it('throws the TypeError wherever the odd key sits, whichever type comes first', () => {
    expect(() => sortBy(['http', 80, 'ssh'], (x) => x)).toThrow(TypeError);
    expect(() => sortBy([22, 80, 443, 'https'], (x) => x)).toThrow(TypeError);
    expect(() => sortBy([Number.NaN, 80, 443], (x) => x)).toThrow(TypeError);
    expect(() => sortBy([Number.NaN], (x) => x)).toThrow(TypeError);
    expect(() => sortBy([22, 80, Number.NaN], (x) => x, { reverse: true })).toThrow(TypeError);
    expect(() => sortBy(['a', 'b', 'c', 1], (x) => x, { reverse: true })).toThrow(TypeError);
  });
});

describe('healthyEndpoints', () => {
  it('lists the healthy servers of one environment as name:port, lowest port first', () => {
    expect(healthyEndpoints(fleet(), 'prod')).toEqual(['cache:9', 'admin:80', 'web-b:443', 'web-a:8080', 'api:8080']);
    expect(healthyEndpoints(fleet(), 'staging')).toEqual(['metrics:9100']);
    expect(healthyEndpoints(fleet(), 'dev')).toEqual([]);
  });

  it('matches the environment name exactly', () => {
    const servers: Server[] = [
      { name: 'eu', env: 'prod-eu', port: 1, healthy: true },
      { name: 'upper', env: 'Prod', port: 2, healthy: true },
      { name: 'main', env: 'prod', port: 3, healthy: true },
    ];
    expect(healthyEndpoints(servers, 'prod')).toEqual(['main:3']);
    expect(healthyEndpoints(servers, 'pro')).toEqual([]);
    expect(healthyEndpoints([], 'prod')).toEqual([]);
  });

  it('does not reorder the caller\'s list', () => {
    const servers = fleet();
    healthyEndpoints(servers, 'prod');
    expect(names(servers)).toEqual(names(fleet()));
  });
});
