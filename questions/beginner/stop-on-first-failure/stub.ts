export interface Step {
  name: string;
  /** Default true. */
  enabled?: boolean;
  /** Environments the step applies to; omitted = all, empty = none. */
  onlyIn?: readonly string[];
  /** Throws or rejects on failure. */
  run: () => void | Promise<void>;
}

export interface RunReport {
  ran: string[];
  skipped: string[];
  failed: { step: string; error: string } | null;
  notRun: string[];
  ok: boolean;
}

export async function runSteps(steps: readonly Step[], env: string): Promise<RunReport> {
  throw new Error('Not implemented: runSteps');
}
