import { configFor, DEFAULTS, type ServiceConfig } from './solution';

const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const DEFAULTS_AS_GIVEN: ServiceConfig = {
  name: 'service',
  replicas: 2,
  labels: { team: 'platform', tier: 'backend' },
  ports: [8080],
  healthCheck: { path: '/healthz', timeoutSeconds: 5 },
};

/** A fresh base that is not DEFAULTS. */
function makeBase(): ServiceConfig {
  return {
    name: 'base',
    replicas: 4,
    labels: { team: 'data', env: 'staging' },
    ports: [5432, 9187],
    healthCheck: { path: '/ready', timeoutSeconds: 2 },
  };
}

describe('configFor', () => {
  afterEach(() => {
    // Put DEFAULTS back whatever a wrong solution did to it, so one failure does not spread to the next test.
    Object.assign(DEFAULTS, copyOf(DEFAULTS_AS_GIVEN));
  });

  it('keeps DEFAULTS as the stub gives it', () => {
    expect(DEFAULTS).toEqual(DEFAULTS_AS_GIVEN);
  });

  it('builds a config from DEFAULTS when there are no overrides', () => {
    expect(configFor('api')).toEqual({
      name: 'api',
      replicas: 2,
      labels: { team: 'platform', tier: 'backend' },
      ports: [8080],
      healthCheck: { path: '/healthz', timeoutSeconds: 5 },
    });
    expect(configFor('api', {})).toEqual(configFor('api'));
  });

  it('applies replicas, merges labels (the override wins) and appends the extra ports in order', () => {
    const result = configFor('web', { replicas: 5, labels: { tier: 'frontend', owner: 'web-team' }, extraPorts: [9090, 8080] });
    expect(result).toEqual({
      name: 'web',
      replicas: 5,
      labels: { team: 'platform', tier: 'frontend', owner: 'web-team' },
      ports: [8080, 9090, 8080],
      healthCheck: { path: '/healthz', timeoutSeconds: 5 },
    });
  });

  it('keeps replicas 0 from the overrides, and takes the base value when replicas is undefined', () => {
    expect(configFor('batch', { replicas: 0 }).replicas).toBe(0);
    expect(configFor('batch', { replicas: undefined, labels: undefined, extraPorts: undefined })).toEqual(configFor('batch'));
  });

  it('leaves DEFAULTS as it was (the label of one service does not reach the next)', () => {
    const first = configFor('payments', { labels: { pci: 'true' }, extraPorts: [8443] });
    expect(first.labels).toEqual({ team: 'platform', tier: 'backend', pci: 'true' });
    expect(DEFAULTS).toEqual(DEFAULTS_AS_GIVEN);
    const next = configFor('search');
    expect(next.labels).toEqual({ team: 'platform', tier: 'backend' });
    expect(next.ports).toEqual([8080]);
  });

  it('shares no object or array with DEFAULTS, at any depth', () => {
    const result = configFor('api');
    expect(result.labels).not.toBe(DEFAULTS.labels);
    expect(result.ports).not.toBe(DEFAULTS.ports);
    expect(result.healthCheck).not.toBe(DEFAULTS.healthCheck);
    expect(result).not.toBe(DEFAULTS);
  });

  it('changing a result later never changes DEFAULTS or the next result', () => {
    const result = configFor('api');
    result.labels.team = 'someone-else';
    result.labels.debug = 'on';
    result.ports.push(5005);
    result.healthCheck.path = '/debug';
    result.healthCheck.timeoutSeconds = 60;
    result.replicas = 9;
    expect(DEFAULTS).toEqual(DEFAULTS_AS_GIVEN);
    expect(configFor('api')).toEqual({ ...DEFAULTS_AS_GIVEN, name: 'api' });
  });

  it('changing DEFAULTS later never changes an earlier result', () => {
    const result = configFor('api', { labels: { owner: 'a' } });
    DEFAULTS.labels.team = 'changed';
    DEFAULTS.ports.push(1);
    DEFAULTS.healthCheck.path = '/changed';
    expect(result).toEqual({
      name: 'api',
      replicas: 2,
      labels: { team: 'platform', tier: 'backend', owner: 'a' },
      ports: [8080],
      healthCheck: { path: '/healthz', timeoutSeconds: 5 },
    });
  });

  it('builds from the base it is given, and leaves that base and the overrides as they were', () => {
    const base = makeBase();
    const overrides = { replicas: 1, labels: { env: 'prod', on_call: 'dba' }, extraPorts: [9999] };
    const overridesBefore = copyOf(overrides);
    const result = configFor('postgres', overrides, base);
    expect(result).toEqual({
      name: 'postgres',
      replicas: 1,
      labels: { team: 'data', env: 'prod', on_call: 'dba' },
      ports: [5432, 9187, 9999],
      healthCheck: { path: '/ready', timeoutSeconds: 2 },
    });
    expect(base).toEqual(makeBase());
    expect(overrides).toEqual(overridesBefore);
    expect(DEFAULTS).toEqual(DEFAULTS_AS_GIVEN);
    expect(configFor('x', {}, base).replicas).toBe(4);
  });

  it('adds no field to the overrides object, nor to its labels', () => {
    const overrides = { replicas: 3 };
    configFor('api', overrides);
    expect(Object.keys(overrides)).toEqual(['replicas']);
    const labels = { owner: 'ops' };
    const withLabels = { labels };
    configFor('api', withLabels);
    expect(Object.keys(withLabels)).toEqual(['labels']);
    expect(labels).toEqual({ owner: 'ops' });
    expect(Object.keys(labels)).toEqual(['owner']);
  });

  it('shares nothing with the base or the overrides, even when the overrides add nothing new', () => {
    const base = makeBase();
    const labels = { team: 'data' };
    const extraPorts: number[] = [];
    const result = configFor('postgres', { labels, extraPorts }, base);
    for (const shared of [base.labels, base.ports, base.healthCheck, labels, extraPorts]) {
      expect(result.labels).not.toBe(shared);
      expect(result.ports).not.toBe(shared);
      expect(result.healthCheck).not.toBe(shared);
    }
    result.labels.team = 'x';
    result.ports.push(1);
    result.healthCheck.timeoutSeconds = 30;
    expect(base).toEqual(makeBase());
    expect(labels).toEqual({ team: 'data' });
    expect(extraPorts).toEqual([]);
  });

  it('copies labels from an empty base, so the result does not share the overrides object', () => {
    const base = { ...makeBase(), labels: {}, ports: [] };
    const labels = { app: 'cron' };
    const extraPorts = [8081];
    const result = configFor('cron', { labels, extraPorts }, base);
    expect(result.labels).toEqual({ app: 'cron' });
    expect(result.ports).toEqual([8081]);
    result.labels.app = 'changed';
    result.ports.push(2);
    expect(labels).toEqual({ app: 'cron' });
    expect(extraPorts).toEqual([8081]);
    labels.app = 'later';
    extraPorts.push(3);
    expect(result.labels).toEqual({ app: 'changed' });
    expect(result.ports).toEqual([8081, 2]);
  });

  it('gives two services two independent configs', () => {
    const a = configFor('a');
    const b = configFor('b');
    a.labels.only = 'a';
    a.ports.push(1);
    a.healthCheck.path = '/a';
    expect(b).toEqual({ ...DEFAULTS_AS_GIVEN, name: 'b' });
  });
});
