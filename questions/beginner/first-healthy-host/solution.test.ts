import { firstHealthyHost, type Host } from './solution';

/** A fake health check: records every name it is asked about; `verdicts` says what each host does. */
function checker(verdicts: Record<string, boolean | { throws: unknown }>) {
  const calls: string[] = [];
  const isHealthy = (name: string): boolean => {
    calls.push(name);
    const verdict = Object.hasOwn(verdicts, name) ? verdicts[name] : false;
    if (typeof verdict === 'object') throw verdict.throws;
    return verdict;
  };
  return { calls, isHealthy };
}

const hosts = (...names: string[]): Host[] => names.map((name) => ({ name }));

describe('firstHealthyHost', () => {
  it('takes the first host when it is healthy and checks nothing after it', () => {
    const c = checker({ 'db-1': true, 'db-2': true });
    expect(firstHealthyHost(hosts('db-1', 'db-2', 'db-3'), c.isHealthy)).toEqual({ host: 'db-1', checked: ['db-1'] });
    expect(c.calls).toEqual(['db-1']);
  });

  it('moves past unhealthy hosts and stops at the first healthy one', () => {
    const c = checker({ 'db-1': false, 'db-2': false, 'db-3': true, 'db-4': true });
    expect(firstHealthyHost(hosts('db-1', 'db-2', 'db-3', 'db-4'), c.isHealthy)).toEqual({
      host: 'db-3',
      checked: ['db-1', 'db-2', 'db-3'],
    });
    expect(c.calls).toEqual(['db-1', 'db-2', 'db-3']);
  });

  it('skips hosts in maintenance without checking them, even a healthy one', () => {
    const c = checker({ 'db-1': true, 'db-2': false, 'db-3': true });
    const list: Host[] = [{ name: 'db-1', maintenance: true }, { name: 'db-2' }, { name: 'db-3', maintenance: false }];
    expect(firstHealthyHost(list, c.isHealthy)).toEqual({ host: 'db-3', checked: ['db-2', 'db-3'] });
    expect(c.calls).toEqual(['db-2', 'db-3']);
  });

  it('skips a maintenance host between unhealthy ones and keeps going', () => {
    const c = checker({ a: false, b: true, c: false, d: true });
    const list: Host[] = [{ name: 'a' }, { name: 'b', maintenance: true }, { name: 'c' }, { name: 'd' }];
    expect(firstHealthyHost(list, c.isHealthy)).toEqual({ host: 'd', checked: ['a', 'c', 'd'] });
    expect(c.calls).toEqual(['a', 'c', 'd']);
  });

  it('finds a healthy host in last place', () => {
    const c = checker({ 'eu-3': true });
    expect(firstHealthyHost(hosts('eu-1', 'eu-2', 'eu-3'), c.isHealthy)).toEqual({
      host: 'eu-3',
      checked: ['eu-1', 'eu-2', 'eu-3'],
    });
  });

  it('returns null after checking every host once when none is healthy', () => {
    const c = checker({ a: false, b: false });
    const list: Host[] = [{ name: 'a' }, { name: 'm', maintenance: true }, { name: 'b' }];
    expect(firstHealthyHost(list, c.isHealthy)).toEqual({ host: null, checked: ['a', 'b'] });
    expect(c.calls).toEqual(['a', 'b']);
  });

  it('returns null when the last checked host is unhealthy and only maintenance hosts follow', () => {
    const c = checker({ a: false, z: true });
    const list: Host[] = [{ name: 'a' }, { name: 'z', maintenance: true }];
    expect(firstHealthyHost(list, c.isHealthy)).toEqual({ host: null, checked: ['a'] });
  });

  it('returns null without any check for an empty list or when every host is in maintenance', () => {
    const c = checker({ a: true, b: true });
    expect(firstHealthyHost([], c.isHealthy)).toEqual({ host: null, checked: [] });
    const all: Host[] = [{ name: 'a', maintenance: true }, { name: 'b', maintenance: true }];
    expect(firstHealthyHost(all, c.isHealthy)).toEqual({ host: null, checked: [] });
    expect(c.calls).toEqual([]);
  });

  it('counts a check that throws an Error as unhealthy and goes on', () => {
    const c = checker({ a: { throws: new Error('connection refused') }, b: { throws: new TypeError('bad reply') }, c: true });
    expect(firstHealthyHost(hosts('a', 'b', 'c', 'd'), c.isHealthy)).toEqual({ host: 'c', checked: ['a', 'b', 'c'] });
    expect(c.calls).toEqual(['a', 'b', 'c']);
  });

  it('counts a check that throws a value that is not an Error as unhealthy too', () => {
    const c = checker({ a: { throws: 'ETIMEDOUT' }, b: { throws: undefined }, c: { throws: null }, d: { throws: 0 }, e: true });
    expect(firstHealthyHost(hosts('a', 'b', 'c', 'd', 'e', 'f'), c.isHealthy)).toEqual({
      host: 'e',
      checked: ['a', 'b', 'c', 'd', 'e'],
    });
  });

  it('returns null when every check throws', () => {
    const c = checker({ a: { throws: new Error('timeout') }, b: { throws: 'refused' } });
    expect(firstHealthyHost(hosts('a', 'b'), c.isHealthy)).toEqual({ host: null, checked: ['a', 'b'] });
    expect(c.calls).toEqual(['a', 'b']);
  });

  it('lists in checked exactly the names passed to isHealthy, in order', () => {
    const c = checker({ 'web-9': true });
    const list: Host[] = [
      { name: 'web-3' },
      { name: 'web-1', maintenance: true },
      { name: 'web-7', maintenance: false },
      { name: 'web-2' },
      { name: 'web-9' },
      { name: 'web-4' },
    ];
    const choice = firstHealthyHost(list, c.isHealthy);
    expect(choice.host).toBe('web-9');
    expect(choice.checked).toEqual(['web-3', 'web-7', 'web-2', 'web-9']);
    expect(choice.checked).toEqual(c.calls);
  });
});
