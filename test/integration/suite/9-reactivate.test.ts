import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate } from '../../../src/extension';
import { api, waitFor } from './helpers';

// Runs last: it disposes the first activation's registrations and activates the extension's code again.
describe('reactivation', () => {
  it('keeps scores across a reactivation of the extension', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const context = services.context;
    const score = services.scores.get(drill.id);
    assert.ok(score?.firstPassedAt);
    // Dispose everything the extension registered (as closing the window does), then run activate() again over
    // the same workspace state.
    const sandbox = services.checker.sandboxPid;
    assert.ok(sandbox, 'a warm sandbox runs');
    for (const d of context.subscriptions.splice(0)) d.dispose();
    await waitFor('the sandbox process to end', () => {
      try {
        process.kill(sandbox, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 10_000);
    const again = await activate(context);
    assert.notEqual(again.services.scores, services.scores);
    assert.deepEqual(again.services.scores.get(drill.id), score);
    assert.equal(again.services.scores.status(drill.id), 'passed');
    assert.equal((again.services.tree.getTreeItem(again.services.tree.nodeFor(drill)).iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.match(again.services.statusBar.text, /Drills: [1-9]\d*\/\d+ solved/);
  });
});
