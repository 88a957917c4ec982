import * as vscode from 'vscode';
import { type Drill, type Language, LANGUAGE_LABELS, STATUS_LABELS } from '../core/model';
import { pythonCheckRequest } from '../core/python/runner';
import { buildResult, type CheckResult, drillCheckRequest, SandboxRunner } from '../core/runner';
import type { ReviewStore } from '../core/reviewStore';
import type { ScoreStore } from '../core/scores';
import { config } from './config';
import type { PythonTrackService } from './python';
import type { ScratchFiles } from './scratchFiles';
import type { DrillStatusBar } from './statusBar';
import type { DrillTesting } from './testing';

export interface CheckDeps {
  sandboxScript: vscode.Uri;
  scratch: ScratchFiles;
  /** The scores of a language: each language keeps its own per drill. */
  scoresFor(language: Language): ScoreStore;
  python: PythonTrackService;
  reviews: ReviewStore;
  testing: DrillTesting;
  statusBar: DrillStatusBar;
  output: vscode.LogOutputChannel;
  /** Whether a mock interview runs: its answers stay locked, so a pass does not offer What This Drill Tests. */
  interviewRunning(): boolean;
}

export interface CheckOutcome {
  drill: Drill;
  /** The language checked (and recorded under). */
  language: Language;
  result: CheckResult;
  typeErrors: vscode.Diagnostic[];
  /** Whether the check counts as passed (all tests passed, and no type errors when they fail the check). */
  passed: boolean;
  /**
   * Whether the check was recorded as an attempt. A drill never opened (no scratch file) is checked as its starting
   * code, a trial run that leaves scores untouched: the Testing view's Run Tests does that for every drill.
   */
  recorded: boolean;
}

export interface CheckOptions {
  /** The code to check; by default the scratch file's current text, unsaved edits included. */
  text?: string;
  /** A Test Explorer run to report into; by default one is created. */
  run?: vscode.TestRun;
  token?: vscode.CancellationToken;
  /** Show the verdict notification (default true). */
  notify?: boolean;
  /** The language to check in (default TypeScript); Python goes to the warm Python sandbox. */
  language?: Language;
}

/**
 * Runs checks in the sandbox, one warm runner per window. A new check of a drill cancels the older one still running,
 * so two checks of the same drill never race; every finished check is recorded in the workspace state.
 */
export class CheckService implements vscode.Disposable {
  private runner: SandboxRunner | undefined;
  private runnerMemory = 0;
  private readonly inFlight = new Map<string, AbortController>();
  private readonly checked = new vscode.EventEmitter<CheckOutcome>();
  readonly onDidCheck = this.checked.event;

  constructor(private readonly deps: CheckDeps) {}

  /** The pid of the warm sandbox process, if one runs (diagnostics and tests). */
  get sandboxPid(): number | undefined {
    return this.runner?.sandboxPid;
  }

  /** Starts the sandbox ahead of the first check, so that check does not pay for a process start. */
  warmUp(language: Language = 'typescript'): void {
    if (language === 'python') this.deps.python.warmUp();
    else this.ensureRunner();
  }

  private ensureRunner(): SandboxRunner {
    const memoryMb = config.memoryLimitMb();
    if (this.runner && this.runnerMemory !== memoryMb) {
      this.runner.dispose();
      this.runner = undefined;
    }
    if (!this.runner) {
      this.runner = new SandboxRunner({ sandboxScript: this.deps.sandboxScript.fsPath, memoryMb, timeoutMs: config.checkTimeoutMs() });
      this.runnerMemory = memoryMb;
    }
    return this.runner;
  }

