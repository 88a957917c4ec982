import * as vscode from 'vscode';
import { Clock } from '../core/clock';
import { RATINGS_KEY, RatingStore } from '../core/ratings';
import { REVIEWS_KEY, ReviewStore } from '../core/reviewStore';
import { ScoreStore } from '../core/scores';
import { CheckService } from './checker';
import { DrillDescriptions } from './drillDocument';
import { DrillRepository } from './drillRepository';
import { ScratchFiles } from './scratchFiles';
import { DrillStatusBar } from './statusBar';
import { InterviewController } from './interview';
import { DrillTesting } from './testing';
import { DrillTreeProvider, type DrillNode } from './tree';

/** Everything that lives as long as the extension, built once in activate() and disposed with it. */
export interface Services {
  context: vscode.ExtensionContext;
  output: vscode.LogOutputChannel;
  repo: DrillRepository;
  scores: ScoreStore;
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
  // Ratings and the review schedule follow the user from machine to machine; scores stay with the workspace.
  const ratings = new RatingStore(context.globalState, { now });
  const reviews = new ReviewStore(context.globalState, { now });
  context.globalState.setKeysForSync([RATINGS_KEY, REVIEWS_KEY]);
  push({ dispose: () => { scores.dispose(); ratings.dispose(); reviews.dispose(); clock.dispose(); } });
  for (const p of [...scores.problems, ...ratings.problems, ...reviews.problems]) {
    output.warn(p);
    void vscode.window.showWarningMessage(`Interview Drills: ${p}`);
  }
  // Another window on this workspace may have recorded attempts or ratings: adopt them when this one is focused.
  push(vscode.window.onDidChangeWindowState((e) => {
    if (e.focused) void Promise.all([scores.refresh(), ratings.refresh(), reviews.refresh()]).catch((err: unknown) => output.warn(`Reloading the scores failed: ${String(err)}`));
  }));
  const scratch = new ScratchFiles(vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'scratch'), context.workspaceState);
  const descriptions = push(new DrillDescriptions((id) => repo.get(id), scores));
  // The tree listens to the stores it shows (core events are vscode.Event-shaped), and to the clock for what is due.
  const tree = push(new DrillTreeProvider({
    drills: () => repo.all(),
    status: (id) => scores.status(id),
    due: () => reviews.due(),
    now,
    onDidChange: [repo.onDidChange, scores.onDidChange, reviews.onDidChange, clock.onDidChange],
  }));
  const treeView = push(vscode.window.createTreeView('interviewDrills.drills', { treeDataProvider: tree, showCollapseAll: true }));
  const statusBar = push(new DrillStatusBar({
    counts: () => {
      const drills = repo.all();
      return { passed: drills.filter((d) => scores.status(d.id) === 'passed').length, total: drills.length };
    },
    onDidChange: [repo.onDidChange, scores.onDidChange],
  }));
  // The checker is created just below; the Test Explorer's run handler reaches it through this holder.
  const late: { checker?: CheckService } = {};
  const testing = push(new DrillTesting(
    { scratchUri: (d) => scratch.uriFor(d), testsUri: (d) => descriptions.testsUriFor(d) },
    async (drills, run, token) => {
      for (const drill of drills) {
        if (token.isCancellationRequested) break;
        await late.checker?.check(drill, { run, token, notify: drills.length === 1 });
      }
    },
  ));
  const checker = (late.checker = push(new CheckService({
    sandboxScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'sandbox.js'),
    scratch, scores, reviews, testing, statusBar, output,
  })));
  const interview = push(new InterviewController({
    context, repo, scores, ratings, reviews, scratch, checker, clock, output,
    openDrill: async (drill) => (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor,
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
  return { context, output, repo, scores, ratings, reviews, clock, scratch, descriptions, tree, treeView, testing, statusBar, checker, interview, say, notices };
}
