// Title: A non-Error failure value is JSON-encoded (a thrown string "boom" is reported as "\"boom\"")
// Breaks: "the error's `message`, or `String(value)` for a non-`Error`"
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
  const names = new Set<string>();
  for (const step of steps) {
    if (names.has(step.name)) throw new Error(`duplicate step name "${step.name}"`);
    names.add(step.name);
  }
  const report: RunReport = { ran: [], skipped: [], failed: null, notRun: [], ok: true };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.enabled === false || (step.onlyIn !== undefined && !step.onlyIn.includes(env))) {
      report.skipped.push(step.name);
      continue;
    }
    try {
      await step.run();
    } catch (error) {
      report.failed = { step: step.name, error: error instanceof Error ? error.message : JSON.stringify(error) };
      report.notRun = steps.slice(i + 1).map((s) => s.name);
      break;
    }
    report.ran.push(step.name);
  }
  report.ok = report.failed === null;
  return report;
}
