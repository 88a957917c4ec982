import * as vscode from 'vscode';
import { formatPackError, type Drill, type PackError } from '../core/model';
import { loadPackWithCache } from '../core/compiledPack';
import { loadPacks, mergePacks } from '../core/pack';
import { config } from './config';

/**
 * The loaded drills: the bundled pack plus the user's folders. Errors in question files go to the Problems panel
 * and the output channel; the valid drills always load.
 */
export class DrillRepository implements vscode.Disposable {
  private drills: Drill[] = [];
  private byId = new Map<string, Drill>();
  private errors: PackError[] = [];
  /** Whether the bundled drills came from the pack compiled at build time (no YAML parsed). */
  bundledFromCache = false;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('interviewDrills');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly bundledQuestions: vscode.Uri,
    private readonly compiledQuestions: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  all(): readonly Drill[] {
    return this.drills;
  }

  get(id: string): Drill | undefined {
    return this.byId.get(id);
  }

  problems(): readonly PackError[] {
    return this.errors;
  }

  /** (Re)loads every pack. Never throws: a broken file is an error entry, not a failure. */
  async load(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'interviewDrills.state', 'loading');
    const started = performance.now();
    const extra = config.extraQuestionFolders().filter((u) => u.scheme === 'file').map((u) => u.fsPath);
    const [bundled, user] = await Promise.all([loadPackWithCache(this.bundledQuestions.fsPath, this.compiledQuestions.fsPath), loadPacks(extra)]);
    const { drills, errors } = mergePacks([bundled, user]);
    this.bundledFromCache = bundled.fromCache;
    this.drills = drills;
    this.byId = new Map(drills.map((d) => [d.id, d]));
    this.errors = errors;
    this.publishDiagnostics(errors);
    this.output.info(`Loaded ${drills.length} drills (${bundled.drills.length} bundled${bundled.fromCache ? ', precompiled' : ''}, ${extra.length} extra folder(s)) in ${(performance.now() - started).toFixed(1)} ms${errors.length ? `; ${errors.length} problem(s)` : ''}.`);
    for (const e of errors) this.output.error(formatPackError(e));
    await vscode.commands.executeCommand('setContext', 'interviewDrills.state', drills.length > 0 ? 'ready' : 'empty');
    this.changed.fire();
    if (errors.length > 0) {
      const first = formatPackError(errors[0]!);
      void vscode.window
        .showWarningMessage(`Interview Drills: ${errors.length} question file problem(s). ${first}`, 'Show Problems')
        .then((pick) => pick && vscode.commands.executeCommand('workbench.actions.view.problems'));
    }
  }

  private publishDiagnostics(errors: readonly PackError[]): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const e of errors) {
      const line = Math.max(0, e.line - 1);
      const col = Math.max(0, e.column - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, col, line, Number.MAX_SAFE_INTEGER), `${e.field ? `${e.field}: ` : ''}${e.message}`, vscode.DiagnosticSeverity.Error);
      d.source = 'Interview Drills';
      const list = byFile.get(e.file) ?? [];
      list.push(d);
      byFile.set(e.file, list);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
