// Title: Accepts repeated step percentages (only rejects decreasing steps)
// Breaks: "strictly increasing"
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function validate(steps: readonly number[], config: RolloutConfig): void {
  if (steps.length === 0) {
    throw new RangeError('steps must not be empty');
  }
  for (let i = 0; i < steps.length; i++) {
    const p = steps[i];
    if (!Number.isInteger(p) || p < 1 || p > 100) {
      throw new RangeError(`step ${String(p)} must be a whole number from 1 to 100`);
    }
    if (i > 0 && p < steps[i - 1]) {
      throw new RangeError(`steps must be strictly increasing (${steps[i - 1]} then ${p})`);
    }
  }
  if (steps[steps.length - 1] !== 100) {
    throw new RangeError('the last step must be 100');
  }
  if (!(config.maxErrorRate >= 0 && config.maxErrorRate <= 1)) {
    throw new RangeError(`maxErrorRate must be between 0 and 1, got ${config.maxErrorRate}`);
  }
  if (!(config.bakeMs >= 0)) {
    throw new RangeError(`bakeMs must be at least 0, got ${config.bakeMs}`);
  }
}

export async function runCanary(version: string, config: RolloutConfig, deps: RolloutDeps): Promise<RolloutResult> {
  const steps = config.steps ?? DEFAULT_STEPS;
  validate(steps, config);
  const { router, metrics, clock, sleep } = deps;
  const { maxErrorRate, bakeMs } = config;
  const events: RolloutEvent[] = [];

  const rollback = async (percent: number, reason: string): Promise<RolloutResult> => {
    await router.setCanaryPercent(version, 0);
    events.push({ type: 'rollback', percent, reason, at: clock.now() });
    return { status: 'rolled-back', finalPercent: 0, events };
  };

  for (const p of steps) {
    try {
      await router.setCanaryPercent(version, p);
    } catch (error) {
      return rollback(p, `could not route ${p}% of traffic to ${version}: ${describe(error)}`);
    }
    events.push({ type: 'step', percent: p, at: clock.now() });

    await sleep(bakeMs);

    let rate: number;
    try {
      rate = await metrics.errorRate(version);
    } catch (error) {
      return rollback(p, `could not read the error rate: ${describe(error)}`);
    }
    events.push({ type: 'check', percent: p, errorRate: rate, at: clock.now() });

    if (!Number.isFinite(rate) || rate > maxErrorRate) {
      return rollback(p, `error rate ${rate} exceeds the limit ${maxErrorRate}`);
    }
  }

  events.push({ type: 'completed', at: clock.now() });
  return { status: 'completed', finalPercent: 100, events };
}
