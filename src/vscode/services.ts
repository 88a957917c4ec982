import * as vscode from 'vscode';
import { languageFor } from '../core/language';
import type { Drill, DrillStatus, Language } from '../core/model';
import { RatingStore } from '../core/ratings';
import { PYTHON_SCORES_KEY, ScoreStore } from '../core/scores';
import { config } from './config';
import { PythonTrackService } from './python';
import { CheckService } from './checker';
import { DrillDescriptions } from './drillDocument';
import { DrillRepository } from './drillRepository';
import { ScratchFiles } from './scratchFiles';
import { DrillStatusBar } from './statusBar';
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
  ratings: RatingStore;
  scratch: ScratchFiles;
  descriptions: DrillDescriptions;
  tree: DrillTreeProvider;
  treeView: vscode.TreeView<DrillNode>;
  testing: DrillTesting;
  statusBar: DrillStatusBar;
  checker: CheckService;
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
  const scores = new ScoreStore(context.workspaceState);
  const pythonScores = new ScoreStore(context.workspaceState, { key: PYTHON_SCORES_KEY });
  const scoresFor = (language: Language): ScoreStore => (language === 'python' ? pythonScores : scores);
  const statusIn = (id: string, language: Language): DrillStatus => scoresFor(language).status(id);
  const languageOf = (drill: Drill): Language => languageFor(drill, config.language()).language;
  const ratings = new RatingStore(context.workspaceState);
  push({ dispose: () => { scores.dispose(); pythonScores.dispose(); ratings.dispose(); } });
  const python = push(new PythonTrackService(vscode.Uri.joinPath(context.extensionUri, 'resources', 'python'), output));
  for (const p of [...scores.problems, ...pythonScores.problems, ...ratings.problems]) {
    output.warn(p);
    void vscode.window.showWarningMessage(`Interview Drills: ${p}`);
  }
  // Another window on this workspace may have recorded attempts or ratings: adopt them when this one is focused.
  push(vscode.window.onDidChangeWindowState((e) => {
    if (e.focused) void Promise.all([scores.refresh(), pythonScores.refresh(), ratings.refresh()]).catch((err: unknown) => output.warn(`Reloading the scores failed: ${String(err)}`));
  }));
  const scratch = new ScratchFiles(vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'scratch'), context.workspaceState);
  const descriptions = push(new DrillDescriptions((id) => repo.get(id), scores));
  const scoreChanged = new vscode.EventEmitter<void>();
  const scoreListeners = [scores.onDidChange(() => scoreChanged.fire()), pythonScores.onDidChange(() => scoreChanged.fire())];
  push({ dispose: () => { for (const l of scoreListeners) l.dispose(); scoreChanged.dispose(); } });
  const tree = push(new DrillTreeProvider({
    drills: () => repo.all(),
    status: (id) => {
      const drill = repo.get(id);
      return statusIn(id, drill ? languageOf(drill) : 'typescript');
    },
    languageOf,
    windowLanguage: () => config.language(),
    statusIn,
    onDidChange: [repo.onDidChange, scoreChanged.event, python.onDidChange],
  }));
  const treeView = push(vscode.window.createTreeView('interviewDrills.drills', { treeDataProvider: tree, showCollapseAll: true }));
  const statusBar = push(new DrillStatusBar());
  // The checker is created just below; the Test Explorer's run handler reaches it through this holder.
  const late: { checker?: CheckService } = {};
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
    scratch, scoresFor, python, testing, statusBar, output,
  })));
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
  return { context, output, repo, scores, pythonScores, scoresFor, statusIn, languageOf, python, ratings, scratch, descriptions, tree, treeView, testing, statusBar, checker, say, notices };
}
