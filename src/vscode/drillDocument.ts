import * as vscode from 'vscode';
import { drillMarkdown } from '../core/describe';
import { type Drill, isDrillId, type Language, STATUS_LABELS } from '../core/model';
import type { ScoreStore } from '../core/scores';

export const DESCRIPTION_SCHEME = 'interview-drills';

/** What the `interview-drills:` documents of "What this drill tests" are made from (src/vscode/learn.ts). */
export interface LearnDocuments {
  /** The page: the traps, where the reference is, the model answer and its key points (or why it is locked). */
  page(drill: Drill, language: Language): string;
  /** The reference solution under the scratch file's header (the left side of the diff). */
  reference(drill: Drill, language: Language): Promise<string>;
}

const SUFFIXES = /\.(md|test\.ts|test_solution\.py|what-it-tests(?:\.python)?\.md|reference\.(?:ts|py))$/;

/**
 * Read-only documents of the `interview-drills:` scheme: `/<id>.md` describes a drill with its revealed hints and
 * answer; `/<id>.test.ts` is the drill's tests, where failure locations inside the tests point; `/<id>.what-it-tests.md`
 * (`.what-it-tests.python.md`) is "What this drill tests", and `/<id>.reference.ts` (`.reference.py`) the reference
 * solution its diff editor shows.
 */
export class DrillDescriptions implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;
  private readonly listener: { dispose(): void };
  /** Set by the "What this drill tests" view once it exists. */
  learn: LearnDocuments | undefined;

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

  /** "What this drill tests" of a drill in a language, as a markdown document. */
  learnUriFor(drill: Drill, language: Language): vscode.Uri {
    return vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, path: `/${drill.id}.what-it-tests${language === 'python' ? '.python' : ''}.md` });
  }

  /** The reference solution of a drill in a language, read-only: `<id>.reference.ts` or `<id>.reference.py`. */
  referenceUriFor(drill: Drill, language: Language): vscode.Uri {
    return vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, path: `/${drill.id}.reference.${language === 'python' ? 'py' : 'ts'}` });
  }

  /** Tells the editors showing a document of this scheme that its text changed. */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  private idOf(uri: vscode.Uri): string {
    return uri.path.replace(/^\//, '').replace(SUFFIXES, '');
  }

  provideTextDocumentContent(uri: vscode.Uri): string | Promise<string> {
    const drill = this.getDrill(this.idOf(uri));
    const learn = /\.what-it-tests(\.python)?\.md$/.exec(uri.path);
    if (drill && learn && this.learn) return this.learn.page(drill, learn[1] ? 'python' : 'typescript');
    const reference = /\.reference\.(ts|py)$/.exec(uri.path);
    if (drill && reference && this.learn) return this.learn.reference(drill, reference[1] === 'py' ? 'python' : 'typescript');
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
   * Shows the rendered description (or another of the drill's markdown documents, `uri`) beside the editor, in the one
   * description preview of the window: markdown's
   * preview takes a new document only in the column it would open in, so a preview of another drill's description
   * elsewhere is closed first (no third column after Reveal Answer or Show Description from the preview's group).
   */
  async show(drill: Drill, uri: vscode.Uri = this.uriFor(drill)): Promise<void> {
    this.changed.fire(uri);
    const beside = (vscode.window.tabGroups.activeTabGroup.viewColumn ?? 1) + 1;
    const elsewhere = this.previewTabs().filter((t) => t.group.viewColumn !== beside);
    if (elsewhere.length > 0) await vscode.window.tabGroups.close(elsewhere, true);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  }

  /** The editor tabs that preview a drill description (or what a drill tests). */
  previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => {
      if (!(t.input instanceof vscode.TabInputWebview) || !t.input.viewType.endsWith('markdown.preview')) return false;
      const name = /([^\s/]+?)(?:\.what-it-tests(?:\.python)?)?\.md$/.exec(t.label)?.[1];
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
