import * as vscode from 'vscode';
import { Clock } from '../core/clock';
import { languageFor, solvedCount } from '../core/language';
import type { Drill, DrillStatus, Language } from '../core/model';
import { RATINGS_KEY, RatingStore } from '../core/ratings';
import { REVIEWS_KEY, ReviewStore } from '../core/reviewStore';
import { PYTHON_SCORES_KEY, ScoreStore } from '../core/scores';
import { config } from './config';
import { PythonTrackService } from './python';
import { CheckService } from './checker';
import { DrillDescriptions } from './drillDocument';
import { DrillRepository } from './drillRepository';
import { ScratchFiles } from './scratchFiles';
import { DrillStatusBar } from './statusBar';
import { InterviewController } from './interview';
import { LearnView } from './learn';
import { DrillTesting } from './testing';
import { DrillTreeProvider, type DrillNode } from './tree';

/** Everything that lives as long as the extension, built once in activate() and disposed with it. */
export interface Services {
  context: vscode.ExtensionContext;
  output: vscode.LogOutputChannel;
  repo: DrillRepository;
  /** TypeScript's scores (and every drill's hints and revealed answer). */
  scores: ScoreStore;
  /** The Python versions' scores: a drill counts as solved in the language checked. */
  pythonScores: ScoreStore;
  scoresFor(language: Language): ScoreStore;
  /** A drill's status in a language. */
  statusIn(id: string, language: Language): DrillStatus;
  /** The language a drill opens and is checked in by default: the window's, when the drill has it. */
  languageOf(drill: Drill): Language;
  python: PythonTrackService;
  /** Self-ratings, in the global state (synced with Settings Sync). */
  ratings: RatingStore;
  /** The spaced-review schedule, in the global state (synced with Settings Sync). */
  reviews: ReviewStore;
  /** Real time; the integration tests move it to see a later day. */
  clock: Clock;
  scratch: ScratchFiles;
  descriptions: DrillDescriptions;
  tree: DrillTreeProvider;
  treeView: vscode.TreeView<DrillNode>;
  testing: DrillTesting;
  statusBar: DrillStatusBar;
  checker: CheckService;
  /** The mock interview, if one runs, and the history of past ones. */
  interview: InterviewController;
  /** "What this drill tests": the traps, the reference beside the scratch file, the model answer. */
  learn: LearnView;
  /** Shows a sentence about the settings or the scratch files and logs it. */
  say(message: string, level: 'info' | 'warning'): void;
  /** Every sentence `say` showed, oldest first (what the integration tests read). */
  notices: string[];
}

export function createServices(context: vscode.ExtensionContext): Services {
  const push = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const output = push(vscode.window.createOutputChannel('Interview Drills', { log: true }));
  const repo = push(new DrillRepository(
    vscode.Uri.joinPath(context.extensionUri, 'questions'),
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'questions.json'),
    output,
  ));
  const clock = new Clock();
  const now = () => clock.now();
  const scores = new ScoreStore(context.workspaceState, { now });
  const pythonScores = new ScoreStore(context.workspaceState, { key: PYTHON_SCORES_KEY, now });
  const scoresFor = (language: Language): ScoreStore => (language === 'python' ? pythonScores : scores);
  const statusIn = (id: string, language: Language): DrillStatus => scoresFor(language).status(id);
  const languageOf = (drill: Drill): Language => languageFor(drill, config.language()).language;
  // Ratings and the review schedule follow the user from machine to machine; scores stay with the workspace.
  const ratings = new RatingStore(context.globalState, { now });
  const reviews = new ReviewStore(context.globalState, { now });
  context.globalState.setKeysForSync([RATINGS_KEY, REVIEWS_KEY]);
  push({ dispose: () => { scores.dispose(); pythonScores.dispose(); ratings.dispose(); reviews.dispose(); clock.dispose(); } });
  const python = push(new PythonTrackService(vscode.Uri.joinPath(context.extensionUri, 'resources', 'python'), output));
  for (const p of [...scores.problems, ...pythonScores.problems, ...ratings.problems, ...reviews.problems]) {
    output.warn(p);
    void vscode.window.showWarningMessage(`Interview Drills: ${p}`);
  }
  // Another window on this workspace may have recorded attempts or ratings: adopt them when this one is focused.
  push(vscode.window.onDidChangeWindowState((e) => {
    if (e.focused) void Promise.all([scores.refresh(), pythonScores.refresh(), ratings.refresh(), reviews.refresh()]).catch((err: unknown) => output.warn(`Reloading the scores failed: ${String(err)}`));
  }));
  const scratch = new ScratchFiles(vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'scratch'), context.workspaceState);
  const descriptions = push(new DrillDescriptions((id) => repo.get(id), scores));
  const scoreChanged = new vscode.EventEmitter<void>();
  const scoreListeners = [scores.onDidChange(() => scoreChanged.fire()), pythonScores.onDidChange(() => scoreChanged.fire())];
  push({ dispose: () => { for (const l of scoreListeners) l.dispose(); scoreChanged.dispose(); } });
  // The tree listens to the stores it shows (core events are vscode.Event-shaped), and to the clock for what is due.
  const tree = push(new DrillTreeProvider({
    drills: () => repo.all(),
    status: (id) => {
      const drill = repo.get(id);
      return statusIn(id, drill ? languageOf(drill) : 'typescript');
    },
    languageOf,
    windowLanguage: () => config.language(),
    statusIn,
    due: () => reviews.due(),
    now,
    onDidChange: [repo.onDidChange, scoreChanged.event, python.onDidChange, reviews.onDidChange, clock.onDidChange],
  }));
  const treeView = push(vscode.window.createTreeView('interviewDrills.drills', { treeDataProvider: tree, showCollapseAll: true }));
  const statusBar = push(new DrillStatusBar({
    counts: () => solvedCount(repo.all(), config.language(), statusIn),
    onDidChange: [repo.onDidChange, scoreChanged.event],
  }));
  // The checker is created just below; the Test Explorer's run handler reaches it through this holder.
  const late: { checker?: CheckService; interview?: InterviewController } = {};
  const testing = push(new DrillTesting(
    { scratchUri: (d, language) => scratch.uriFor(d, language), testsUri: (d, language) => descriptions.testsUriFor(d, language) },
    async (drills, run, token) => {
      for (const drill of drills) {
        if (token.isCancellationRequested) break;
        await late.checker?.check(drill, { run, token, notify: drills.length === 1, language: languageOf(drill) });
      }
    },
  ));
  const checker = (late.checker = push(new CheckService({
    sandboxScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'sandbox.js'),
    scratch, scoresFor, python, reviews, testing, statusBar, output,
    interviewRunning: () => late.interview?.running ?? false,
  })));
  const interview = late.interview = push(new InterviewController({
    context, repo, scores, pythonScores, ratings, reviews, scratch, checker, clock, output,
    openDrill: async (drill) => (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor,
  }));
  const learn = push(new LearnView({
    sandboxScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'sandbox.js'),
    descriptions, scratch, python, interview, statusIn, output,
    answerRevealed: (id) => scores.get(id)?.answerRevealed ?? false,
  }));
  const notices: string[] = [];
  const say = (message: string, level: 'info' | 'warning'): void => {
    notices.push(message);
    if (level === 'warning') {
      output.warn(message);
      void vscode.window.showWarningMessage(message);
    } else {
      output.info(message);
      void vscode.window.showInformationMessage(message);
    }
  };
  return { context, output, repo, scores, pythonScores, scoresFor, statusIn, languageOf, python, ratings, reviews, clock, scratch, descriptions, tree, treeView, testing, statusBar, checker, interview, learn, say, notices };
}
