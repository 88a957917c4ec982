import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, typeInto, waitFor } from '../suite/helpers';

// This session's workspace is not trusted, and its .vscode/settings.json sets both restricted settings:
// extraQuestionFolders to a pack inside it, scratchFolder to a folder outside it (scripts/run-integration.mjs).
describe('an untrusted workspace (Restricted Mode)', () => {
  it('is really untrusted, and the extension is active in it', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const { services } = await api();
    assert.ok(services.repo.all().length > 0);
  });

  it('loads the bundled drills only: the workspace\'s question folder is ignored', async () => {
    const { services } = await api();
    const bundledIds = services.repo.all().map((d) => d.id);
    assert.equal(services.repo.get('workspace-only-drill'), undefined);
    assert.ok(services.repo.all().every((d) => d.source.file.startsWith(path.join(services.context.extensionUri.fsPath, 'questions'))), 'every drill is bundled');
    assert.deepEqual(services.repo.problems(), []);
    // Reloading does not bring it in either.
    await vscode.commands.executeCommand('interviewDrills.refresh');
    assert.deepEqual(services.repo.all().map((d) => d.id), bundledIds);
  });

  it('says once, clearly, that both settings are ignored and why', async () => {
    const { services } = await api();
    const notices = services.notices.filter((n) => /not trusted/.test(n));
    assert.equal(notices.length, 1, services.notices.join('\n'));
    assert.match(notices[0]!, /interviewDrills\.extraQuestionFolders and interviewDrills\.scratchFolder settings are ignored/);
    assert.match(notices[0]!, /bundled pack/);
    assert.match(notices[0]!, /scratch files go to ~\/\.interview-drills/);
    assert.match(notices[0]!, /Trust the workspace/);
  });

  it('keeps scratch files in ~/.interview-drills: never in the untrusted workspace, never where its settings say', async () => {
    const { services } = await api();
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const outside = path.resolve(root, '..', 'outside-the-workspace');
    assert.equal(services.scratch.folder().toString(), services.scratch.defaultFolder.toString());
    assert.equal(services.scratch.folder().fsPath, path.join(os.homedir(), '.interview-drills'));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.file(path.join(root, '.drills')))), 'no .drills in an untrusted workspace');
    const drill = services.repo.all()[0]!;
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    assert.ok(editor.document.uri.fsPath.startsWith(services.scratch.defaultFolder.fsPath));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.file(outside))), 'nothing is written outside the workspace');
  });

  it('checks a drill from the bundled pack: the reference solution passes and is recorded', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    await typeInto(editor, drill.solution);
    const outcome = (await vscode.commands.executeCommand('interviewDrills.checkSolution')) as { passed: boolean; result: { summary: string } };
    assert.equal(outcome.passed, true, outcome.result.summary);
    await waitFor('the attempt to be recorded', () => services.scores.status(drill.id) === 'passed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
