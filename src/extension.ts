import * as vscode from 'vscode';
import { AssessmentPanel, registerAssessmentSerializer } from './vscode/assessmentPanel';
import { registerCommands, ScratchCodeLens } from './vscode/commands';
import { affects } from './vscode/config';
import { createServices, type Services } from './vscode/services';

/** What activate() returns: the live services, for the integration tests (and other extensions, read-only). */
export interface InterviewDrillsApi {
  services: Services;
  activationMs: number;
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
    const updateActive = (editor: vscode.TextEditor | undefined) => {
      const isScratch = !!editor && s.scratch.drillIdFor(editor.document.uri) !== undefined;
      void vscode.commands.executeCommand('setContext', 'interviewDrills.isScratchFile', isScratch);
      if (isScratch) s.checker.warmUp();
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
        if (affects(e, 'scratchFolder')) {
          updateActive(vscode.window.activeTextEditor);
          lens.refresh();
        }
      }),
    );
    await s.repo.load();
    updateActive(vscode.window.activeTextEditor);
    const activationMs = performance.now() - started;
    s.output.info(`Activated in ${activationMs.toFixed(1)} ms.`);
    return { services: s, activationMs };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`Interview Drills failed to start: ${message}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything, the sandbox runner included, is disposed through context.subscriptions.
}
