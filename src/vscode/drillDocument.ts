import * as vscode from 'vscode';
import { drillMarkdown } from '../core/describe';
import { type Drill, isDrillId, type Language, STATUS_LABELS } from '../core/model';
import type { ScoreStore } from '../core/scores';

export const DESCRIPTION_SCHEME = 'interview-drills';

/**
 * Read-only documents of the `interview-drills:` scheme: `/<id>.md` describes a drill with its revealed hints and
 * answer; `/<id>.test.ts` is the drill's tests, where failure locations inside the tests point.
 */
export class DrillDescriptions implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;
  private readonly listener: { dispose(): void };

  constructor(
    private readonly getDrill: (id: string) => Drill | undefined,
    private readonly scores: ScoreStore,
  ) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DESCRIPTION_SCHEME, this);
    this.listener = scores.onDidChange((id) => {
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.uri.scheme === DESCRIPTION_SCHEME && (id === undefined || this.idOf(doc.uri) === id)) this.changed.fire(doc.uri);
      }
    });
  }

  uriFor(drill: Drill): vscode.Uri {
    return vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, path: `/${drill.id}.md` });
  }

  /** A read-only copy of the drill's tests: `<id>.test.ts`, or `<id>.test_solution.py` for its Python version. */
  testsUriFor(drill: Drill, language: Language = 'typescript'): vscode.Uri {
    return vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, path: `/${drill.id}.${language === 'python' ? 'test_solution.py' : 'test.ts'}` });
  }

  private idOf(uri: vscode.Uri): string {
    return uri.path.replace(/^\//, '').replace(/\.(md|test\.ts|test_solution\.py)$/, '');
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const drill = this.getDrill(this.idOf(uri));
    if (drill && uri.path.endsWith('.test.ts')) return drill.tests;
    if (drill && uri.path.endsWith('.test_solution.py')) return drill.python?.tests ?? '# This drill has no Python version.\n';
    if (!drill) return `# Unknown drill\n\nNo drill has the id \`${this.idOf(uri)}\`. Reload the drills and try again.\n`;
    const score = this.scores.get(drill.id);
    return drillMarkdown(drill, {
      hintsShown: score?.hintsUsed ?? 0,
      answerShown: score?.answerRevealed ?? false,
      status: STATUS_LABELS[this.scores.status(drill.id)],
    });
  }

  /**
   * Shows the rendered description beside the editor, in the one description preview of the window: markdown's
   * preview takes a new document only in the column it would open in, so a preview of another drill's description
   * elsewhere is closed first (no third column after Reveal Answer or Show Description from the preview's group).
   */
  async show(drill: Drill): Promise<void> {
    const uri = this.uriFor(drill);
    this.changed.fire(uri);
    const beside = (vscode.window.tabGroups.activeTabGroup.viewColumn ?? 1) + 1;
    const elsewhere = this.previewTabs().filter((t) => t.group.viewColumn !== beside);
    if (elsewhere.length > 0) await vscode.window.tabGroups.close(elsewhere, true);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  }

  /** The editor tabs that preview a drill description. */
  previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => {
      if (!(t.input instanceof vscode.TabInputWebview) || !t.input.viewType.endsWith('markdown.preview')) return false;
      const name = /([^\s/]+)\.md$/.exec(t.label)?.[1];
      return name !== undefined && isDrillId(name) && this.getDrill(name) !== undefined;
    });
  }

  /**
   * Where to open code so it does not land in the description's group: another group when the active one holds the
   * description preview, else the active group (undefined).
   */
  codeColumn(): vscode.ViewColumn | undefined {
    const active = vscode.window.tabGroups.activeTabGroup;
    if (!this.previewTabs().some((t) => t.group === active)) return undefined;
    return vscode.window.tabGroups.all.find((g) => g !== active)?.viewColumn ?? vscode.ViewColumn.One;
  }

  dispose(): void {
    this.registration.dispose();
    this.listener.dispose();
    this.changed.dispose();
  }
}
