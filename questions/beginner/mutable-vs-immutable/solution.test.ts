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

  it('compares hosts exactly: case and spaces make a different key', () => {
    expect(endpointKey('DB', 5432)).not.toBe(endpointKey('db', 5432));
    expect(endpointKey('db ', 5432)).not.toBe(endpointKey('db', 5432));
    expect(endpointKey('', 5432)).toBe(endpointKey('', 5432));
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

  it('drops every occurrence of a removed tag', () => {
    const inventory = [{ host: 'db', port: 5432, tags: ['a', 'b', 'a', 'c', 'a'] }];
    expect(applyTagUpdates(inventory, [{ host: 'db', port: 5432, remove: ['a', 'c'] }])[0].tags).toEqual(['b']);
  });

  it('applies a later update to the result of an earlier one for the same instance', () => {
    const result = applyTagUpdates(makeInventory(), [
      { host: 'web-1', port: 80, add: ['green'] },
      { host: 'web-1', port: 80, remove: ['frontend'] },
      { host: 'web-1', port: 80, add: ['canary'] },
    ]);
    expect(result[0].tags).toEqual(['blue', 'green', 'canary']);
  });

  it('removes before adding, so a tag in both lists of one update ends up present, moved to the end', () => {
    const result = applyTagUpdates(makeInventory(), [
      { host: 'web-1', port: 80, remove: ['frontend', 'gone'], add: ['frontend'] },
      { host: 'cache-1', port: 6379, remove: ['new'], add: ['new'] },
    ]);
    expect(result[0].tags).toEqual(['blue', 'frontend']);
    expect(result[2].tags).toEqual(['redis', 'new']);
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

  it('returns a new object with a new tags array even when an update changes no tag', () => {
    const inventory = makeInventory();
    const result = applyTagUpdates(inventory, [
      { host: 'web-1', port: 80, add: ['blue'] },
      { host: 'cache-1', port: 6379, remove: ['absent'] },
      { host: 'web-1', port: 8080 },
    ]);
    expect(result).toEqual(inventory);
    for (const i of [0, 1, 2]) {
      expect(result[i]).not.toBe(inventory[i]);
      expect(result[i].tags).not.toBe(inventory[i].tags);
    }
  });

  it('treats hosts that differ only in case as different instances', () => {
    const inventory = deepFreeze([
      { host: 'DB', port: 5432, tags: ['upper'] },
      { host: 'db', port: 5432, tags: ['lower'] },
    ]);
    const result = applyTagUpdates(inventory, [{ host: 'db', port: 5432, add: ['x'] }]);
    expect(result.map((i) => i.tags)).toEqual([['upper'], ['lower', 'x']]);
    expect(result[0]).toBe(inventory[0]);
    expect(() => applyTagUpdates(inventory, [{ host: 'Db', port: 5432, add: ['x'] }])).toThrow('Db:5432');
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
    expect(() => applyTagUpdates(inventory, [{ host: 'cache-2', port: 6379 }])).toThrow(Error);
    expect(inventory).toEqual(makeInventory());
  });

  it('rejects an inventory that lists the same host and port twice, naming host:port', () => {
    const inventory = [...makeInventory(), { host: 'web-1', port: 80, tags: [] }];
    expect(() => applyTagUpdates(inventory, [])).toThrow('web-1:80');
    expect(() => applyTagUpdates(inventory, [])).toThrow(Error);
    const apart = [{ host: 'cache-1', port: 6379, tags: [] }, ...makeInventory()];
    expect(() => applyTagUpdates(apart, [{ host: 'web-1', port: 80, add: ['x'] }])).toThrow('cache-1:6379');
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
