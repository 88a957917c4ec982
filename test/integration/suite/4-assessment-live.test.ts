import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AssessmentPanel } from '../../../src/vscode/assessmentPanel';
import type { CheckOutcome } from '../../../src/vscode/checker';
import { answering, api, waitFor } from './helpers';

// The panel the extension itself opens (from its bundle), driven through the command and the message protocol.
describe('self-assessment panel, end to end', () => {
  async function open(): Promise<AssessmentPanel> {
    const panel = await vscode.commands.executeCommand<AssessmentPanel>('interviewDrills.openAssessment');
    await waitFor('the page to say ready', () => panel.lastState, 30_000);
    return panel;
  }

  after(async () => {
    const { services } = await api();
    await services.ratings.resetAll();
  });

  it('keeps ratings across closing and reopening the panel', async () => {
    const { services } = await api();
    await services.ratings.resetAll();
    const panel = await open();
    await panel.handleMessage({ command: 'setRating', args: { topic: 'subprocess', rating: 4 }, req: 7 });
    await panel.handleMessage({ command: 'setRating', args: { topic: 'regex', rating: 1 } });
    assert.equal(panel.lastState!.topics.find((t) => t.topic === 'subprocess')!.rating, 4);
    panel.dispose();
    await waitFor('the panel to close', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .every((t) => !(t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('interviewDrills.assessment'))) || undefined);

    const reopened = await open();
    assert.notEqual(reopened, panel);
    const byTopic = new Map(reopened.lastState!.topics.map((t) => [t.topic, t]));
    assert.equal(byTopic.get('subprocess')!.rating, 4);
    assert.equal(byTopic.get('regex')!.rating, 1);
    assert.equal(byTopic.get('regex')!.weak, true);
    assert.deepEqual(services.context.globalState.get('interviewDrills.ratings'), { version: 1, ratings: { subprocess: 4, regex: 1 } });
  });

  it('updates the measured figures of a topic when a check passes while it is open', async () => {
    const { services } = await api();
    const drill = services.repo.all().find((d) => services.scores.status(d.id) !== 'passed')!;
    // The solution is in the drill's scratch file; the panel stays in view while the check runs.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await services.scratch.reset(drill);
    await vscode.workspace.fs.writeFile(services.scratch.uriFor(drill), new TextEncoder().encode(drill.solution));
    const panel = await open();
    assert.ok(panel.panel.visible);
    const before = panel.lastState!.topics.find((t) => t.topic === drill.topic)!;
    const { result } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', drill.id));
    assert.equal(result.passed, true, result.result.summary);
    const after = await waitFor('the panel to show the new figures', () => {
      const t = panel.lastState!.topics.find((x) => x.topic === drill.topic)!;
      return t.passed > before.passed ? t : undefined;
    });
    assert.equal(after.passed, before.passed + 1);
    assert.equal(after.attempts, before.attempts + 1);
    assert.ok(after.lastPractised && after.lastPractised !== before.lastPractised);
    assert.equal(panel.lastState!.summary.drillsPassed, services.repo.all().filter((d) => services.scores.status(d.id) === 'passed').length);
    panel.dispose();
  });
});
