import { runCanary } from './solution';
import type { RolloutConfig } from './solution';

interface World {
  rates?: unknown[];
  failShiftAt?: number;
  shiftError?: unknown;
}

/**
 * A fake platform: every call is written to `calls`; sleep moves the fake clock forward, and so do the
 * router (7 ms per call) and the metrics read (3 ms), so an event recorded before its call resolves has
 * the wrong `at`.
 */
function fakeWorld(world: World = {}) {
  const calls: string[] = [];
  let now = 1_000;
  let checks = 0;
  let current = 0;
  const deps = {
    router: {
      async setCanaryPercent(version: string, percent: number) {
        calls.push(`set ${version} ${percent}`);
        await Promise.resolve();
        now += 7;
        if (percent === world.failShiftAt) throw world.shiftError ?? new Error('ingress API returned 503');
        current = percent;
      },
    },
    metrics: {
      async errorRate(version: string): Promise<number> {
        calls.push(`check ${version}`);
        await Promise.resolve();
        now += 3;
        const value = world.rates && checks < world.rates.length ? world.rates[checks] : 0.001;
        checks++;
        if (value instanceof Error || typeof value === 'string' && value.startsWith('throw:')) {
          throw value instanceof Error ? value : value.slice('throw:'.length);
        }
        return value as number;
      },
    },
    clock: { now: () => now },
    sleep: async (ms: number) => {
      calls.push(`sleep ${ms}`);
      await Promise.resolve();
      now += ms;
    },
  };
  return { deps, calls, current: () => current };
}

const config: RolloutConfig = { maxErrorRate: 0.05, bakeMs: 60_000 };

