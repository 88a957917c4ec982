import * as vscode from 'vscode';
import { STATUS_LABELS } from '../core/model';

export interface StatusBarDeps {
  counts(): { passed: number; total: number };
  /** The stores the counts come from: the item updates itself when one changes. */
  onDidChange: vscode.Event<unknown>[];
}

/** "Drills: 9/28 solved" in the status bar; a spinner while a check runs. */
export class DrillStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('interviewDrills.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];
  private checking = 0;
  private passed = 0;
  private total = 0;
  private language = 'TypeScript';
  private problem: string | undefined;

  constructor(private readonly deps: StatusBarDeps) {
    this.item.name = 'Interview Drills';
    this.item.command = { command: 'workbench.view.extension.interviewDrills', title: 'Show the drills' };
    this.subscriptions = deps.onDidChange.map((event) => event(() => this.refresh()));
    this.refresh();
  }

  refresh(): void {
    const { passed, total } = this.deps.counts();
    this.update(passed, total, this.language, this.problem);
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  /**
   * The drills of the window's language (`language`, its label) and how many are solved in it; `problem` says why
   * that language cannot be checked (the Python track without a usable python3).
   */
  update(passed: number, total: number, language = 'TypeScript', problem?: string): void {
    this.passed = passed;
    this.total = total;
    this.language = language;
    this.problem = problem;
    this.render();
  }

  async whileChecking<T>(work: Promise<T>): Promise<T> {
    this.checking++;
    this.render();
    try {
      return await work;
    } finally {
      this.checking--;
      this.render();
    }
  }

  private render(): void {
    if (this.total === 0) {
      this.item.hide();
      return;
    }
    const summary = `Drills: ${this.passed}/${this.total} ${STATUS_LABELS.passed} · ${this.language}${this.problem ? ' unavailable' : ''}`;
    const icon = this.problem ? '$(warning)' : '$(mortar-board)';
    this.item.text = this.checking > 0 ? `$(sync~spin) Checking… ${summary}` : `${icon} ${summary}`;
    this.item.tooltip = `Interview Drills: ${this.passed} of ${this.total} drills ${STATUS_LABELS.passed} in ${this.language}.` +
      `${this.problem ? ` ${this.problem}` : ''} Click to show the drills.`;
    this.item.accessibilityInformation = { label: `Interview Drills: ${this.passed} of ${this.total} drills ${STATUS_LABELS.passed} in ${this.language}${this.problem ? `, ${this.language} unavailable` : ''}` };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
