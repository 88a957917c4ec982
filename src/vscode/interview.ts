// The mock interview in VS Code: quick picks to start it, a webview for the spoken question and its checklist, the
// interview's scratch files with a countdown in the status bar, and the report. The session itself is plain data
// (core/interviewSession.ts) kept in the workspace state after every step, so a window reload picks it up again.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { HINT_COST, INTERVIEW_LENGTHS, pauseCountdown, PlanError, planInterview, remainingMs, resumeCountdown } from '../core/interview';
import {
  countdownText, endSpoken, finishSession, weaknessByTopic, historyMarkdown, type InterviewRecord, type InterviewSession, readHistory, readSession,
  recordInterviewCheck, recordInterviewHint, startSession, submitChecklist,
} from '../core/interviewSession';
import { type Drill, type Tier, TIER_LABELS, TIERS } from '../core/model';
import type { RatingStore } from '../core/ratings';
import type { ReviewStore } from '../core/reviewStore';
import { interviewerQuestion } from '../core/scratch';
import type { ScoreStore } from '../core/scores';
import { errorText } from '../core/store';
import { topicLabel } from '../core/topics';
import type { CheckService } from './checker';
import type { DrillRepository } from './drillRepository';
import type { ScratchFiles } from './scratchFiles';

export const SESSION_KEY = 'interviewDrills.interview.session';
export const HISTORY_KEY = 'interviewDrills.interviews';
const HISTORY_LIMIT = 100;

export interface InterviewDeps {
  context: vscode.ExtensionContext;
  repo: DrillRepository;
  scores: ScoreStore;
  /** The Python versions' scores: the weighting counts a drill solved in either language. */
  pythonScores: ScoreStore;
  ratings: RatingStore;
  reviews: ReviewStore;
  scratch: ScratchFiles;
  checker: CheckService;
  clock: Clock;
  output: vscode.LogOutputChannel;
  /** Opens a drill's scratch file as the Open Drill command does. */
  openDrill(drill: Drill): Promise<vscode.TextEditor>;
}

export class InterviewController implements vscode.Disposable {
  private session: InterviewSession | undefined;
  private readonly item = vscode.window.createStatusBarItem('interviewDrills.interview', vscode.StatusBarAlignment.Left, 11);
  private readonly subscriptions: vscode.Disposable[] = [];
  private ticker: ReturnType<typeof setInterval> | undefined;
  private contextShown = '';
  private panel: vscode.WebviewPanel | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after every step of the session (and when it ends). */
  readonly onDidChange = this.changed.event;
  /** The report last shown (for the tests), and its panel. */
  lastReport: InterviewRecord | undefined;
  private reportPanel: vscode.WebviewPanel | undefined;

