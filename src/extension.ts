import * as vscode from 'vscode';
import { AssessmentPanel, registerAssessmentSerializer } from './vscode/assessmentPanel';
import { registerCommands, ScratchCodeLens } from './vscode/commands';
import { solvedCount } from './core/language';
import { LANGUAGE_LABELS } from './core/model';
import { affects, config, ignoredSettingsNotice, ignoredWorkspaceSettings } from './vscode/config';
import { moveRatings } from './core/ratings';
import { createServices, type Services } from './vscode/services';
import { openWalkthrough, registerWalkthroughKeys } from './vscode/walkthrough';

/** What activate() returns: the live services, for the integration tests (and other extensions, read-only). */
export interface InterviewDrillsApi {
  services: Services;
  activationMs: number;
  /** The value last given to the `interviewDrills.isScratchFile` context key (the ▶ button, CodeLens and shortcut). */
  isScratchFileActive(): boolean;
  /** The walkthrough's context keys set so far in this window. */
  walkthroughDone: ReadonlySet<string>;
}

export async function activate(context: vscode.ExtensionContext): Promise<InterviewDrillsApi> {
  const started = performance.now();
  try {
    // Ratings used to be kept per workspace; they now live in the global state, synced across machines.
    await moveRatings(context.workspaceState, context.globalState).catch((e: unknown) =>
      void vscode.window.showWarningMessage(`Interview Drills: moving your ratings to the global state failed (${e instanceof Error ? e.message : String(e)}); they stay in this workspace.`));
    const s = createServices(context);
    const push = (...d: vscode.Disposable[]) => context.subscriptions.push(...d);
    push(...registerCommands(s));
    const walkthroughDone = new Set<string>();
    push(...registerWalkthroughKeys(s, walkthroughDone));
    push(vscode.commands.registerCommand('interviewDrills.openWalkthrough', () => openWalkthrough(context.extension.id)));

    const panelDeps = {
      extensionUri: context.extensionUri,
      getDrills: () => [...s.repo.all()],
      scores: s.scores,
      pythonScores: s.pythonScores,
      ratings: s.ratings,
      interviews: s.interview,
      onDidChangeDrills: s.repo.onDidChange,
      openDrill: (id: string) => vscode.commands.executeCommand('interviewDrills.openDrill', id),
      log: (message: string) => s.output.warn(message),
    };
    push(vscode.commands.registerCommand('interviewDrills.openAssessment', () => AssessmentPanel.createOrShow(panelDeps)));
    push(registerAssessmentSerializer(context, panelDeps));

    const lens = new ScratchCodeLens(s);
    push(lens);
    push(vscode.languages.registerCodeLensProvider([{ language: 'typescript' }, { language: 'python' }], lens));

    // "Start Here": a welcome view above the tree until the first drill is checked.
    push(vscode.window.createTreeView('interviewDrills.start', { treeDataProvider: { getTreeItem: (e: never) => e, getChildren: () => [] } }));
    const updateNothingTried = () => {
      const drills = s.repo.all();
      const language = config.language();
      const { passed, total } = solvedCount(drills, language, s.statusIn);
      const python = s.python.state;
      const problem = language === 'python' && python.kind === 'unavailable' ? python.message : undefined;
      s.statusBar.update(passed, total, LANGUAGE_LABELS[language], problem);
      // Above the tree: why the Python track cannot check anything, while the window works in Python.
      s.treeView.message = problem ? `Python track unavailable: ${problem}` : undefined;
      const nothingTried = drills.length > 0 && drills.every((d) => s.scores.status(d.id) === 'untried' && s.pythonScores.status(d.id) === 'untried');
      void vscode.commands.executeCommand('setContext', 'interviewDrills.nothingTried', nothingTried);
      void vscode.commands.executeCommand('setContext', 'interviewDrills.language', language);
    };
    let scratchActive = false;
    const updateActive = (editor: vscode.TextEditor | undefined) => {
      const of = editor && s.scratch.scratchOf(editor.document.uri);
      const isScratch = (scratchActive = of !== undefined);
      void vscode.commands.executeCommand('setContext', 'interviewDrills.isScratchFile', isScratch);
      if (of) s.checker.warmUp(of.language);
    };
    // The scratch folder setting changed (or trust was granted): new files go to the new folder at once; the old
    // folder's files are offered a move, and their tabs keep working meanwhile.
    const followScratchFolder = async () => {
      const done = s.scratch.followSetting(s.say);
      updateActive(vscode.window.activeTextEditor);
      lens.refresh();
      await done;
      updateActive(vscode.window.activeTextEditor);
      lens.refresh();
    };
    // The tree, the status bar, the CodeLens and the panel listen to the stores they show; the Test Explorer's items,
    // the status bar's language, the Python track's state and the Start Here context key are kept up to date here.
    const scoreListeners = [s.scores, s.pythonScores].map((store) => store.onDidChange(updateNothingTried));
    push(
      { dispose: () => { for (const l of scoreListeners) l.dispose(); } },
      s.repo.onDidChange(() => {
        s.testing.setDrills(s.repo.all());
        updateNothingTried();
      }),
      s.python.onDidChange(() => updateNothingTried()),
      vscode.window.onDidChangeActiveTextEditor(updateActive),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affects(e, 'extraQuestionFolders')) void s.repo.load();
        if (affects(e, 'scratchFolder')) void followScratchFolder();
        if (affects(e, 'language')) {
          updateNothingTried();
          s.tree.refresh();
          lens.refresh();
          if (config.language() === 'python') void s.python.discover();
        }
      }),
      // Trust granted later: the workspace's question folders and scratch folder apply from now on.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        s.output.info('The workspace is now trusted: reloading the drills with its settings.');
        void s.repo.load();
        void followScratchFolder();
      }),
    );
    const ignored = ignoredWorkspaceSettings();
    if (ignored.length > 0) s.say(ignoredSettingsNotice(ignored), 'warning');
    // Scratch files of versions before 0.1.0 (in the extension's storage) are offered a move to the short folder.
    void followScratchFolder().then(() => s.scratch.offerLegacyMove(s.say)).then(() => {
      updateActive(vscode.window.activeTextEditor);
      lens.refresh();
    }, (e: unknown) => s.output.warn(`Moving the old scratch files failed: ${String(e)}`));
    await s.repo.load();
    updateActive(vscode.window.activeTextEditor);
    // The Python track's interpreter is looked for in the background: the tree and status bar say if it is missing.
    if (config.language() === 'python') void s.python.discover();
    const activationMs = performance.now() - started;
    s.output.info(`Activated in ${activationMs.toFixed(1)} ms.`);
    return { services: s, activationMs, isScratchFileActive: () => scratchActive, walkthroughDone };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`Interview Drills failed to start: ${message}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything, the sandbox runner included, is disposed through context.subscriptions.
}
