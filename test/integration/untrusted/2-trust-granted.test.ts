import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from '../suite/helpers';

// Runs after 1-restricted-mode: the user trusts the workspace (scripts/run-integration.mjs clicks "Trust" in the
// Workspace Trust editor when it sees the line below); the workspace's settings apply without a window reload.
describe('trust granted later', () => {
  it('reloads the drills with the workspace\'s question folder and applies (here: refuses) its scratch folder', async function () {
    this.timeout(90_000);
    const { services } = await api();
    assert.equal(vscode.workspace.isTrusted, false);
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    await vscode.commands.executeCommand('workbench.trust.manage');
    console.log('DRILLS_GRANT_TRUST');
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);
    await waitFor('the workspace\'s own drill', () => services.repo.get('workspace-only-drill'));
    // "../outside-the-workspace" is now read from the workspace's settings, and refused.
    const notice = await waitFor('the refusal', () => services.notices.find((n) => n.includes('scratchFolder ("../outside-the-workspace") is not used')));
    assert.match(notice, /it is outside the workspace/);
    assert.equal(services.scratch.folder().toString(), services.scratch.defaultFolder.toString());
  });
});