function lastReason(events: readonly { type: string }[]): string {
  const last = events[events.length - 1] as { type: string; reason?: unknown };
  expect(last.type).toBe('rollback');
  expect(typeof last.reason).toBe('string');
  return last.reason as string;
}

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
    expect(w.current()).toBe(100);
  });

  it('records a structured event log, each `at` read after its call resolved', async () => {
    const w = fakeWorld({ rates: [0.01, 0.02, 0.03] });
    const result = await runCanary('v3', { steps: [10, 100], maxErrorRate: 0.05, bakeMs: 500 }, w.deps);
    expect(w.calls).toEqual(['set v3 10', 'sleep 500', 'check v3', 'set v3 100', 'sleep 500', 'check v3']);
    expect(result).toEqual({
      status: 'completed',
      finalPercent: 100,
      events: [
        { type: 'step', percent: 10, at: 1_007 },
        { type: 'check', percent: 10, errorRate: 0.01, at: 1_510 },
        { type: 'step', percent: 100, at: 1_517 },
        { type: 'check', percent: 100, errorRate: 0.02, at: 2_020 },
        { type: 'completed', at: 2_020 },
      ],
    });
  });

  it('uses the given steps, one step of 100 included, and waits 0 ms when bakeMs is 0', async () => {
    const w = fakeWorld();
    const result = await runCanary('v2', { steps: [100], maxErrorRate: 0.05, bakeMs: 0 }, w.deps);
    expect(result.status).toBe('completed');
    expect(w.calls).toEqual(['set v2 100', 'sleep 0', 'check v2']);
  });

  it('rolls traffic back to 0% and stops when the error rate breaches the limit', async () => {
    const w = fakeWorld({ rates: [0.01, 0.09] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(result.finalPercent).toBe(0);
    expect(w.current()).toBe(0);
    expect(w.calls).toEqual([
      'set v2 5', 'sleep 60000', 'check v2',
      'set v2 25', 'sleep 60000', 'check v2', 'set v2 0',
    ]);
    expect(result.events.map((e) => e.type)).toEqual(['step', 'check', 'step', 'check', 'rollback']);
    expect(result.events[3]).toEqual({ type: 'check', percent: 25, errorRate: 0.09, at: 1_000 + 7 + 60_003 + 7 + 60_003 });
    // the rollback is recorded after the router moved traffic back (7 ms later)
    expect(result.events[4]).toMatchObject({ type: 'rollback', percent: 25, at: 1_000 + 2 * 60_010 + 7 });
  });

  it('names the measured rate and the limit in a breach reason', async () => {
    const w = fakeWorld({ rates: [0.37] });
    const result = await runCanary('v2', { maxErrorRate: 0.125, bakeMs: 10 }, w.deps);
    const reason = lastReason(result.events);
    expect(reason).toContain('0.37');
    expect(reason).toContain('0.125');
  });

  it('rolls back at the first step too, and never goes further', async () => {
    const w = fakeWorld({ rates: [0.5] });
    const result = await runCanary('v2', config, w.deps);
    expect(result).toMatchObject({ status: 'rolled-back', finalPercent: 0 });
    expect(w.calls).toEqual(['set v2 5', 'sleep 60000', 'check v2', 'set v2 0']);
    expect(result.events[result.events.length - 1]).toMatchObject({ type: 'rollback', percent: 5 });
  });

  it('treats an error rate exactly at the limit as healthy, and just above it as a breach', async () => {
    const ok = await runCanary('v2', config, fakeWorld({ rates: [0.05, 0.05, 0.05] }).deps);
    expect(ok.status).toBe('completed');
    const bad = await runCanary('v2', config, fakeWorld({ rates: [0.05, 0.0500001] }).deps);
    expect(bad.status).toBe('rolled-back');
    const zero = await runCanary('v2', { maxErrorRate: 0, bakeMs: 1 }, fakeWorld({ rates: [0, 0, 0] }).deps);
    expect(zero.status).toBe('completed');
    const one = await runCanary('v2', { maxErrorRate: 1, bakeMs: 1 }, fakeWorld({ rates: [1, 1, 1] }).deps);
    expect(one.status).toBe('completed');
  });

  it('rolls back when metrics cannot be read, instead of assuming all is well', async () => {
    const w = fakeWorld({ rates: [0.01, new Error('prometheus: connection refused')] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(result.finalPercent).toBe(0);
    expect(w.current()).toBe(0);
    expect(w.calls.slice(-2)).toEqual(['check v2', 'set v2 0']);
    expect(result.events.map((e) => e.type)).toEqual(['step', 'check', 'step', 'rollback']);
    expect(result.events[3]).toMatchObject({ type: 'rollback', percent: 25 });
    expect(lastReason(result.events)).toContain('prometheus: connection refused');
  });

  it('rolls back when metrics reject with something that is not an Error', async () => {
    const w = fakeWorld({ rates: ['throw:scrape timeout'] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(result.events.map((e) => e.type)).toEqual(['step', 'rollback']);
    expect(lastReason(result.events)).toContain('scrape timeout');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['null', null],
    ['undefined', undefined],
    ['a numeric string', '0.01'],
  ])('treats a reading of %s as a breach (it is not a finite number)', async (_label, reading) => {
    const w = fakeWorld({ rates: [reading] });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(w.calls).toEqual(['set v2 5', 'sleep 60000', 'check v2', 'set v2 0']);
    expect(result.events.map((e) => e.type)).toEqual(['step', 'check', 'rollback']);
  });

  it('rolls back when a traffic shift fails, with no step event for it', async () => {
    const w = fakeWorld({ failShiftAt: 25 });
    const result = await runCanary('v2', config, w.deps);
    expect(result).toMatchObject({ status: 'rolled-back', finalPercent: 0 });
    expect(w.calls).toEqual(['set v2 5', 'sleep 60000', 'check v2', 'set v2 25', 'set v2 0']);
    expect(result.events.map((e) => e.type)).toEqual(['step', 'check', 'rollback']);
    expect(result.events[2]).toMatchObject({ type: 'rollback', percent: 25, at: 1_000 + 60_010 + 14 });
    expect(lastReason(result.events)).toContain('ingress API returned 503');
  });

  it('rolls back when a traffic shift rejects with something that is not an Error', async () => {
    const w = fakeWorld({ failShiftAt: 5, shiftError: 'quota exceeded' });
    const result = await runCanary('v2', config, w.deps);
    expect(result.status).toBe('rolled-back');
    expect(w.calls).toEqual(['set v2 5', 'set v2 0']);
    expect(result.events.map((e) => e.type)).toEqual(['rollback']);
    expect(result.events[0]).toMatchObject({ percent: 5 });
    expect(lastReason(result.events)).toContain('quota exceeded');
  });

  it.each([
    ['no steps', { steps: [], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['steps that stop short of 100', { steps: [5, 25], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['steps that go backwards', { steps: [25, 5, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a repeated step', { steps: [25, 25, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a repeated 100', { steps: [50, 100, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a step above 100', { steps: [50, 150], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a step of 101 before 100', { steps: [101, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a step of 0', { steps: [0, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a negative step', { steps: [-5, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a fractional step', { steps: [2.5, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a fractional step below 1', { steps: [0.5, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['a NaN step', { steps: [Number.NaN, 100], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['an Infinity step', { steps: [5, Number.POSITIVE_INFINITY], maxErrorRate: 0.05, bakeMs: 1 }, 'steps'],
    ['an error rate limit above 1', { maxErrorRate: 5, bakeMs: 1 }, 'maxErrorRate'],
    ['an error rate limit just above 1', { maxErrorRate: 1.01, bakeMs: 1 }, 'maxErrorRate'],
    ['a negative error rate limit', { maxErrorRate: -0.01, bakeMs: 1 }, 'maxErrorRate'],
    ['a NaN error rate limit', { maxErrorRate: Number.NaN, bakeMs: 1 }, 'maxErrorRate'],
    ['a negative bake time', { maxErrorRate: 0.05, bakeMs: -1 }, 'bakeMs'],
    ['a NaN bake time', { maxErrorRate: 0.05, bakeMs: Number.NaN }, 'bakeMs'],
  ])('rejects a plan with %s before touching traffic, naming %s', async (_label, bad, setting) => {
    const w = fakeWorld();
    let caught: unknown;
    try {
      await runCanary('v2', bad as RolloutConfig, w.deps);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as Error).message).toContain(setting);
    expect(w.calls).toEqual([]);
  });

  it('accepts the edges of a valid plan: steps of 1 and 100, a limit of 0 or 1, a bake time of 0', async () => {
    for (const good of [
      { steps: [1, 100], maxErrorRate: 0, bakeMs: 0 },
      { steps: [1, 2, 99, 100], maxErrorRate: 1, bakeMs: 0 },
    ]) {
      const w = fakeWorld({ rates: [0, 0, 0, 0] });
      const result = await runCanary('v2', good, w.deps);
      expect(result.status).toBe('completed');
      expect(w.calls.filter((c) => c.startsWith('set'))).toEqual(good.steps.map((p) => `set v2 ${p}`));
    }
  });
});
