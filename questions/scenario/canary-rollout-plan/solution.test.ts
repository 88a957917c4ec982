import { runCanary } from './solution';
import type { RolloutConfig } from './solution';

interface World {
  rates?: (number | Error)[];
  failShiftAt?: number;
}

/** A fake platform: every call is written to `calls`; sleep moves the fake clock forward. */
function fakeWorld(world: World = {}) {
  const calls: string[] = [];
  let now = 1_000;
  let checks = 0;
  let current = 0;
  const deps = {
    router: {
      async setCanaryPercent(version: string, percent: number) {
        calls.push(`set ${version} ${percent}`);
        if (percent === world.failShiftAt) throw new Error('ingress API returned 503');
        current = percent;
      },
    },
    metrics: {
      async errorRate(version: string) {
        calls.push(`check ${version}`);
        const value = world.rates?.[checks++] ?? 0.001;
        if (value instanceof Error) throw value;
        return value;
      },
    },
    clock: { now: () => now },
    sleep: async (ms: number) => {
      calls.push(`sleep ${ms}`);
      now += ms;
    },
  };
  return { deps, calls, current: () => current };
}

const config: RolloutConfig = { maxErrorRate: 0.05, bakeMs: 60_000 };

describe('runCanary', () => {
  it('walks 5% -> 25% -> 100%, baking and checking after every step', async () => {
    const w = fakeWorld();
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('completed');
    expect(result.finalPercent).toBe(100);
    expect(w.calls).toEqual([
      'set v2 5', 'sleep 60000', 'check v2',
      'set v2 25', 'sleep 60000', 'check v2',
      'set v2 100', 'sleep 60000', 'check v2',
    ]);
  });

  it('records a structured, timestamped event log', async () => {
    const w = fakeWorld({ rates: [0.01, 0.02, 0.03] });
    const result = await runCanary('v2', { steps: [10, 100], maxErrorRate: 0.05, bakeMs: 500 }, w.deps);
    expect(result.events).toEqual([
      { type: 'step', percent: 10, at: 1_000 },
      { type: 'check', percent: 10, errorRate: 0.01, at: 1_500 },
      { type: 'step', percent: 100, at: 1_500 },
      { type: 'check', percent: 100, errorRate: 0.02, at: 2_000 },
      { type: 'completed', at: 2_000 },
    ]);
  });

  it('rolls traffic back to 0% and stops when the error rate breaches the limit', async () => {
    const w = fakeWorld({ rates: [0.01, 0.09] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(result.finalPercent).toBe(0);
    expect(w.current()).toBe(0);
    expect(w.calls.slice(-2)).toEqual(['check v2', 'set v2 0']);
    expect(w.calls).not.toContain('set v2 100');
    const last = result.events[result.events.length - 1];
    expect(last).toMatchObject({ type: 'rollback', percent: 25 });
    expect(last.type === 'rollback' && last.reason).toMatch(/0\.09/);
  });

  it('treats an error rate exactly at the limit as healthy', async () => {
    const w = fakeWorld({ rates: [0.05, 0.05, 0.05] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('completed');
  });

  it('rolls back when metrics cannot be read, instead of assuming all is well', async () => {
    const w = fakeWorld({ rates: [0.01, new Error('prometheus: connection refused')] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(w.current()).toBe(0);
    expect(result.events.map((e) => e.type)).toEqual(['step', 'check', 'step', 'rollback']);
    const last = result.events[3];
    expect(last.type === 'rollback' && last.reason).toMatch(/connection refused/);
  });

  it('treats a reading that is not a number as a breach', async () => {
    const w = fakeWorld({ rates: [Number.NaN] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(w.calls).toEqual(['set v2 5', 'sleep 60000', 'check v2', 'set v2 0']);
  });

  it('rolls back when a traffic shift fails', async () => {
    const w = fakeWorld({ failShiftAt: 25 });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(w.calls.slice(-2)).toEqual(['set v2 25', 'set v2 0']);
    expect(result.events[result.events.length - 1]).toMatchObject({ type: 'rollback', percent: 25 });
  });

  it.each([
    ['no steps', { steps: [], maxErrorRate: 0.05, bakeMs: 1 }],
    ['steps that stop short of 100', { steps: [5, 25], maxErrorRate: 0.05, bakeMs: 1 }],
    ['steps that go backwards', { steps: [25, 5, 100], maxErrorRate: 0.05, bakeMs: 1 }],
    ['a step above 100', { steps: [50, 150], maxErrorRate: 0.05, bakeMs: 1 }],
    ['a fractional step', { steps: [2.5, 100], maxErrorRate: 0.05, bakeMs: 1 }],
    ['an error rate limit above 1', { maxErrorRate: 5, bakeMs: 1 }],
    ['a negative bake time', { maxErrorRate: 0.05, bakeMs: -1 }],
  ])('rejects a plan with %s before touching traffic', async (_label, bad) => {
    const w = fakeWorld();
    await expect(runCanary('v2', bad as RolloutConfig, w.deps)).rejects.toThrow(RangeError);
    expect(w.calls).toEqual([]);
  });
});