  async check(drill: Drill, options: CheckOptions = {}): Promise<CheckOutcome> {
    const { scratch, testing, output } = this.deps;
    const language = options.language ?? 'typescript';
    const flight = `${drill.id}:${language}`;
    this.inFlight.get(flight)?.abort();
    const controller = new AbortController();
    this.inFlight.set(flight, controller);
    const cancel = options.token?.onCancellationRequested(() => controller.abort());
    const run = options.run ?? testing.startRun(drill);
    try {
      // A drill never opened is checked as its stub, without opening an editor (Test Explorer's Run All): a trial run.
      const own = options.text ?? (await scratch.currentText(drill, language));
      const text = own ?? scratch.startingText(drill, language);
      testing.started(drill, run);
      const limits = { timeoutMs: config.checkTimeoutMs(), signal: controller.signal };
      let unavailable: string | undefined;
      let result: CheckResult;
      if (language === 'python') {
        const checked = await this.deps.statusBar.whileChecking(this.deps.python.check({ ...pythonCheckRequest(drill, text), ...limits }));
        if ('unavailable' in checked) {
          unavailable = checked.unavailable;
          result = buildResult({ ending: { kind: 'crashed', reason: checked.unavailable }, entry: 'test_solution.py', tests: [], compileErrors: [], output: '', outputTruncated: false, durationMs: 0 });
        } else result = checked;
      } else {
        result = await this.deps.statusBar.whileChecking(this.ensureRunner().check({ ...drillCheckRequest(drill, text), ...limits }));
      }
      const typeErrors = this.typeErrors(drill, language);
      const failOnTypes = config.typeErrors() === 'fail' && typeErrors.length > 0;
      const typeMessages = failOnTypes ? typeErrors.map((d) => typeMessage(scratch.uriFor(drill, language), d)) : [];
      testing.report(drill, result, run, typeMessages, language);
      const passed = result.verdict === 'passed' && !failOnTypes;
      const outcome: CheckOutcome = { drill, language, result, typeErrors, passed, recorded: false };
      if (unavailable !== undefined) {
        // No Python to check with: nothing is recorded, and the message says what to install or set.
        output.warn(`${drill.id}: not checked in Python: ${unavailable}`);
        if (options.notify !== false) void this.deps.python.showUnavailable(unavailable);
        this.checked.fire(outcome);
        return outcome;
      }
      if (result.verdict === 'cancelled') {
        output.info(`${drill.id}: check cancelled (a newer check replaced it, or it was stopped).`);
        return outcome;
      }
      if (own === undefined) {
        this.log(outcome);
        output.info(`${drill.id}: a trial run of the starting code (the drill was never opened); not recorded.`);
        run.appendOutput(`${drill.title}: never opened, so its starting code was checked as a trial run; scores are untouched.\r\n`);
        if (options.notify !== false) void this.notify(outcome);
        this.checked.fire(outcome);
        return outcome;
      }
      // Only a finished check is recorded: a crash, a timeout or a kill ends in a verdict, never a half-written score.
      outcome.recorded = true;
      await this.deps.scoresFor(language).recordAttempt(drill.id, {
        passed: result.counts.passed,
        total: result.counts.total,
        durationMs: result.durationMs,
        verdict: failOnTypes && result.verdict === 'passed' ? 'type-errors' : result.verdict,
      });
      // The same finished check moves the drill's spaced review (schedules it, moves it on, or starts it over).
      await this.deps.reviews.record(drill.id, passed);
      this.log(outcome);
      if (options.notify !== false) void this.notify(outcome);
      this.checked.fire(outcome);
      return outcome;
    } finally {
      cancel?.dispose();
      if (!options.run) run.end();
      if (this.inFlight.get(flight) === controller) this.inFlight.delete(flight);
    }
  }

