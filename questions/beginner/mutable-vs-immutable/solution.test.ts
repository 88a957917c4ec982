import { applyTagUpdates, endpointKey, type Instance } from './solution';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const makeInventory = (): Instance[] => [
  { host: 'web-1', port: 80, tags: ['frontend', 'blue'] },
  { host: 'web-1', port: 8080, tags: ['admin'] },
  { host: 'cache-1', port: 6379, tags: ['redis'] },
];

describe('endpointKey', () => {
  it('gives equal keys for the same host and port, so a Map finds the entry again', () => {
    expect(endpointKey('web-1', 80)).toBe(endpointKey('web-1', 80));
    const byEndpoint = new Map([[endpointKey('web-1', 80), 'frontend']]);
    expect(byEndpoint.get(endpointKey('web-1', 80))).toBe('frontend');
  });

  it('gives different keys when either part differs, without ambiguous concatenation', () => {
    expect(endpointKey('web-1', 80)).not.toBe(endpointKey('web-1', 8080));
    expect(endpointKey('web-1', 80)).not.toBe(endpointKey('web-2', 80));
    expect(endpointKey('db1', 1)).not.toBe(endpointKey('db', 11));
    expect(endpointKey('db:1', 2)).not.toBe(endpointKey('db', 12));
  });
});

describe('applyTagUpdates', () => {
  it('removes then adds tags on the instance matched by host and port together', () => {
    const result = applyTagUpdates(makeInventory(), [
      { host: 'web-1', port: 80, remove: ['blue'], add: ['green', 'canary'] },
    ]);
    expect(result).toEqual([
      { host: 'web-1', port: 80, tags: ['frontend', 'green', 'canary'] },
      { host: 'web-1', port: 8080, tags: ['admin'] },
      { host: 'cache-1', port: 6379, tags: ['redis'] },
    ]);
  });

  it('applies updates in order and never duplicates a tag', () => {
    const result = applyTagUpdates(makeInventory(), [
      { host: 'cache-1', port: 6379, add: ['primary', 'redis'] },
      { host: 'cache-1', port: 6379, remove: ['primary'], add: ['replica', 'replica'] },
    ]);
    expect(result[2].tags).toEqual(['redis', 'replica']);
  });

  it('works on deeply frozen input and leaves it exactly as it was', () => {
    const inventory = deepFreeze(makeInventory());
    const updates = deepFreeze([
      { host: 'web-1', port: 80, add: ['green'], remove: ['blue'] },
      { host: 'web-1', port: 8080, add: ['internal'] },
    ]);
    expect(() => applyTagUpdates(inventory, updates)).not.toThrow();
    expect(inventory).toEqual(makeInventory());
  });

  it('does not change the caller\'s tag arrays (a shallow copy is not enough)', () => {
    const inventory = makeInventory();
    const webTags = inventory[0].tags;
    applyTagUpdates(inventory, [{ host: 'web-1', port: 80, add: ['green'] }]);
    expect(webTags).toEqual(['frontend', 'blue']);
    expect(inventory).toEqual(makeInventory());
  });

  it('returns new objects for changed instances and shares the untouched ones', () => {
    const inventory = makeInventory();
    const result = applyTagUpdates(inventory, [{ host: 'web-1', port: 8080, add: ['internal'] }]);
    expect(result).not.toBe(inventory);
    expect(result[1]).not.toBe(inventory[1]);
    expect(result[1].tags).not.toBe(inventory[1].tags);
    expect(result[0]).toBe(inventory[0]);
    expect(result[2]).toBe(inventory[2]);
  });

  it('returns an equal but new array when there are no updates', () => {
    const inventory = makeInventory();
    const result = applyTagUpdates(inventory, []);
    expect(result).not.toBe(inventory);
    expect(result).toEqual(inventory);
  });

  it('rejects an update for an unknown instance, naming host:port, and keeps the input intact', () => {
    const inventory = deepFreeze(makeInventory());
    expect(() =>
      applyTagUpdates(inventory, [
        { host: 'web-1', port: 80, add: ['green'] },
        { host: 'cache-1', port: 6380, add: ['replica'] },
      ]),
    ).toThrow('cache-1:6380');
    expect(inventory).toEqual(makeInventory());
  });

  it('rejects an inventory that lists the same host and port twice', () => {
    const inventory = [...makeInventory(), { host: 'web-1', port: 80, tags: [] }];
    expect(() => applyTagUpdates(inventory, [])).toThrow('web-1:80');
  });

  it('treats hosts whose name and port would concatenate alike as different instances', () => {
    const inventory = [
      { host: 'db1', port: 1, tags: ['a'] },
      { host: 'db', port: 11, tags: ['b'] },
    ];
    const result = applyTagUpdates(inventory, [{ host: 'db', port: 11, add: ['c'] }]);
    expect(result.map((i) => i.tags)).toEqual([['a'], ['b', 'c']]);
  });
});