  constructor(private readonly deps: InterviewDeps) {
    this.item.name = 'Mock Interview';
    this.subscriptions.push(
      deps.checker.onDidCheck((o) => {
        if (!this.session || !o.recorded) return;
        void this.update(recordInterviewCheck(this.session, o.drill.id, { passed: o.passed, testsPassed: o.result.counts.passed, total: o.result.counts.total }, this.now()));
      }),
      deps.clock.onDidChange(() => this.tick()),
    );
    this.restore();
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  get current(): InterviewSession | undefined {
    return this.session;
  }

  get running(): boolean {
    return this.session !== undefined;
  }

  /** The status bar's text, for the tests. */
  get statusText(): string {
    return this.item.text;
  }

  history(): InterviewRecord[] {
    return readHistory(this.deps.context.workspaceState.get(HISTORY_KEY)).records;
  }

  /** Imported history: records not already kept are added (by their start time), oldest first. */
  async mergeHistory(incoming: readonly unknown[]): Promise<void> {
    const mine = this.history();
    const have = new Set(mine.map((r) => r.startedAt));
    const add = readHistory([...incoming]).records.filter((r) => !have.has(r.startedAt));
    if (add.length === 0) return;
    const all = [...mine, ...add].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)).slice(-HISTORY_LIMIT);
    await this.deps.context.workspaceState.update(HISTORY_KEY, all);
    this.changed.fire();
  }

  /** Picks up a session stored by this window before a reload. */
  restore(): void {
    const read = readSession(this.deps.context.workspaceState.get(SESSION_KEY));
    if (read.problem) this.deps.output.warn(`Mock interview: ${read.problem}; it is dropped.`);
    this.session = read.session;
    this.render();
    if (this.session && this.session.phase !== 'coding') this.showPhasePanel();
  }

  /** Interview Drills: Start Mock Interview. `choice` skips the quick picks (the tests, the walkthrough). */
  async start(choice?: { lengthMinutes: number; tiers: Tier[] }): Promise<InterviewSession | undefined> {
    if (this.session) {
      const pick = await vscode.window.showWarningMessage('A mock interview is running. Stop it and start a new one?', { modal: true }, 'Stop and Start New');
      if (pick !== 'Stop and Start New') return undefined;
      await this.finish('stopped', false);
    }
    let lengthMinutes = choice?.lengthMinutes;
    let tiers = choice?.tiers;
    if (lengthMinutes === undefined) {
      const picked = await vscode.window.showQuickPick(INTERVIEW_LENGTHS.map((m) => ({ label: `${m} minutes`, minutes: m })), { placeHolder: 'How long is the mock interview?' });
      if (!picked) return undefined;
      lengthMinutes = picked.minutes;
    }
    if (tiers === undefined) {
      const items = TIERS.map((t) => ({ label: TIER_LABELS[t], tier: t, picked: t !== 'scenario' }));
      const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Which tiers may it ask?', canPickMany: true });
      if (!picked || picked.length === 0) return undefined;
      tiers = picked.map((p) => p.tier);
    }
    const drills = this.deps.repo.all();
    let plan;
    try {
      plan = planInterview({
        lengthMinutes, tiers, drills,
        weakness: weaknessByTopic(drills, this.deps.scores.all(), this.deps.ratings.all(), this.deps.pythonScores.all()),
        due: new Set(this.deps.reviews.due().map((d) => d.id)),
        random: Math.random,
      });
    } catch (e) {
      if (e instanceof PlanError) {
        void vscode.window.showErrorMessage(`Mock interview: ${e.message}.`);
        return undefined;
      }
      throw e;
    }
    const spoken = this.deps.repo.get(plan.spoken.id)!;
    await this.update(startSession(plan, spoken.keyPoints ?? [], this.now()));
    void vscode.commands.executeCommand('setContext', 'interviewDrills.interviewStarted', true);
    this.showPhasePanel();
    return this.session;
  }

  /** The spoken answer is over: the key points appear as a checklist. */
  async endSpoken(): Promise<void> {
    if (!this.session || this.session.phase !== 'spoken') return;
    await this.update(endSpoken(this.session, this.now()));
    this.showPhasePanel();
  }

  /** The checklist is ticked: the coding phase starts with the interview's scratch files, from their stubs. */
  async submitChecklist(ticked: readonly number[]): Promise<void> {
    if (!this.session || this.session.phase !== 'checklist') return;
    await this.update(submitChecklist(this.session, ticked, this.now()));
    this.panel?.dispose();
    const ids = this.session.coding.map((c) => c.id);
    for (const id of [...ids].reverse()) {
      const drill = this.deps.repo.get(id);
      if (!drill) continue;
      await this.deps.scratch.reset(drill);
      await this.deps.openDrill(drill);
    }
    void vscode.window.showInformationMessage(
      `Mock interview: coding. ${countdownText(this.session.countdown, this.now())}; a hint costs ${HINT_COST} points, the answers stay locked until the end.`);
  }

  /** A hint on one of the interview's drills while it runs: recorded, at its cost. Returns the message to add. */
  async recordHint(drillId: string): Promise<string | undefined> {
    if (!this.session || this.session.phase !== 'coding' || !this.session.coding.some((c) => c.id === drillId)) return undefined;
    await this.update(recordInterviewHint(this.session, drillId));
    return `(mock interview: this hint costs ${HINT_COST} points)`;
  }

  async pause(): Promise<void> {
    if (this.session) await this.update({ ...this.session, countdown: pauseCountdown(this.session.countdown, this.now()) });
  }

  async resume(): Promise<void> {
    if (this.session) await this.update({ ...this.session, countdown: resumeCountdown(this.session.countdown, this.now()) });
  }

  /** Ends the interview, keeps its record and shows the report. */
  async finish(ended = 'finished', report = true): Promise<InterviewRecord | undefined> {
    const s = this.session;
    if (!s) return undefined;
    const record = finishSession(s, ended, this.now());
    this.session = undefined;
    await this.deps.context.workspaceState.update(SESSION_KEY, undefined);
    await this.deps.context.workspaceState.update(HISTORY_KEY, [...this.history(), record].slice(-HISTORY_LIMIT));
    this.panel?.dispose();
    this.render();
    this.changed.fire();
    this.lastReport = record;
    if (report) this.showReport(record);
    return record;
  }

  async exportHistory(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri = target ?? (await vscode.window.showSaveDialog({ filters: { Markdown: ['md'] }, saveLabel: 'Export', title: 'Export Interview History as Markdown' }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(historyMarkdown(this.history())));
    return uri;
  }

  private async update(next: InterviewSession): Promise<void> {
    if (next === this.session) return;
    this.session = next;
    await this.deps.context.workspaceState.update(SESSION_KEY, next);
    this.render();
    this.changed.fire();
  }

  /** Every second while a countdown runs: the status bar, the page's timer, and the end when time is up. */
  private tick(): void {
    const s = this.session;
    if (!s) return;
    if (remainingMs(s.countdown, this.now()) <= 0 && s.countdown.state === 'running') {
      if (s.phase === 'spoken') void this.endSpoken();
      else if (s.phase === 'coding') void this.finish('time up');
    }
    this.render();
  }

  private render(): void {
    const s = this.session;
    if (!s) {
      this.setContext(false, false);
      this.item.hide();
      if (this.ticker) clearInterval(this.ticker);
      this.ticker = undefined;
      return;
    }
    this.ticker ??= setInterval(() => this.tick(), 1000);
    const left = countdownText(s.countdown, this.now());
    const phase = s.phase === 'coding' ? 'coding' : s.phase === 'spoken' ? 'spoken answer' : 'checklist';
    const paused = s.countdown.state === 'paused';
    this.item.text = `$(${paused ? 'debug-pause' : 'watch'}) Interview (${phase}): ${left}`;
    this.item.tooltip = `Mock interview, ${phase}: ${left}. Click to ${paused ? 'resume' : 'pause'} the countdown.`;
    this.item.accessibilityInformation = { label: `Mock interview, ${phase}, ${left}` };
    this.item.command = paused ? 'interviewDrills.resumeInterview' : 'interviewDrills.pauseInterview';
    this.item.show();
    this.setContext(true, paused);
    if (this.panel && s.phase === 'spoken') void this.panel.webview.postMessage({ command: 'time', text: left });
  }

  /** The context keys of the palette's Pause/Resume/Finish, set only when they change (render runs every second). */
  private setContext(running: boolean, paused: boolean): void {
    const key = `${running}/${paused}`;
    if (key === this.contextShown) return;
    this.contextShown = key;
    void vscode.commands.executeCommand('setContext', 'interviewDrills.interviewRunning', running);
    void vscode.commands.executeCommand('setContext', 'interviewDrills.interviewPaused', paused);
  }

  // -------------------------------------------------------------------------------------------------------------
  // The pages.

  /** The page of the spoken phase (the question and its timer) or of the checklist (the key points to tick). */
  private showPhasePanel(): void {
    const s = this.session;
    if (!s || s.phase === 'coding') return;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('interviewDrills.interview', 'Mock Interview', vscode.ViewColumn.Active, webviewOptions(this.deps.context.extensionUri));
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m).catch((e: unknown) => this.deps.output.warn(`Mock interview: ${errorText(e)}`)));
    }
    const drill = this.deps.repo.get(s.plan.spoken.id);
    const question = drill ? interviewerQuestion(drill.prompt) : s.plan.spoken.title;
    const body = s.phase === 'spoken'
      ? `<h1>Mock interview: the spoken question</h1>
<p class="meta">Answer out loud, as you would to the interviewer. Then say you are done.</p>
<blockquote class="question">${esc(question)}</blockquote>
<p class="timer" role="timer" aria-live="off" id="timer">${esc(countdownText(s.countdown, this.now()))}</p>
<button id="done" autofocus>I have answered</button>`
      : `<h1>Mock interview: what did your answer cover?</h1>
<blockquote class="question">${esc(question)}</blockquote>
<p class="meta">Tick each key point your spoken answer made. Be honest: this is your recall score.</p>
<form id="checklist"><fieldset><legend>Key points of "${esc(s.plan.spoken.title)}"</legend>
${s.keyPoints.map((k, i) => `<label><input type="checkbox" name="point" value="${i}"> ${esc(k)}</label>`).join('\n')}
</fieldset><button type="submit">Start the coding phase</button></form>`;
    this.panel.webview.html = page(this.panel.webview, this.deps.context.extensionUri, 'Mock Interview', body);
    this.panel.reveal(vscode.ViewColumn.Active);
  }

  /** A message from the interview pages (public: the tests post through the same path). */
  async handleMessage(m: unknown): Promise<void> {
    if (typeof m !== 'object' || m === null) return;
    const msg = m as { command?: unknown; ticked?: unknown; id?: unknown };
    if (msg.command === 'done') return this.endSpoken();
    if (msg.command === 'checklist' && Array.isArray(msg.ticked) && msg.ticked.every((i) => Number.isInteger(i))) return this.submitChecklist(msg.ticked as number[]);
    if (msg.command === 'openDrill' && typeof msg.id === 'string') {
      const drill = this.deps.repo.get(msg.id);
      if (drill) await this.deps.openDrill(drill);
    }
  }

  /** The report of a finished interview. */
  showReport(r: InterviewRecord): vscode.WebviewPanel {
    this.reportPanel?.dispose();
    const panel = vscode.window.createWebviewPanel('interviewDrills.interviewReport', 'Mock Interview Report', vscode.ViewColumn.Active, webviewOptions(this.deps.context.extensionUri));
    this.reportPanel = panel;
    panel.onDidDispose(() => { if (this.reportPanel === panel) this.reportPanel = undefined; });
    panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m));
    panel.webview.html = page(panel.webview, this.deps.context.extensionUri, 'Mock Interview Report', reportBody(r, (id) => this.deps.repo.get(id)));
    return panel;
  }

  /** The report page's HTML, for the tests. */
  get reportHtml(): string | undefined {
    return this.reportPanel?.webview.html;
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    for (const d of this.subscriptions) d.dispose();
    this.panel?.dispose();
    this.reportPanel?.dispose();
    this.item.dispose();
    this.changed.dispose();
  }
}

