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

export async function runCanary(version: string, config: RolloutConfig, deps: RolloutDeps): Promise<RolloutResult> {
  throw new Error('Not implemented: runCanary');
}
