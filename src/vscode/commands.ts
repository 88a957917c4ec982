import * as vscode from 'vscode';
import { hasLanguage, missingLanguageNotice } from '../core/language';
import { type Drill, type DrillStatus, isLanguage, isTier, type Language, LANGUAGE_LABELS, STATUS_LABELS, type Tier, TIER_LABELS } from '../core/model';
import { hasCodeBlock, plainText } from '../core/describe';
import { assess } from '../core/assessment';
import { describeDue, pickNextDrill } from '../core/review';
import { stubPosition } from '../core/scratch';
import { topicLabel } from '../core/topics';
import type { Services } from './services';
import { config } from './config';
import { exportProgressCommand, importProgressCommand } from './progress';
import type { DrillNode } from './tree';

const STATUS_ICONS: Record<DrillStatus, string> = { untried: '$(circle-large-outline)', failed: '$(error)', passed: '$(pass-filled)' };

type Handler = (...args: unknown[]) => unknown;

/** Every command of the extension: one id, one handler factory. */
export function registerCommands(s: Services): vscode.Disposable[] {
  const table: Record<string, Handler> = {
    'interviewDrills.openDrill': async (arg, language) => {
      const drill = await resolveDrill(s, arg, 'Open which drill?');
      return drill && openDrill(s, drill, isLanguage(language) ? language : undefined);
    },
    'interviewDrills.openInPython': async (arg) => {
      const drill = await resolveDrill(s, arg, 'Open which drill in Python?');
      return drill && openDrill(s, drill, 'python');
    },
    'interviewDrills.openInTypeScript': async (arg) => {
      const drill = await resolveDrill(s, arg, 'Open which drill in TypeScript?');
      return drill && openDrill(s, drill, 'typescript');
    },
    'interviewDrills.switchLanguage': (arg) => switchLanguage(s, arg),
    'interviewDrills.openNextDrill': async () => {
      const drills = s.repo.all();
      const scores = s.scores.all();
      const weakest = assess(drills, scores, s.ratings.all(), { python: s.pythonScores.all() }).summary.weakest;
      const choice = pickNextDrill({
        drills,
        solved: new Set(drills.filter((d) => s.statusIn(d.id, s.languageOf(d)) === 'passed').map((d) => d.id)),
        schedule: s.reviews.all(),
        weakestTopic: weakest && { id: weakest.topic, label: weakest.label },
        current: activeDrill(s)?.id,
        now: s.clock.now(),
      });
      const next = choice && s.repo.get(choice.id);
      if (!choice || !next) return undefined;
      if (choice.kind === 'oldest' && !s.reviews.get(next.id)) {
        void vscode.window.showInformationMessage('Every drill is solved. Open the self-assessment to see where you stand.', 'Open Self-Assessment')
          .then((pick) => pick && vscode.commands.executeCommand('interviewDrills.openAssessment'));
        return undefined;
      }
      // A due review starts again from the stub; anything else opens as it is.
      const editor = choice.kind === 'due' ? await startReview(s, next) : await openDrill(s, next);
      void vscode.window.showInformationMessage(`Next drill: ${next.title} (${choice.reason}).`);
      return editor;
    },
    'interviewDrills.startReview': async (arg) => {
      const drill = await resolveDrill(s, arg, 'Review which drill?');
      if (!drill) return undefined;
      const entry = s.reviews.get(drill.id);
      const editor = await startReview(s, drill);
      const when = entry ? `${describeDue(entry.dueAt, s.clock.now())}; ` : '';
      void vscode.window.showInformationMessage(`Review: ${drill.title} (${when}it starts again from its stub; your scores and history are kept).`);
      return editor;
    },
    'interviewDrills.checkSolution': async (arg, lang) => {
      const drill = await resolveDrill(s, arg, 'Check which drill?', true);
      if (!drill) return undefined;
      const language = languageOfCall(s, drill, arg, lang);
      // The editor's text, unsaved edits included, when the active editor is this drill's file in that language.
      const editor = vscode.window.activeTextEditor;
      const active = editor && s.scratch.scratchOf(editor.document.uri);
      const text = active?.id === drill.id && active.language === language ? editor!.document.getText() : undefined;
      return s.checker.check(drill, { text, language });
    },
    'interviewDrills.showHint': async (arg) => {
      const drill = await resolveDrill(s, arg, 'Show a hint for which drill?', true);
      if (!drill) return undefined;
      const before = s.scores.get(drill.id)?.hintsUsed ?? 0;
      const shown = await s.scores.recordHint(drill.id, drill.hints.length);
      const cost = await s.interview.recordHint(drill.id);
      const hint = drill.hints[shown - 1] ?? '';
      // A hint with a block of code is read in the rendered description, never squeezed into a notification.
      if (hasCodeBlock(hint)) {
        await s.descriptions.show(drill);
        return shown;
      }
      const label = before >= drill.hints.length ? `All ${drill.hints.length} hints are shown. Hint ${shown}` : `Hint ${shown} of ${drill.hints.length}`;
      const actions = shown < drill.hints.length ? ['Next Hint', 'Show Description'] : ['Show Description'];
      void vscode.window.showInformationMessage(`${drill.title}: ${label}: ${plainText(hint)}${cost ? ` ${cost}` : ''}`, ...actions).then((pick) => {
        if (pick === 'Next Hint') return vscode.commands.executeCommand('interviewDrills.showHint', drill.id);
        if (pick === 'Show Description') return s.descriptions.show(drill);
        return undefined;
      });
      return shown;
    },
    'interviewDrills.revealAnswer': async (arg) => {
      const drill = await resolveDrill(s, arg, 'Reveal the answer of which drill?', true);
      if (!drill) return false;
      if (s.interview.running) {
        void vscode.window.showWarningMessage('The answers stay locked while a mock interview runs. Finish it (Interview Drills: Finish Mock Interview) to see them.');
        return false;
      }
      const attempted = (s.scores.get(drill.id)?.attempts ?? 0) > 0;
      if (!attempted && config.confirmRevealAnswer() && !s.scores.get(drill.id)?.answerRevealed) {
        const pick = await vscode.window.showWarningMessage(
          `You have not attempted "${drill.title}" yet. Reveal the model answer anyway?`,
          { modal: true, detail: 'Trying first, even briefly, makes the answer stick. Hints are a gentler step.' },
          'Reveal Answer', 'Show Hint',
        );
        if (pick === 'Show Hint') return vscode.commands.executeCommand('interviewDrills.showHint', drill.id).then(() => false);
        if (pick !== 'Reveal Answer') return false;
      }
      await s.scores.markAnswerRevealed(drill.id);
      await s.descriptions.show(drill);
      return true;
    },
    'interviewDrills.whatThisDrillTests': async (arg, lang) => {
      const drill = await resolveDrill(s, arg, 'What does which drill test?', true);
      return drill && s.learn.show(drill, languageOfCall(s, drill, arg, lang));
    },
    'interviewDrills.showDescription': async (arg) => {
      const drill = await resolveDrill(s, arg, 'Describe which drill?', true);
      return drill && s.descriptions.show(drill);
    },
    'interviewDrills.resetDrill': async (arg, lang) => {
      const drill = await resolveDrill(s, arg, 'Reset which drill?', true);
      if (!drill) return false;
      const language = languageOfCall(s, drill, arg, lang);
      const pick = await vscode.window.showWarningMessage(
        `Reset "${drill.title}" to its starting code?`,
        { modal: true, detail: 'Your code in the scratch file is replaced by the stub. Scores and hints are kept.' },
        'Reset',
      );
      if (pick !== 'Reset') return false;
      await s.scratch.reset(drill, language);
      await putCursorOnStub(await s.scratch.open(drill, {}, language));
      return true;
    },
    'interviewDrills.refresh': async () => {
      await s.repo.load();
      const count = s.repo.all().length;
      const problems = s.repo.problems().length;
      const message = `Interview Drills: reloaded ${count} ${count === 1 ? 'drill' : 'drills'}` +
        (problems > 0 ? `; ${problems} ${problems === 1 ? 'problem' : 'problems'} in the question files.` : '.');
      if (problems > 0) {
        void vscode.window.showWarningMessage(message, 'Show Problems')
          .then((pick) => pick && vscode.commands.executeCommand('workbench.actions.view.problems'));
      } else void vscode.window.showInformationMessage(message);
      return count;
    },
    'interviewDrills.showOutput': () => s.output.show(),
    'interviewDrills.exportProgress': (uri) => exportProgressCommand(s, uri instanceof vscode.Uri ? uri : undefined),
    'interviewDrills.importProgress': (uri) => importProgressCommand(s, uri instanceof vscode.Uri ? uri : undefined),
    'interviewDrills.startMockInterview': (choice) => s.interview.start(isInterviewChoice(choice) ? choice : undefined),
    'interviewDrills.pauseInterview': () => s.interview.pause(),
    'interviewDrills.resumeInterview': () => s.interview.resume(),
    'interviewDrills.finishInterview': () => s.interview.finish('finished'),
    'interviewDrills.exportInterviewHistory': (uri) => s.interview.exportHistory(uri instanceof vscode.Uri ? uri : undefined),
    'interviewDrills.resetScores': async () => {
      const pick = await vscode.window.showWarningMessage(
        'Reset every drill\'s score, attempts and hints in this workspace?',
        { modal: true, detail: 'Your scratch files and self-assessment ratings are kept.' },
        'Reset Scores',
      );
      if (pick !== 'Reset Scores') return false;
      await s.scores.reset();
      return true;
    },
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

/**
 * Opens a drill's scratch file in `asked` (default: the window's language). A drill without that language opens in
 * TypeScript and says so; a Python track without a usable python3 still opens the file, and says what is missing.
 */
async function openDrill(s: Services, drill: Drill, asked?: Language): Promise<vscode.TextEditor> {
  let language = asked ?? s.languageOf(drill);
  if (asked && !hasLanguage(drill, asked)) {
    s.say(missingLanguageNotice(drill, asked), 'info');
    language = 'typescript';
  } else if (!asked && language !== config.language()) {
    s.say(missingLanguageNotice(drill, config.language()), 'info');
  }
  s.checker.warmUp(language);
  if (language === 'python') {
    void s.python.discover().then((state) => {
      if (state.kind === 'unavailable') void s.python.showUnavailable(state.message);
    });
  }
  const fresh = !(await s.scratch.exists(drill, language));
  const column = s.descriptions.codeColumn();
  const editor = await s.scratch.open(drill, column === undefined ? {} : { viewColumn: column }, language);
  if (fresh) await putCursorOnStub(editor);
  if (s.treeView.visible) void s.treeView.reveal(s.tree.nodeFor(drill), { select: true, focus: false }).then(undefined, () => undefined);
  if (config.openDescriptionWithDrill()) await s.descriptions.show(drill);
  return editor;
}

/** A review: the drill's scratch file goes back to its stub (the scores, history and schedule stay) and opens. */
async function startReview(s: Services, drill: Drill): Promise<vscode.TextEditor> {
  await s.scratch.reset(drill);
  const editor = await openDrill(s, drill);
  await putCursorOnStub(editor);
  return editor;
}

/** A fresh scratch file starts with the cursor on the stub, in view; a full header is folded away. */
async function putCursorOnStub(editor: vscode.TextEditor): Promise<void> {
  const at = stubPosition(editor.document.getText());
  const position = new vscode.Position(at.line, at.character);
  editor.selection = new vscode.Selection(position, position);
  if (config.scratchHeader() === 'full') {
    await vscode.commands.executeCommand('editor.fold', { selectionLines: [0], levels: 1 });
  }
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * The language a command on a drill is about: the one passed (e.g. by the CodeLens), else the scratch file's it was
 * invoked on (the ▶ button passes the file), else the active editor's when it is this drill's, else the drill's default.
 */
function languageOfCall(s: Services, drill: Drill, arg: unknown, lang: unknown): Language {
  if (isLanguage(lang)) return lang;
  if (arg instanceof vscode.Uri) {
    const of = s.scratch.scratchOf(arg);
    if (of) return of.language;
  }
  const uri = vscode.window.activeTextEditor?.document.uri;
  const active = uri && s.scratch.scratchOf(uri);
  if (active?.id === drill.id) return active.language;
  return s.languageOf(drill);
}

/** Switch Language: the window's language, from the palette (a pick) or with the language passed. */
async function switchLanguage(s: Services, arg: unknown): Promise<Language | undefined> {
  let language: Language | undefined = isLanguage(arg) ? arg : undefined;
  if (!language) {
    const current = config.language();
    const withPython = s.repo.all().filter((d) => d.python).length;
    const python = s.python.state;
    const items: Array<vscode.QuickPickItem & { language: Language }> = [
      { language: 'typescript', label: LANGUAGE_LABELS.typescript, description: current === 'typescript' ? 'current' : undefined, detail: `Every drill; runs inside VS Code with nothing to install.` },
      {
        language: 'python', label: LANGUAGE_LABELS.python, description: current === 'python' ? 'current' : undefined,
        detail: `${withPython} ${withPython === 1 ? 'drill has' : 'drills have'} a Python version (the others stay TypeScript); checked by your python3 (3.9 or newer).` +
          (python.kind === 'unavailable' ? ` Unavailable now: ${python.message}` : ''),
      },
    ];
    language = (await vscode.window.showQuickPick(items, { placeHolder: 'Answer the drills in which language?' }))?.language;
    if (!language) return undefined;
  }
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('interviewDrills').update('language', language, target);
  if (language === 'python') {
    const state = await s.python.discover();
    if (state.kind === 'unavailable') void s.python.showUnavailable(state.message);
  }
  return language;
}

function activeDrill(s: Services): Drill | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const id = uri && s.scratch.drillIdFor(uri);
  return id ? s.repo.get(id) : undefined;
}

/**
 * The drill a command is about: an id, a tree node or a scratch file URI passed by the caller; else the drill of the
 * active scratch file (when `preferActive`); else the user picks one.
 */
async function resolveDrill(s: Services, arg: unknown, placeHolder: string, preferActive = false): Promise<Drill | undefined> {
  if (typeof arg === 'string') {
    const drill = s.repo.get(arg);
    if (!drill) void vscode.window.showErrorMessage(`Interview Drills: no drill has the id "${arg}".`);
    return drill;
  }
  if (arg instanceof vscode.Uri) {
    const id = s.scratch.drillIdFor(arg);
    if (id) return s.repo.get(id);
  }
  if (isDrillNode(arg)) return arg.drill;
  if (preferActive) {
    const active = activeDrill(s);
    if (active) return active;
  }
  const items = s.repo.all().map((d) => ({
    label: d.title,
    description: `${TIER_LABELS[d.tier]} · ${topicLabel(d.topic)}`,
    detail: `${STATUS_ICONS[s.statusIn(d.id, s.languageOf(d))]} ${STATUS_LABELS[s.statusIn(d.id, s.languageOf(d))]} · ${LANGUAGE_LABELS[s.languageOf(d)]}`,
    drill: d,
  }));
  if (items.length === 0) {
    void vscode.window.showWarningMessage('Interview Drills: no drill is loaded. See the Problems panel.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.drill;
}

function isInterviewChoice(v: unknown): v is { lengthMinutes: number; tiers: Tier[] } {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as { lengthMinutes?: unknown; tiers?: unknown };
  return typeof c.lengthMinutes === 'number' && Array.isArray(c.tiers) && c.tiers.every(isTier);
}

function isDrillNode(arg: unknown): arg is Extract<DrillNode, { kind: 'drill' }> {
  return typeof arg === 'object' && arg !== null && (arg as DrillNode).kind === 'drill';
}

/** "Check Solution | Show Hint | Description" above the first line of every scratch file. */
export class ScratchCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly s: Pick<Services, 'scratch' | 'repo' | 'scores'>) {
    // The hint count shown comes from the scores; the drills from the repository.
    this.subscriptions = [s.scores.onDidChange(() => this.refresh()), s.repo.onDidChange(() => this.refresh())];
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const of = this.s.scratch.scratchOf(doc.uri);
    const drill = of ? this.s.repo.get(of.id) : undefined;
    if (!drill || !of || !hasLanguage(drill, of.language)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const used = this.s.scores.get(drill.id)?.hintsUsed ?? 0;
    return [
      new vscode.CodeLens(top, { title: '$(play) Check Solution', command: 'interviewDrills.checkSolution', arguments: [drill.id, of.language], tooltip: 'Run the drill\'s tests on this file (unsaved edits included)' }),
      new vscode.CodeLens(top, { title: `$(lightbulb) Show Hint (${used}/${drill.hints.length})`, command: 'interviewDrills.showHint', arguments: [drill.id] }),
      new vscode.CodeLens(top, { title: '$(book) Description', command: 'interviewDrills.showDescription', arguments: [drill.id] }),
    ];
  }
}
