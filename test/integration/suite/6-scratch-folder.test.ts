import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scratchText } from '../../../src/core/scratch';
import { api } from './helpers';

// interviewDrills.scratchFolder: scratch files in a folder of the workspace instead of the extension's storage.
describe('scratch folder setting', () => {
  const cfg = () => vscode.workspace.getConfiguration('interviewDrills');

  after(async () => {
    await cfg().update('scratchFolder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens drills as files of the workspace folder, with the tsconfig beside them, and knows them as scratch files', async () => {
    const { services } = await api();
    const drill = services.repo.all()[2]!;
    const defaultUri = services.scratch.uriFor(drill);
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    await cfg().update('scratchFolder', 'my-drills', vscode.ConfigurationTarget.Global);
    const expected = vscode.Uri.joinPath(root, 'my-drills', `${drill.id}.ts`);
    assert.equal(services.scratch.uriFor(drill).toString(), expected.toString());
    assert.notEqual(expected.toString(), defaultUri.toString());

    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    assert.equal(editor.document.uri.toString(), expected.toString());
    assert.equal(editor.document.getText(), scratchText(drill));
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, 'my-drills', 'tsconfig.json'));
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, 'my-drills', 'drills-env.d.ts'));
    assert.equal(services.scratch.drillIdFor(expected), drill.id);
    assert.equal(services.scratch.drillIdFor(defaultUri), undefined, 'the storage copy is no longer the scratch file');
  });
});