function mmss(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function reportBody(r: InterviewRecord, drill: (id: string) => Drill | undefined): string {
  const link = (id: string, title: string) => `<button class="link" data-open="${esc(id)}">${esc(title)}</button>`;
  const rows = r.coding.map((c, i) => `<tr><th scope="row">${link(c.id, c.title)}</th><td>${mmss(c.seconds)}</td><td>${c.checks}</td><td>${c.hints}</td><td>${c.passed ? 'yes' : 'no'}</td><td>${r.score.coding[i] ?? 0}</td></tr>`).join('\n');
  const next = r.score.reviewNext.map((id) => `<li>${link(id, drill(id)?.title ?? id)}${drill(id) ? ` <span class="meta">${esc(topicLabel(drill(id)!.topic))}</span>` : ''}</li>`).join('\n');
  return `<h1>Mock interview report</h1>
<p class="meta">${esc(r.startedAt.slice(0, 16).replace('T', ' '))} UTC · ${r.lengthMinutes} minutes · ${esc(r.ended)}</p>
<p class="overall" aria-label="Overall score ${r.score.overall} of 100">Overall: <strong>${r.score.overall}</strong>/100</p>
<h2>Spoken answer</h2>
<p>${link(r.spoken.id, r.spoken.title)}: ${r.spoken.ticked} of ${r.spoken.total} key points (recall <strong>${r.score.recall}</strong>/100), ${mmss(r.spoken.seconds)}</p>
<h2>Coding</h2>
<table><caption>Per drill: time to the first pass (or to the end), checks, hints (${HINT_COST} points each), passed, score</caption>
<thead><tr><th scope="col">Drill</th><th scope="col">Time</th><th scope="col">Checks</th><th scope="col">Hints</th><th scope="col">Passed</th><th scope="col">Score</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>Review next</h2>
${next ? `<ul>${next}</ul>` : '<p>Nothing: every drill passed and the spoken answer covered its key points.</p>'}`;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A page under a nonce CSP: the stylesheet and script from media/, no inline script or style. */
function page(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, body: string): string {
  const nonce = randomBytes(16).toString('base64');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'interview.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'interview.js'));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(css.toString())}"><title>${esc(title)}</title></head>
<body><main>${body}</main><script nonce="${nonce}" src="${esc(js.toString())}"></script></body></html>`;
}
