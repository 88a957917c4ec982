// Title: Detects duplicate names while walking, after earlier steps already ran
// Breaks: "if two steps share a name, throw an `Error` naming it **before running anything**"
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

function shouldSkip(step: Step, env: string): boolean {
  if (step.enabled === false) return true;
  return step.onlyIn !== undefined && !step.onlyIn.includes(env);
}

export async function runSteps(steps: readonly Step[], env: string): Promise<RunReport> {
  const seen = new Set<string>();

  const report: RunReport = { ran: [], skipped: [], failed: null, notRun: [], ok: true };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (seen.has(step.name)) throw new Error(`Duplicate step name "${step.name}"`);
    seen.add(step.name);
    if (shouldSkip(step, env)) {
      report.skipped.push(step.name);
      continue;
    }
    try {
      await step.run();
    } catch (error) {
      report.failed = { step: step.name, error: error instanceof Error ? error.message : String(error) };
      report.ok = false;
      report.notRun = steps.slice(i + 1).map((s) => s.name);
      break;
    }
    report.ran.push(step.name);
  }
  return report;
}
