import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HINT_COST } from '../../../src/core/interview';
import type { CheckOutcome } from '../../../src/vscode/checker';
import type { LearnShown } from '../../../src/vscode/learn';
import { InterviewController, SESSION_KEY } from '../../../src/vscode/interview';
import { answering, api, typeInto, waitFor } from './helpers';

const MIN = 60_000;

function tabOpen(label: string): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === label));
}

describe('mock interview', () => {
  after(async () => {
    const { services } = await api();
    if (services.interview.running) await services.interview.finish('stopped', false);
    services.clock.reset();
  });

  it('runs from start to report: spoken question with a timer, the checklist, coding with a countdown, a hint\'s cost, the report', async () => {
    const { services } = await api();
    const { interview } = services;
    const before = interview.history().length;
    const session = await vscode.commands.executeCommand<Awaited<ReturnType<InterviewController['start']>>>(
      'interviewDrills.startMockInterview', { lengthMinutes: 30, tiers: ['beginner', 'intermediate'] });
    assert.ok(session, 'an interview started');
    assert.equal(session.phase, 'spoken');
    assert.ok(session.plan.coding.length >= 1 && session.plan.coding.length <= 2);
    assert.ok(session.keyPoints.length >= 3, 'the spoken question has key points');
    await waitFor('the spoken question\'s page', () => tabOpen('Mock Interview'), 10_000);
    assert.match(interview.statusText, /Interview \(spoken answer\): [23]:\d\d left/);

    // Spoken answer done: the key points become a checklist; ticking two starts the coding phase.
    await interview.handleMessage({ command: 'done' });
    assert.equal(interview.current?.phase, 'checklist');
    await interview.handleMessage({ command: 'checklist', ticked: [0, 1] });
    const coding = interview.current!;
    assert.equal(coding.phase, 'coding');
    assert.deepEqual(coding.ticked, [0, 1]);
    assert.match(interview.statusText, /Interview \(coding\): 2[67]:\d\d left/);
    const drill = services.repo.get(coding.coding[0]!.id)!;
    const editor = vscode.window.activeTextEditor!;
    assert.equal(services.scratch.drillIdFor(editor.document.uri), drill.id, 'the first coding drill is open');
    assert.ok(editor.document.getText().includes(drill.stub.trim().split('\n')[0]!), 'from its stub');

    // Pause: time stands still; resume: it runs again.
    await vscode.commands.executeCommand('interviewDrills.pauseInterview');
    const left = interview.statusText.replace(/.*: /, '');
    assert.match(interview.statusText, /paused/);
    services.clock.advance(5 * MIN);
    assert.equal(interview.statusText.replace(/.*: /, ''), left);
    await vscode.commands.executeCommand('interviewDrills.resumeInterview');
    assert.doesNotMatch(interview.statusText, /paused/);

    // A hint costs points and is recorded; the answer stays locked.
    await answering('showInformationMessage', undefined, () => vscode.commands.executeCommand('interviewDrills.showHint', drill.id));
    assert.equal(interview.current?.coding[0]?.hints, 1);
    const { result: revealed, asked } = await answering('showWarningMessage', undefined,
      () => vscode.commands.executeCommand<boolean>('interviewDrills.revealAnswer', drill.id));
    assert.equal(revealed, false);
    assert.ok(asked.some((m) => /locked/.test(m)), asked.join(' | '));

    // The session survives a window reload: a controller built over the same workspace state (as activation does)
    // picks up the same session and countdown.
    assert.deepEqual(services.context.workspaceState.get(SESSION_KEY), interview.current);
    const again = new InterviewController({ ...services, openDrill: () => Promise.resolve(editor) });
    try {
      assert.deepEqual(again.current, interview.current);
      assert.equal(again.statusText, interview.statusText);
    } finally {
      again.dispose();
    }

    // A passing check of the drill counts for the interview.
    await typeInto(editor, drill.solution);
    const { result: outcome } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', drill.id));
    assert.equal(outcome.passed, true, outcome.result.summary);
    assert.equal(interview.current?.coding[0]?.checks, 1);
    assert.equal(interview.current?.coding[0]?.passed, true);
    // Solved, yet What This Drill Tests (the reference, the model answer) stays locked until the interview ends.
    const learn = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<LearnShown>('interviewDrills.whatThisDrillTests', drill.id));
    assert.equal(learn.result.open, false);
    assert.ok(learn.asked.some((m) => /A mock interview is running \(coding phase\)/.test(m)), learn.asked.join(' | '));

    // The report.
    const record = await vscode.commands.executeCommand<Awaited<ReturnType<InterviewController['finish']>>>('interviewDrills.finishInterview');
    assert.ok(record);
    assert.equal(interview.running, false);
    assert.equal(record.spoken.ticked, 2);
    assert.equal(record.score.recall, Math.round((200 / session.keyPoints.length)));
    assert.equal(record.coding[0]?.hints, 1);
    assert.equal(record.score.coding[0], 100 - HINT_COST);
    await waitFor('the report\'s page', () => tabOpen('Mock Interview Report'), 10_000);
    const html = interview.reportHtml!;
    assert.match(html, /Content-Security-Policy/);
    assert.ok(html.includes(`Overall: <strong>${record.score.overall}</strong>/100`));
    assert.ok(html.includes('Review next'));
    assert.ok(html.includes(`<td>${100 - HINT_COST}</td>`), 'the drill\'s score after the hint');
    assert.equal(interview.history().length, before + 1);
    assert.equal(services.context.workspaceState.get(SESSION_KEY), undefined);

    // The history exports as Markdown.
    const out = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drills-md-')), 'history.md'));
    await vscode.commands.executeCommand('interviewDrills.exportInterviewHistory', out);
    const md = fs.readFileSync(out.fsPath, 'utf8');
    assert.match(md, /^# Mock interviews/);
    assert.ok(md.includes(`| ${drill.title} |`), md);
    assert.ok(md.includes(`| 1 | yes | ${100 - HINT_COST} |`), md);
  });

  it('moves on when the time runs out: the spoken timer ends the answer, the countdown ends the interview', async () => {
    const { services } = await api();
    const { interview } = services;
    if (interview.running) await interview.finish('stopped', false);
    await vscode.commands.executeCommand('interviewDrills.startMockInterview', { lengthMinutes: 45, tiers: ['beginner', 'intermediate', 'scenario'] });
    services.clock.advance(3 * MIN + 1000);
    assert.equal(interview.current?.phase, 'checklist');
    await interview.handleMessage({ command: 'checklist', ticked: [] });
    assert.match(interview.statusText, /4[12]:\d\d left/);
    services.clock.advance(43 * MIN);
    assert.equal(interview.running, false);
    await waitFor('the report', () => interview.lastReport?.ended === 'time up');
    assert.equal(interview.lastReport?.score.recall, 0);
  });
});
