import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nextDrill } from '../../../src/core/assessment';
import { TOPIC_IDS } from '../../../src/core/topics';
import { AssessmentPanel, type AssessmentDeps } from '../../../src/vscode/assessmentPanel';
import { answering, api, waitFor } from './helpers';

// The extension runs from its bundle (dist/extension.js); this file imports the panel module from out/, a second copy.
// The command is checked through the bundle (tabs); the panel's behaviour through this copy, over the live services.
function assessmentTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(AssessmentPanel.viewType));
}

async function closeAssessmentTabs(): Promise<void> {
  const tabs = assessmentTabs();
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

describe('self-assessment panel', () => {
  let deps: AssessmentDeps;
  const opened: string[] = [];

  before(async () => {
    const { services } = await api();
    await services.ratings.resetAll();
    await closeAssessmentTabs();
    deps = {
      extensionUri: services.context.extensionUri,
      getDrills: () => [...services.repo.all()],
      scores: services.scores,
      ratings: services.ratings,
      openDrill: (id) => {
        opened.push(id);
        return vscode.commands.executeCommand('interviewDrills.openDrill', id);
      },
    };
  });

  after(async () => {
    AssessmentPanel.current?.dispose();
    await closeAssessmentTabs();
    const { services } = await api();
    await services.ratings.resetAll();
  });

  it('Open Self-Assessment opens one panel; running it again reveals the same one', async () => {
    await vscode.commands.executeCommand('interviewDrills.openAssessment');
    await waitFor('the assessment tab', () => assessmentTabs().length === 1 || undefined);
    await vscode.commands.executeCommand('interviewDrills.openAssessment');
    assert.equal(assessmentTabs().length, 1);
    await closeAssessmentTabs();
  });

  it('loads the page under its CSP: the script runs, says ready and receives the whole state', async () => {
    const panel = AssessmentPanel.createOrShow(deps);
    assert.equal(AssessmentPanel.createOrShow(deps), panel, 'one panel');
    assert.equal(panel.panel.viewType, 'interviewDrills.assessment');
    const state = await waitFor('the page to say ready', () => panel.lastState, 30_000);
    assert.equal(panel.isReady, true);
    assert.deepEqual(state.topics.map((t) => t.topic), TOPIC_IDS);
    assert.equal(state.summary.drillsTotal, deps.getDrills().length);
    assert.equal(state.summary.averageConfidence, undefined);
    assert.ok(state.tips.length > 0);
    assert.ok(panel.panel.webview.html.includes("default-src 'none'"));
    assert.ok(!panel.panel.webview.html.includes('unsafe-inline'));
  });

  it('rates a topic through the same path as the page, stores it and posts the new state', async () => {
    const { services } = await api();
    const panel = AssessmentPanel.current!;
    await panel.handleMessage({ command: 'setRating', args: { topic: 'regex', rating: 2 }, req: 1 });
    assert.equal(services.ratings.get('regex'), 2);
    assert.deepEqual(services.context.globalState.get('interviewDrills.ratings'), { version: 1, ratings: { regex: 2 } });
    const regex = panel.lastState!.topics.find((t) => t.topic === 'regex')!;
    assert.equal(regex.rating, 2);
    assert.equal(regex.weak, true);
    assert.equal(panel.lastState!.summary.averageConfidence, 2);
    assert.equal(panel.lastState!.summary.weakest?.topic, 'regex');
    await panel.handleMessage({ command: 'clearRating', args: { topic: 'regex' } });
    assert.equal(services.ratings.get('regex'), undefined);
    assert.equal(panel.lastState!.summary.averageConfidence, undefined);
  });

  it('refuses malformed messages without changing anything', async () => {
    const { services } = await api();
    const panel = AssessmentPanel.current!;
    await panel.handleMessage({ command: 'setRating', args: { topic: 'regex', rating: 4 } });
    const before = panel.lastState;
    for (const bad of [
      { command: 'setRating', args: { topic: 'regex', rating: 9 } },
      { command: 'setRating', args: { topic: 'cobol', rating: 3 } },
      { command: 'eval', args: 'x' },
      'setRating',
      null,
    ]) {
      await panel.handleMessage(bad);
    }
    assert.deepEqual(services.ratings.all(), { regex: 4 });
    assert.equal(panel.lastState, before, 'no new state was posted');
  });

  it('follows the score store: a recorded check shows in the state without a refresh call', async () => {
    const { services } = await api();
    const panel = AssessmentPanel.current!;
    // A failing check leaves every drill's status as it was (the other suites rely on the first drill being solved).
    const drill = services.repo.all()[1]!;
    const topic = () => panel.lastState!.topics.find((t) => t.topic === drill.topic)!;
    const attemptsBefore = topic().attempts;
    const statusBefore = services.scores.status(drill.id);
    const score = await services.scores.recordAttempt(drill.id, { passed: 0, total: 2, durationMs: 5, verdict: 'failed' });
    assert.equal(topic().attempts, attemptsBefore + 1);
    assert.equal(topic().lastPractised, score.last!.at);
    assert.equal(topic().drillRefs.find((d) => d.id === drill.id)?.status, statusBefore === 'passed' ? 'passed' : 'failed');
  });

  it('Reset ratings asks first, and only resets on "Reset"', async () => {
    const { services } = await api();
    const panel = AssessmentPanel.current!;
    await services.ratings.set('file-io', 5);
    const kept = await answering('showWarningMessage', undefined, () => panel.handleMessage({ command: 'resetRatings' }));
    assert.equal(kept.asked.length, 1);
    assert.match(kept.asked[0]!, /Reset every self-assessment rating/);
    assert.equal(services.ratings.get('file-io'), 5);
    await answering('showWarningMessage', 'Reset', () => panel.handleMessage({ command: 'resetRatings' }));
    assert.deepEqual(services.ratings.all(), {});
    assert.equal(panel.lastState!.summary.ratedTopics, 0);
  });

  it('Practise opens the topic\'s next drill; an unknown drill id opens nothing', async () => {
    const { services } = await api();
    const panel = AssessmentPanel.current!;
    const drill = services.repo.all().find((d) => services.scores.status(d.id) !== 'passed')!;
    const expected = nextDrill(drill.topic, services.repo.all(), services.scores.all())!;
    opened.length = 0;
    await panel.handleMessage({ command: 'practise', args: { topic: drill.topic } });
    assert.deepEqual(opened, [expected.id]);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), services.scratch.uriFor(expected).toString());
    await panel.handleMessage({ command: 'openDrill', args: { id: 'no-such-drill' } });
    assert.deepEqual(opened, [expected.id]);
  });

  it('closing the panel forgets it; the next open starts a new one', async () => {
    const first = AssessmentPanel.current!;
    first.panel.dispose();
    assert.equal(AssessmentPanel.current, undefined);
    const second = AssessmentPanel.createOrShow(deps);
    assert.notEqual(second, first);
    await waitFor('the new page to say ready', () => second.lastState, 30_000);
    second.dispose();
    assert.equal(AssessmentPanel.current, undefined);
  });
});
