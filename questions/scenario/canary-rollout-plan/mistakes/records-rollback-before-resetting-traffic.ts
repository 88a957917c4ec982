// Title: Records the rollback event before resetting traffic to 0, so its `at` is taken before the router call
// Breaks: "call `router.setCanaryPercent(version, 0)`, record `{ type: 'rollback', percent: p, reason, at }`"
export interface TrafficRouter {
  /** Sends `percent` % of traffic to `version` (0 = all traffic back on the stable version). */
  setCanaryPercent(version: string, percent: number): Promise<void>;
}

export interface Metrics {
  /** Fraction of failed requests (0..1) served by `version` recently. */
  errorRate(version: string): Promise<number>;
}

export interface Clock {
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

export interface RolloutDeps {
  router: TrafficRouter;
  metrics: Metrics;
  clock: Clock;
  sleep: Sleep;
}

export interface RolloutConfig {
  /** Traffic percentages, defaults to [5, 25, 100]. */
  steps?: readonly number[];
  maxErrorRate: number;
  bakeMs: number;
}

export type RolloutEvent =
  | { type: 'step'; percent: number; at: number }
  | { type: 'check'; percent: number; errorRate: number; at: number }
  | { type: 'rollback'; percent: number; reason: string; at: number }
  | { type: 'completed'; at: number };

export interface RolloutResult {
  status: 'completed' | 'rolled-back';
  finalPercent: number;
  events: RolloutEvent[];
}

const DEFAULT_STEPS: readonly number[] = [5, 25, 100];

function validate(config: RolloutConfig): readonly number[] {
  const steps = config.steps ?? DEFAULT_STEPS;
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new RangeError('steps must be a non-empty list');
  }
  let previous = 0;
  for (const p of steps) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 100) {
      throw new RangeError(`invalid step ${String(p)}: must be a whole number from 1 to 100`);
    }
    if (p <= previous) {
      throw new RangeError('steps must be strictly increasing');
    }
    previous = p;
  }
  if (steps[steps.length - 1] !== 100) {
    throw new RangeError('the last step must be 100');
  }
  const { maxErrorRate, bakeMs } = config;
  if (typeof maxErrorRate !== 'number' || Number.isNaN(maxErrorRate) || maxErrorRate < 0 || maxErrorRate > 1) {
    throw new RangeError('maxErrorRate must be between 0 and 1');
  }
  if (typeof bakeMs !== 'number' || Number.isNaN(bakeMs) || bakeMs < 0) {
    throw new RangeError('bakeMs must be at least 0');
  }
  return steps;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runCanary(version: string, config: RolloutConfig, deps: RolloutDeps): Promise<RolloutResult> {
  const steps = validate(config);
  const { router, metrics, clock, sleep } = deps;
  const events: RolloutEvent[] = [];

  const rollback = async (percent: number, reason: string): Promise<RolloutResult> => {
    events.push({ type: 'rollback', percent, reason, at: clock.now() });
    await router.setCanaryPercent(version, 0);
    return { status: 'rolled-back', finalPercent: 0, events };
  };

  for (const p of steps) {
    try {
      await router.setCanaryPercent(version, p);
    } catch (error) {
      return rollback(p, `setting traffic to ${p}% failed: ${messageOf(error)}`);
    }
    events.push({ type: 'step', percent: p, at: clock.now() });

    await sleep(config.bakeMs);

    let rate: number;
    try {
      rate = await metrics.errorRate(version);
    } catch (error) {
      return rollback(p, `error rate unavailable: ${messageOf(error)}`);
    }
    events.push({ type: 'check', percent: p, errorRate: rate, at: clock.now() });

    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate > config.maxErrorRate) {
      return rollback(p, `error rate ${rate} exceeds limit ${config.maxErrorRate}`);
    }
  }

  events.push({ type: 'completed', at: clock.now() });
  return { status: 'completed', finalPercent: 100, events };
}
