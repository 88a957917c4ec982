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
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.name)) throw new Error(`duplicate step name: ${step.name}`);
    seen.add(step.name);
  }

  const report: RunReport = { ran: [], skipped: [], failed: null, notRun: [], ok: true };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const applies = step.enabled !== false && (step.onlyIn === undefined || step.onlyIn.includes(env));
    if (!applies) {
      report.skipped.push(step.name);
      continue;
    }
    try {
      await step.run();
      report.ran.push(step.name);
    } catch (error) {
      report.failed = { step: step.name, error: error instanceof Error ? error.message : String(error) };
      report.notRun = steps.slice(i + 1).map((later) => later.name);
      break;
    }
  }
  report.ok = report.failed === null;
  return report;
}
