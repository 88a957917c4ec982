import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering, api, waitFor } from '../suite/helpers';

// Runs after 1-restricted-mode: the user trusts the workspace (scripts/run-integration.mjs clicks "Trust" in the
// Workspace Trust editor when it sees the line below); the workspace's settings apply without a window reload.
describe('trust granted later', () => {
  it('reloads the drills with the workspace\'s question folder and applies (here: refuses) its scratch folder', async function () {
    this.timeout(90_000);
    const { services } = await api();
    assert.equal(vscode.workspace.isTrusted, false);
    const home = services.scratch.folder();
    const drill = services.repo.all()[0]!;
    assert.ok(await services.scratch.exists(drill), 'a scratch file was written in Restricted Mode');
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    // Trusting the workspace moves the default folder to its .drills: the files written meanwhile are offered a move.
    const { asked } = await answering('showInformationMessage', 'Move Them', async () => {
      await vscode.commands.executeCommand('workbench.trust.manage');
      console.log('DRILLS_GRANT_TRUST');
      await granted;
      await waitFor('the move to be reported', () => services.notices.find((n) => n.startsWith('Interview Drills: moved')));
    });
    assert.equal(vscode.workspace.isTrusted, true);
    await waitFor('the workspace\'s own drill', () => services.repo.get('workspace-only-drill'));
    // "../outside-the-workspace" is now read from the workspace's settings, and refused.
    const notice = await waitFor('the refusal', () => services.notices.find((n) => n.includes('scratchFolder ("../outside-the-workspace") is not used')));
    assert.match(notice, /it is outside the workspace/);
    assert.equal(services.scratch.folder().toString(), services.scratch.defaultFolder.toString());
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    assert.equal(services.scratch.folder().toString(), vscode.Uri.joinPath(root, '.drills').toString());
    assert.match(asked.join('\n'), /scratch files now go to .*\.drills\. Move your 1 scratch file from ~\/\.interview-drills there\?/);
    assert.ok(await services.scratch.exists(drill), 'the file moved to .drills');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(home, `${drill.id}.ts`))));
  });
});
