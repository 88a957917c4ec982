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
    expect(seen).toEqual(names(fleet()));
  });

  it('handles empty and single-item lists', () => {
    expect(sortBy([], (x: number) => x)).toEqual([]);
    expect(sortBy([{ port: 22 }], (x) => x.port)).toEqual([{ port: 22 }]);
  });

  it('refuses to compare numbers with strings, or NaN keys, with a TypeError', () => {
    const mixed: { port: number | string }[] = [{ port: 80 }, { port: 'http' }];
    expect(() => sortBy(mixed, (x) => x.port)).toThrow(TypeError);
    expect(() => sortBy([{ port: 80 }, { port: Number.NaN }], (x) => x.port)).toThrow(TypeError);
  });
});

describe('healthyEndpoints', () => {
  it('lists the healthy servers of one environment as name:port, lowest port first', () => {
    expect(healthyEndpoints(fleet(), 'prod')).toEqual(['cache:9', 'admin:80', 'web-b:443', 'web-a:8080', 'api:8080']);
    expect(healthyEndpoints(fleet(), 'staging')).toEqual(['metrics:9100']);
    expect(healthyEndpoints(fleet(), 'dev')).toEqual([]);
  });

  it('does not reorder the caller\'s list', () => {
    const servers = fleet();
    healthyEndpoints(servers, 'prod');
    expect(names(servers)).toEqual(names(fleet()));
  });
});
