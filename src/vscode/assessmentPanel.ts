import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { assess, nextDrill, type RecallRecord, recallByTopic } from '../core/assessment';
import type { Drill } from '../core/model';
import { isProtocolError, type HostMessage, panelHtml, parseWebviewMessage, type ViewState, type WebviewMessage } from '../core/protocol';
import type { RatingStore } from '../core/ratings';
import type { ScoreStore } from '../core/scores';
import { INTERVIEW_TIPS } from '../core/tips';
import { topicLabel } from '../core/topics';

export interface AssessmentDeps {
  extensionUri: vscode.Uri;
  getDrills(): Drill[];
  /** TypeScript's scores. */
  scores: ScoreStore;
  /** The Python versions' scores: a drill is solved in a topic when it is solved in either language. */
  pythonScores?: ScoreStore;
  ratings: RatingStore;
  /** The mock interviews kept (their recall scores, per topic) and when a new one is kept. */
  interviews?: { history(): readonly RecallRecord[]; onDidChange: vscode.Event<unknown> };
  /** Fires when the drills change (a reload of the packs): the panel recomputes. */
  onDidChangeDrills?: vscode.Event<unknown>;
  openDrill(id: string): Thenable<unknown> | Promise<unknown>;
  /** Where refused webview messages and failed actions are logged (e.g. the output channel's warn). */
  log?(message: string): void;
}

/** Scripts on, and only media/ and dist/ readable by the page. */
export function assessmentWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

/**
 * The self-assessment panel: one per window. The host computes the whole view model (core/assessment) and posts it
 * after the page says `ready` and after every change of scores or ratings; the page only renders and asks.
 */
export class AssessmentPanel implements vscode.Disposable {
  static readonly viewType = 'interviewDrills.assessment';
  static readonly title = 'Self-Assessment';
  /** The open panel, if any. */
  static current: AssessmentPanel | undefined;

  private deps: AssessmentDeps;
  private ready = false;
  private disposed = false;
  private posted: ViewState | undefined;
  private postedJson = '';
  private readonly subscriptions: vscode.Disposable[] = [];
  private storeSubscriptions: { dispose(): void }[] = [];

