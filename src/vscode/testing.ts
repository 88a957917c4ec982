import * as vscode from 'vscode';
import { type Drill, type Language, LANGUAGE_LABELS, TIER_LABELS } from '../core/model';
import type { CheckResult, TestResult } from '../core/runner';
import { topicLabel } from '../core/topics';

/** Where the user's code lives for a drill, and where its tests can be read. */
export interface TestLocations {
  scratchUri(drill: Drill, language?: Language): vscode.Uri;
  testsUri(drill: Drill, language?: Language): vscode.Uri;
}

export type RunDrills = (drills: Drill[], run: vscode.TestRun, token: vscode.CancellationToken) => Promise<void>;

/**
 * Drill results in VS Code's Test Explorer: drill > one item per test of the drill, with pass/fail,
 * messages, expected/actual diffs and locations in the scratch file.
 */
export class DrillTesting implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('interviewDrills', 'Interview Drills');
  private drills = new Map<string, Drill>();
  /** What the last report of each drill said, by test item id: observable state for tests and the panel. */
  private readonly states = new Map<string, Map<string, 'passed' | 'failed' | 'skipped' | 'errored'>>();
  private readonly messages = new Map<string, vscode.TestMessage[]>();
  /** The language each drill's test items were last reported in (their items point into that language's file). */
  private readonly reportedIn = new Map<string, Language>();

  constructor(
    private readonly locations: TestLocations,
    runDrills: RunDrills,
  ) {
    this.controller.createRunProfile('Check', vscode.TestRunProfileKind.Run, async (request, token) => {
      const selected = this.drillsOf(request);
      const run = this.controller.createTestRun(request, 'Interview Drills', true);
      try {
        await runDrills(selected, run, token);
      } finally {
        run.end();
      }
    }, true);
  }

  /**
   * Rebuilds the drill items, in the tree's order (test items under a drill appear once it has been checked). The
   * drills are the roots: a tier item would show a green check as soon as one of its drills passed, the others
   * untried.
   */
  setDrills(drills: readonly Drill[]): void {
    this.drills = new Map(drills.map((d) => [d.id, d]));
    const items = drills.map((d, i) => {
      const existing = this.controller.items.get(d.id);
      const item = this.controller.createTestItem(d.id, d.title, this.locations.scratchUri(d));
      item.range = new vscode.Range(0, 0, 0, 0);
      item.description = `${TIER_LABELS[d.tier]} · ${topicLabel(d.topic)}`;
      item.sortText = String(i).padStart(5, '0');
      if (existing) existing.children.forEach((c) => item.children.add(c));
      return item;
    });
    this.controller.items.replace(items);
  }

  drillItem(drill: Drill): vscode.TestItem | undefined {
    return this.controller.items.get(drill.id);
  }

  /** Starts a run for one drill outside the Test Explorer (e.g. the Check Solution command). */
  startRun(drill: Drill): vscode.TestRun {
    const item = this.drillItem(drill);
    return this.controller.createTestRun(new vscode.TestRunRequest(item ? [item] : undefined), `Check ${drill.title}`, false);
  }

  started(drill: Drill, run: vscode.TestRun): void {
    const item = this.drillItem(drill);
    if (!item) return;
    run.started(item);
    item.children.forEach((c) => run.enqueued(c));
  }

  /** Reports a finished check into `run`. */
  report(drill: Drill, result: CheckResult, run: vscode.TestRun, extraFailures: vscode.TestMessage[] = [], language: Language = 'typescript'): void {
    const item = this.drillItem(drill);
    if (!item) return;
    const scratch = this.locations.scratchUri(drill, language);
    const testsUri = this.locations.testsUri(drill, language);
    // Items of the other language point into the other file: they are replaced, not reused.
    const sameLanguage = (this.reportedIn.get(drill.id) ?? 'typescript') === language;
    if (result.verdict !== 'cancelled') this.reportedIn.set(drill.id, language);
    item.description = `${TIER_LABELS[drill.tier]} · ${topicLabel(drill.topic)} · ${LANGUAGE_LABELS[language]}`;
    const children: vscode.TestItem[] = [];
    const ids = testItemIds(result.tests);
    for (const [i, t] of result.tests.entries()) {
      // Located in the scratch file (no range: the drill's own item carries the gutter icon at line 1).
      const id = ids[i]!;
      const child = (sameLanguage ? item.children.get(id) : undefined) ?? this.controller.createTestItem(id, t.titlePath[t.titlePath.length - 1] ?? t.fullName, scratch);
      child.description = t.titlePath.slice(0, -1).join(' › ') || undefined;
      // The order the tests ran in, as in the notification and the output (the view sorts by label otherwise).
      child.sortText = String(i).padStart(5, '0');
      children.push(child);
    }
    if (result.verdict !== 'cancelled') item.children.replace(children);
    const states = new Map<string, 'passed' | 'failed' | 'skipped' | 'errored'>();
    const reported: vscode.TestMessage[] = [];
    for (let i = 0; i < result.tests.length; i++) {
      const t = result.tests[i]!;
      const child = children[i]!;
      states.set(child.id, t.status);
      if (t.status === 'passed') run.passed(child, t.durationMs);
      else if (t.status === 'skipped') run.skipped(child);
      else {
        const message = this.message(t, scratch, testsUri);
        reported.push(message);
        run.failed(child, message, t.durationMs);
      }
    }
    const messages: vscode.TestMessage[] = [...extraFailures];
    for (const e of result.compileErrors) {
      const m = new vscode.TestMessage(`${e.message} (${e.file}:${e.line}:${e.column})`);
      m.location = new vscode.Location(isSolutionFile(e.file) ? scratch : testsUri, new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1)));
      messages.push(m);
    }
    // The drill's own item gets a state of its own only when it has something to say beyond its tests (a syntax or
    // type error, no tests at all): VS Code counts every item with a state, and the Testing view's "N/M tests passed"
    // must match the notification's count of tests.
    const ownState = messages.length > 0 || result.tests.length === 0;
    if (result.verdict === 'passed' && messages.length === 0) {
      if (ownState) run.passed(item, result.durationMs);
      states.set(item.id, 'passed');
    } else if (result.verdict === 'failed' || result.verdict === 'passed') {
      if (ownState) run.failed(item, messages.length ? messages : [new vscode.TestMessage(result.summary)], result.durationMs);
      states.set(item.id, 'failed');
    } else if (result.verdict === 'cancelled') {
      run.skipped(item);
      return;
    } else {
      run.errored(item, [new vscode.TestMessage(result.summary), ...messages], result.durationMs);
      states.set(item.id, 'errored');
    }
    this.states.set(drill.id, states);
    this.messages.set(drill.id, [...reported, ...messages]);
  }

  /** The states the last finished check of a drill reported, by test item id (the drill's own id included). */
  lastStates(drillId: string): ReadonlyMap<string, string> {
    return this.states.get(drillId) ?? new Map();
  }

  /** The failure messages the last finished check of a drill reported. */
  lastMessages(drillId: string): readonly vscode.TestMessage[] {
    return this.messages.get(drillId) ?? [];
  }

  private message(t: TestResult, scratch: vscode.Uri, testsUri: vscode.Uri): vscode.TestMessage {
    const text = t.message ?? 'failed';
    const m = t.expected !== undefined && t.actual !== undefined ? vscode.TestMessage.diff(text, t.expected, t.actual) : new vscode.TestMessage(text);
    if (t.location) {
      const uri = isSolutionFile(t.location.file) ? scratch : testsUri;
      m.location = new vscode.Location(uri, new vscode.Position(Math.max(0, t.location.line - 1), Math.max(0, t.location.column - 1)));
    }
    return m;
  }

  /**
   * Opens the first failure of the drill's last check in the editor's peek view: its message and, for a matcher
   * failure, the expected/actual diff. False when the last check has no failed test.
   */
  async revealFirstFailure(drill: Drill): Promise<boolean> {
    const item = this.drillItem(drill);
    const states = this.states.get(drill.id);
    if (!item || !states) return false;
    let first: vscode.TestItem | undefined;
    item.children.forEach((c) => {
      if (!first && states.get(c.id) === 'failed') first = c;
    });
    const target = first ?? item;
    // VS Code's own id of a test item: the controller id and the ids of the item's ancestors, joined by NUL.
    const chain: string[] = [];
    for (let t: vscode.TestItem | undefined = target; t; t = t.parent) chain.unshift(t.id);
    const extId = [this.controller.id, ...chain].join('\0');
    return (await vscode.commands.executeCommand<boolean>('vscode.peekTestError', extId)) === true;
  }

  private drillsOf(request: vscode.TestRunRequest): Drill[] {
    const ids = new Set<string>();
    const add = (item: vscode.TestItem) => {
      if (this.drills.has(item.id) && !item.parent) ids.add(item.id);
      else if (item.parent) add(item.parent);
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    for (const ex of request.exclude ?? []) if (this.drills.has(ex.id)) ids.delete(ex.id);
    return [...ids].map((id) => this.drills.get(id)!).filter(Boolean);
  }

  dispose(): void {
    this.controller.dispose();
  }
}

/** The user's file in a check: solution.ts, or solution.py for Python. */
function isSolutionFile(file: string): boolean {
  return file === 'solution.ts' || file === 'solution.py';
}

/** Test item ids for the tests of one check: the full name, with " (2)", " (3)"… when a name repeats. */
export function testItemIds(tests: readonly TestResult[]): string[] {
  const seen = new Map<string, number>();
  return tests.map((t) => {
    const n = (seen.get(t.fullName) ?? 0) + 1;
    seen.set(t.fullName, n);
    return n === 1 ? t.fullName : `${t.fullName} (${n})`;
  });
}
