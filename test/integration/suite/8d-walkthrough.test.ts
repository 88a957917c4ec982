import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WALKTHROUGH_KEYS } from '../../../src/vscode/walkthrough';
import { api, EXTENSION_ID, waitFor } from './helpers';

describe('walkthrough', () => {
  it('is contributed with its five steps, each completing on a real event', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs = (ext.packageJSON as { contributes: { walkthroughs: { id: string; steps: { id: string; completionEvents: string[] }[] }[] } }).contributes.walkthroughs;
    assert.equal(walkthroughs[0]?.id, 'interviewDrills.start');
    assert.deepEqual(walkthroughs[0]?.steps.map((s) => s.id), ['openDrill', 'checkSolution', 'showHint', 'rate', 'mockInterview']);
    for (const s of walkthroughs[0]!.steps) assert.match(s.completionEvents[0]!, /^onContext:interviewDrills\./);
  });

  it('opens', async () => {
    await vscode.commands.executeCommand('interviewDrills.openWalkthrough');
    await waitFor('the walkthrough tab', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => /Welcome|Walkthrough|Practise for a Python/.test(t.label))), 15_000);
  });

  it('set the step keys on the real events earlier in this session (open, check, hint, rate)', async () => {
    const { walkthroughDone } = await api();
    for (const key of Object.values(WALKTHROUGH_KEYS)) assert.ok(walkthroughDone.has(key), key);
  });
});