  private typeErrors(drill: Drill, language: Language): vscode.Diagnostic[] {
    if (config.typeErrors() === 'ignore') return [];
    // TypeScript's own errors, or Pylance's / Pyright's for Python when one of them is installed.
    const sources = language === 'python' ? ['Pylance', 'Pyright', 'pyright'] : ['ts', 'typescript'];
    return vscode.languages
      .getDiagnostics(this.deps.scratch.uriFor(drill, language))
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source !== undefined && sources.includes(d.source));
  }

  private log({ drill, language, result, typeErrors }: CheckOutcome): void {
    const out = this.deps.output;
    out.info(`${drill.id}${language === 'python' ? ' (Python)' : ''}: ${result.verdict} - ${result.summary} (${Math.round(result.durationMs)} ms)`);
    for (const e of result.compileErrors) out.error(`  ${e.file}:${e.line}:${e.column}: ${e.message}`);
    for (const t of result.tests) {
      const mark = t.status === 'passed' ? '✓' : t.status === 'skipped' ? '-' : '✗';
      out.info(`  ${mark} ${t.fullName}`);
      if (t.status === 'failed' && t.message) for (const line of t.message.split('\n')) out.info(`      ${line}`);
    }
    for (const d of typeErrors) out.warn(`  type error at line ${d.range.start.line + 1}: ${d.message}`);
    if (result.output) out.info(`  console output${result.outputTruncated ? ' (truncated)' : ''}:\n${result.output}`);
  }

  private async notify(outcome: CheckOutcome): Promise<void> {
    const { drill, passed } = outcome;
    const message = notificationText(outcome);
    if (!outcome.recorded) {
      const pick = await vscode.window.showInformationMessage(message, 'Open Drill');
      if (pick === 'Open Drill') await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id);
      return;
    }
    if (passed) {
      // What the drill tests (the traps, the reference beside this file, the model answer); locked during an interview.
      const learn = this.deps.interviewRunning() ? [] : ['What This Drill Tests'];
      const pick = await vscode.window.showInformationMessage(message, 'Next Drill', ...learn);
      if (pick === 'Next Drill') await vscode.commands.executeCommand('interviewDrills.openNextDrill');
      if (pick === 'What This Drill Tests') await vscode.commands.executeCommand('interviewDrills.whatThisDrillTests', drill.id, outcome.language);
      return;
    }
    const pick = await vscode.window.showWarningMessage(message, 'Show Results', 'Show Hint');
    if (pick === 'Show Results') await this.showResults(drill);
    if (pick === 'Show Hint') await vscode.commands.executeCommand('interviewDrills.showHint', drill.id);
  }

  /** Puts the first failure of the drill's last check in front of the user: its message and diff in a peek. */
  async showResults(drill: Drill): Promise<void> {
    if (await this.deps.testing.revealFirstFailure(drill)) return;
    await vscode.commands.executeCommand('workbench.view.testing.focus');
  }

  dispose(): void {
    for (const c of this.inFlight.values()) c.abort();
    this.runner?.dispose();
    this.runner = undefined;
    this.checked.dispose();
  }
}

function typeMessage(uri: vscode.Uri, d: vscode.Diagnostic): vscode.TestMessage {
  const m = new vscode.TestMessage(`Type error: ${d.message}`);
  m.location = new vscode.Location(uri, d.range);
  return m;
}

/**
 * The one-line verdict of a notification: for a failure, the first failed test and what it expected against what it
 * received (or the first line of its error).
 */
export function notificationText({ drill, language, result, typeErrors, passed, recorded }: CheckOutcome): string {
  const title = language === 'python' ? `${drill.title} (${LANGUAGE_LABELS[language]})` : drill.title;
  const typeNote = typeErrors.length > 0 ? ` ${typeErrors.length} type error(s) in the file.` : '';
  const trial = recorded ? '' : ' (a trial run of the starting code: the drill was never opened, nothing is recorded)';
  // "solved", as the tree, the status bar and the panel say it; the tests themselves "passed".
  if (passed) return `✓ ${title}: ${STATUS_LABELS.passed}. ${result.summary}${trial}.${typeNote}`;
  const first = result.tests.find((t) => t.status === 'failed');
  let detail = '';
  if (first) {
    const title = first.titlePath[first.titlePath.length - 1] ?? first.fullName;
    const why = first.expected !== undefined && first.actual !== undefined
      ? `expected ${clip(first.expected)}, received ${clip(first.actual)}`
      : clip(gist(first.message ?? ''), 120);
    detail = ` First failure: "${title}": ${why}.`;
  }
  return `✗ ${title}: ${result.summary}${trial}.${detail}${typeNote}`;
}

/** The telling lines of a failure message: not the matcher's call line ("expect(received)…") or stack frames. */
function gist(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const telling = lines.filter((l) => !/^expect[.(]/.test(l) && !/^at /.test(l)).slice(0, 2);
  return (telling.length > 0 ? telling : lines.slice(0, 1)).join('; ');
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