  /** Opens the panel, or reveals it (with fresh state) when it is already open. */
  static createOrShow(deps: AssessmentDeps): AssessmentPanel {
    const column = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const existing = AssessmentPanel.current;
    if (existing) {
      existing.useDeps(deps);
      existing.panel.reveal(column);
      existing.refresh();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(AssessmentPanel.viewType, AssessmentPanel.title, column, assessmentWebviewOptions(deps.extensionUri));
    return AssessmentPanel.adopt(panel, deps);
  }

  /** Takes over a panel VS Code restored after a reload (see registerAssessmentSerializer). */
  static revive(panel: vscode.WebviewPanel, deps: AssessmentDeps): AssessmentPanel {
    return AssessmentPanel.adopt(panel, deps);
  }

  private static adopt(panel: vscode.WebviewPanel, deps: AssessmentDeps): AssessmentPanel {
    AssessmentPanel.current?.dispose();
    const created = new AssessmentPanel(panel, deps);
    AssessmentPanel.current = created;
    return created;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    deps: AssessmentDeps,
  ) {
    this.deps = deps;
    const webview = panel.webview;
    webview.options = assessmentWebviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'drills.svg');
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((raw: unknown) => this.handleMessage(raw)),
      // A hidden page is discarded; it loads again, and says `ready` again, when shown.
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }),
    );
    this.subscribeStores();
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'media', 'panel.css')).toString(),
      nonce: randomBytes(18).toString('base64'),
    });
  }

  /** The last state posted to the page (undefined until the page said `ready`). */
  get lastState(): ViewState | undefined {
    return this.posted;
  }

  /** Whether the page has loaded and asked for state. */
  get isReady(): boolean {
    return this.ready;
  }

  /** The view model as it stands now. */
  currentState(): ViewState {
    const drills = this.deps.getDrills();
    const { summary, topics } = assess(drills, this.deps.scores.all(), this.deps.ratings.all(), {
      python: this.deps.pythonScores?.all() ?? {},
      recall: recallByTopic(this.deps.interviews?.history() ?? [], drills),
    });
    return { summary, topics, tips: INTERVIEW_TIPS };
  }

  /**
   * Recomputes the state and posts it if the page is ready for it (otherwise it gets it when it says `ready`) and it
   * changed (a store event that changes nothing visible costs no render).
   */
  refresh(): void {
    if (this.disposed || !this.ready) return;
    const state = this.currentState();
    const json = JSON.stringify(state);
    if (json === this.postedJson) return;
    this.posted = state;
    this.postedJson = json;
    this.post({ command: 'state', args: state });
  }

  /** Handles one message from the page; the integration tests call it directly to act as the page. */
  async handleMessage(raw: unknown): Promise<void> {
    const msg = parseWebviewMessage(raw);
    if (isProtocolError(msg)) {
      this.deps.log?.(`Self-assessment: refused a message from the panel: ${msg.error}`);
      this.answer(msg.req, { err: msg.error });
      return;
    }
    try {
      const res = await this.perform(msg);
      this.answer(msg.req, { res });
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      this.deps.log?.(`Self-assessment: ${msg.command} failed: ${text}`);
      this.answer(msg.req, { err: text });
      void vscode.window.showErrorMessage(`Interview Drills: ${text}`);
    }
  }

  private async perform(msg: WebviewMessage): Promise<unknown> {
    const { ratings, scores } = this.deps;
    switch (msg.command) {
      case 'ready':
        // A (re)loaded page has nothing yet: always send it the state.
        this.ready = true;
        this.postedJson = '';
        this.refresh();
        return true;
      // Store changes reach the page through the stores' change events (see subscribeStores).
      case 'setRating':
        await ratings.set(msg.args.topic, msg.args.rating);
        return true;
      case 'clearRating':
        await ratings.clear(msg.args.topic);
        return true;
      case 'resetRatings': {
        const pick = await vscode.window.showWarningMessage(
          'Reset every self-assessment rating?',
          { modal: true, detail: 'All twelve topics become unrated. Your drill scores and scratch files are kept.' },
          'Reset',
        );
        if (pick !== 'Reset') return false;
        await ratings.resetAll();
        return true;
      }
      case 'practise': {
        const drill = nextDrill(msg.args.topic, this.deps.getDrills(), scores.all(), this.deps.pythonScores?.all() ?? {});
        if (!drill) {
          void vscode.window.showInformationMessage(`No drill covers "${topicLabel(msg.args.topic)}" yet.`);
          return false;
        }
        await this.deps.openDrill(drill.id);
        return drill.id;
      }
      case 'openDrill': {
        const id = msg.args.id;
        if (!this.deps.getDrills().some((d) => d.id === id)) throw new Error(`no drill has the id "${id}".`);
        await this.deps.openDrill(id);
        return true;
      }
    }
  }

  private answer(req: number | undefined, body: { res: unknown } | { err: string }): void {
    if (req !== undefined) this.post({ seq: req, ...body } as HostMessage);
  }

  private post(message: HostMessage): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  /** Points the panel at new services (after the extension was activated again) and listens to their stores. */
  private useDeps(deps: AssessmentDeps): void {
    if (deps === this.deps) return;
    this.deps = deps;
    this.subscribeStores();
  }

  private subscribeStores(): void {
    for (const s of this.storeSubscriptions) s.dispose();
    this.storeSubscriptions = [
      this.deps.scores.onDidChange(() => this.refresh()),
      this.deps.ratings.onDidChange(() => this.refresh()),
      ...(this.deps.pythonScores ? [this.deps.pythonScores.onDidChange(() => this.refresh())] : []),
      ...(this.deps.interviews ? [this.deps.interviews.onDidChange(() => this.refresh())] : []),
      ...(this.deps.onDidChangeDrills ? [this.deps.onDidChangeDrills(() => this.refresh())] : []),
    ];
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (AssessmentPanel.current === this) AssessmentPanel.current = undefined;
    for (const s of [...this.storeSubscriptions, ...this.subscriptions]) s.dispose();
    this.storeSubscriptions = [];
    this.panel.dispose();
  }
}

/** Brings the panel back after a window reload; activation event `onWebviewPanel:interviewDrills.assessment`. */
export function registerAssessmentSerializer(_context: vscode.ExtensionContext, deps: AssessmentDeps): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(AssessmentPanel.viewType, {
    deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
      AssessmentPanel.revive(panel, deps);
      return Promise.resolve();
    },
  });
}
