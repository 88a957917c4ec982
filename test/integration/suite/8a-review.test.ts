import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckOutcome } from '../../../src/vscode/checker';
import type { DrillNode } from '../../../src/vscode/tree';
import { answering, api, typeInto } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('spaced review', () => {
  before(async () => {
    const { services } = await api();
    await services.reviews.resetAll();
  });
  after(async () => {
    const { services } = await api();
    services.clock.reset();
    await services.reviews.resetAll();
  });

  it('a solved drill appears under "Due for review" once the clock reaches its day, and Next Drill reopens it from its stub', async () => {
    const { services } = await api();
    const drill = services.repo.all().find((d) => d.tier === 'intermediate')!;
    await services.scratch.reset(drill);
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    await typeInto(editor, drill.solution);
    const { result: outcome } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', drill.id));
    assert.equal(outcome.passed, true, outcome.result.summary);

    // The check scheduled the review a day ahead, in the global state (synced).
    const entry = services.reviews.get(drill.id);
    assert.ok(entry, 'the pass scheduled a review');
    assert.equal(Date.parse(entry.dueAt) - Date.parse(entry.lastAt), DAY);
    const stored = services.context.globalState.get<{ version: number; reviews: Record<string, unknown> }>('interviewDrills.reviews');
    assert.ok(stored?.reviews[drill.id]);
    const roots = () => services.tree.getChildren();
    assert.notEqual(roots()[0]?.kind, 'due', 'nothing is due yet');

    // A day later (the injected clock), the tree shows the group on top, with the drill in it.
    let treeChanged = false;
    const listener = services.tree.onDidChangeTreeData(() => (treeChanged = true));
    services.clock.advance(DAY + 60_000);
    listener.dispose();
    assert.ok(treeChanged, 'the tree refreshed itself when the clock moved');
    const due = roots()[0]!;
    assert.equal(due.kind, 'due');
    assert.equal(services.tree.getTreeItem(due).label, 'Due for review (1)');
    const [review] = services.tree.getChildren(due) as Extract<DrillNode, { kind: 'review' }>[];
    assert.equal(review?.drill.id, drill.id);
    const item = services.tree.getTreeItem(review!);
    assert.match(String(item.description), /due today/);
    assert.equal(item.command?.command, 'interviewDrills.startReview');

    // Next Drill (from another drill: the one open now is never "next") picks the due review, says why, and opens it
    // from its stub; the score history is kept.
    const other = services.repo.all().find((d) => d.id !== drill.id)!;
    await vscode.commands.executeCommand('interviewDrills.openDrill', other.id);
    const attempts = services.scores.get(drill.id)!.attempts;
    const { result: opened, asked } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<vscode.TextEditor>('interviewDrills.openNextDrill'));
    assert.ok(asked.some((m) => m.includes(drill.title) && m.includes('due today')), asked.join(' | '));
    assert.equal(services.scratch.drillIdFor(opened.document.uri), drill.id);
    assert.ok(opened.document.getText().includes(drill.stub.trim().split('\n')[0]!), 'the scratch file holds the stub again');
    assert.ok(!opened.document.getText().includes(drill.solution.trim().split('\n').slice(-3).join('\n')) || drill.solution === drill.stub);
    assert.equal(services.scores.get(drill.id)!.attempts, attempts, 'reopening keeps the history');

    // Solving the review moves it on to the 3-day step, and the group goes away.
    await typeInto(opened, drill.solution);
    await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', drill.id));
    assert.equal(services.reviews.get(drill.id)?.step, 1);
    assert.notEqual(roots()[0]?.kind, 'due');
  });

  it('Next Drill names the weakest topic when nothing is due', async () => {
    const { services } = await api();
    // An unsolved drill of the topic rated lowest: Next Drill goes there and says so.
    const regexDrill = services.repo.all().find((d) => d.topic === 'regex' && d.id !== services.repo.all()[0]!.id)!;
    await services.scores.reset(regexDrill.id);
    await services.ratings.set('regex', 1);
    try {
      const { result: editor, asked } = await answering('showInformationMessage', undefined,
        () => vscode.commands.executeCommand<vscode.TextEditor>('interviewDrills.openNextDrill'));
      const opened = services.repo.get(services.scratch.drillIdFor(editor.document.uri)!)!;
      assert.equal(opened.topic, 'regex');
      assert.notEqual(services.scores.status(opened.id), 'passed');
      assert.ok(asked.some((m) => m.includes(opened.title) && m.includes('weakest topic: Regular expressions')), asked.join(' | '));
    } finally {
      await services.ratings.clear('regex');
    }
  });
});
