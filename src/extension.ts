import * as vscode from 'vscode';
import { AssessmentPanel, registerAssessmentSerializer } from './vscode/assessmentPanel';
import { registerCommands, ScratchCodeLens } from './vscode/commands';
import { affects, ignoredSettingsNotice, ignoredWorkspaceSettings } from './vscode/config';
import { createServices, type Services } from './vscode/services';

/** What activate() returns: the live services, for the integration tests (and other extensions, read-only). */
export interface InterviewDrillsApi {
  services: Services;
  activationMs: number;
  /** The value last given to the `interviewDrills.isScratchFile` context key (the ▶ button, CodeLens and shortcut). */
  isScratchFileActive(): boolean;
}

export async function activate(context: vscode.ExtensionContext): Promise<InterviewDrillsApi> {
  const started = performance.now();
  try {
    const s = createServices(context);
    const push = (...d: vscode.Disposable[]) => context.subscriptions.push(...d);
    push(...registerCommands(s));

    const panelDeps = {
      extensionUri: context.extensionUri,
      getDrills: () => [...s.repo.all()],
      scores: s.scores,
      ratings: s.ratings,
      openDrill: (id: string) => vscode.commands.executeCommand('interviewDrills.openDrill', id),
      log: (message: string) => s.output.warn(message),
    };
    push(vscode.commands.registerCommand('interviewDrills.openAssessment', () => AssessmentPanel.createOrShow(panelDeps)));
    push(registerAssessmentSerializer(context, panelDeps));

    const lens = new ScratchCodeLens(s);
    push(vscode.languages.registerCodeLensProvider({ language: 'typescript' }, lens));

    // "Start Here": a welcome view above the tree until the first drill is checked.
    push(vscode.window.createTreeView('interviewDrills.start', { treeDataProvider: { getTreeItem: (e: never) => e, getChildren: () => [] } }));
    const updateCounts = () => {
      const drills = s.repo.all();
      s.statusBar.update(drills.filter((d) => s.scores.status(d.id) === 'passed').length, drills.length);
      const nothingTried = drills.length > 0 && drills.every((d) => s.scores.status(d.id) === 'untried');
      void vscode.commands.executeCommand('setContext', 'interviewDrills.nothingTried', nothingTried);
    };
    let scratchActive = false;
    const updateActive = (editor: vscode.TextEditor | undefined) => {
      const isScratch = (scratchActive = !!editor && s.scratch.drillIdFor(editor.document.uri) !== undefined);
      void vscode.commands.executeCommand('setContext', 'interviewDrills.isScratchFile', isScratch);
      if (isScratch) s.checker.warmUp();
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
    const scoreListener = s.scores.onDidChange(() => {
      updateCounts();
      lens.refresh();
    });
    push(
      { dispose: () => scoreListener.dispose() },
      s.repo.onDidChange(() => {
        s.testing.setDrills(s.repo.all());
        updateCounts();
        lens.refresh();
        AssessmentPanel.current?.refresh();
      }),
      s.checker.onDidCheck(() => AssessmentPanel.current?.refresh()),
      vscode.window.onDidChangeActiveTextEditor(updateActive),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affects(e, 'extraQuestionFolders')) void s.repo.load();
        if (affects(e, 'scratchFolder')) void followScratchFolder();
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
    const activationMs = performance.now() - started;
    s.output.info(`Activated in ${activationMs.toFixed(1)} ms.`);
    return { services: s, activationMs, isScratchFileActive: () => scratchActive };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`Interview Drills failed to start: ${message}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything, the sandbox runner included, is disposed through context.subscriptions.
}
