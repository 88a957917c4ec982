import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckOutcome } from '../../../src/vscode/checker';
import { answering, api, typeInto, waitFor } from './helpers';

describe('checking a solution in VS Code', () => {
  before(async () => {
    const { services } = await api();
    await services.scores.reset();
  });

  async function openFresh(id: string): Promise<vscode.TextEditor> {
    const { services } = await api();
    const drill = services.repo.get(id)!;
    await services.scratch.reset(drill);
    return (await vscode.commands.executeCommand('interviewDrills.openDrill', id)) as vscode.TextEditor;
  }

  it('passes a correct solution typed without saving: Test Explorer, workspace state, tree icon and status bar', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const editor = await openFresh(drill.id);
    const before = services.statusBar.text;
    assert.match(before, /Drills: 0\/\d+ solved/);
    await typeInto(editor, drill.solution);
    assert.equal(editor.document.isDirty, true);

    const { result: outcome, asked } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
    assert.equal(outcome.result.verdict, 'passed', outcome.result.summary);
    // The drill is "solved", in the words of the tree and the status bar; its tests "passed".
    assert.equal(asked[0], `✓ ${drill.title}: solved. All ${outcome.result.counts.total} tests passed.`);
    assert.equal(outcome.passed, true);
    assert.ok(outcome.result.counts.total > 0);
    assert.equal(editor.document.isDirty, true, 'checking does not save the file');

    // Test Explorer: an item per test of the drill, each reported passed.
    const item = services.testing.drillItem(drill)!;
    assert.equal(item.children.size, outcome.result.counts.total);
    const states = services.testing.lastStates(drill.id);
    assert.equal(states.get(drill.id), 'passed');
    item.children.forEach((c) => assert.equal(states.get(c.id), 'passed', c.id));
    item.children.forEach((c) => assert.equal(c.uri?.toString(), services.scratch.uriFor(drill).toString()));

    // Workspace state holds the score.
    const stored = services.context.workspaceState.get<{ version: number; drills: Record<string, { attempts: number; best?: { passed: number; total: number }; firstPassedAt?: string }> }>('interviewDrills.scores');
    assert.equal(stored?.drills[drill.id]?.attempts, 1);
    assert.deepEqual(stored?.drills[drill.id]?.best, { passed: outcome.result.counts.total, total: outcome.result.counts.total });
    assert.ok(stored?.drills[drill.id]?.firstPassedAt);

    // Tree icon and status bar change.
    const node = services.tree.nodeFor(drill);
    assert.equal((services.tree.getTreeItem(node).iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.match(services.statusBar.text, /Drills: 1\/\d+ solved/);
    assert.notEqual(services.statusBar.text, before);
  });

  it('shows the failures of a wrong solution with expected and actual', async () => {
    const { services } = await api();
    // A drill not solved yet (the first one was solved above), with a kept wrong answer to type in.
    const drill = services.repo.all().find((d) => d.mistakes.length > 0 && services.scores.status(d.id) === 'untried')!;
    assert.ok(drill, 'a drill with kept mistakes');
    const editor = await openFresh(drill.id);
    await typeInto(editor, drill.mistakes[0]?.code ?? drill.stub);
    const { result: outcome } = await answering('showWarningMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', drill.id));
    assert.equal(outcome.passed, false);
    assert.ok(outcome.result.counts.failed > 0, outcome.result.summary);
    const states = services.testing.lastStates(drill.id);
    assert.equal(states.get(drill.id), 'failed');
    const failed = outcome.result.tests.filter((t) => t.status === 'failed');
    for (const t of failed) assert.equal(states.get(t.fullName), 'failed');
    const messages = services.testing.lastMessages(drill.id);
    assert.ok(messages.some((m) => m.expectedOutput !== undefined && m.actualOutput !== undefined), 'some failure carries expected and actual');
    assert.equal((services.tree.getTreeItem(services.tree.nodeFor(drill)).iconPath as vscode.ThemeIcon).id, 'error');
    // Failures located in the tests point at a readable copy of them.
    const inTests = messages.map((m) => m.location?.uri).find((u) => u?.scheme === 'interview-drills');
    if (inTests) assert.equal((await vscode.workspace.openTextDocument(inTests)).getText(), drill.tests);
    assert.equal((await vscode.workspace.openTextDocument(services.descriptions.testsUriFor(drill))).getText(), drill.tests);
  });

  it('runs from the Test Explorer too', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const item = services.testing.drillItem(drill)!;
    const attempts = services.scores.get(drill.id)?.attempts ?? 0;
    await vscode.commands.executeCommand('testing.runAll');
    await waitFor('a Test Explorer run of the drill', () => (services.scores.get(drill.id)?.attempts ?? 0) > attempts || undefined, 60_000);
    assert.ok(item.children.size > 0);
  });

  it('reports type errors from VS Code\'s TypeScript service, and fails on them when the setting says so', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const editor = await openFresh(drill.id);
    await typeInto(editor, `${drill.solution}\nexport const wrongType: number = 'not a number';\n`);
    await editor.document.save();
    const uri = editor.document.uri;
    await waitFor('TypeScript diagnostics for the scratch file', () =>
      vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error) || undefined, 90_000);
    const report = await answering('showInformationMessage', undefined, () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
    assert.ok(report.result.typeErrors.length > 0);
    assert.equal(report.result.passed, true, 'with "report", type errors do not fail the check');
    assert.match(report.asked[0]!, /type error/);
    const cfg = vscode.workspace.getConfiguration('interviewDrills');
    await cfg.update('check.typeErrors', 'fail', vscode.ConfigurationTarget.Global);
    try {
      const failing = await answering('showWarningMessage', undefined, () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
      assert.equal(failing.result.passed, false);
      assert.equal(failing.result.result.verdict, 'passed', 'the tests themselves pass');
      assert.equal(services.testing.lastStates(drill.id).get(drill.id), 'failed');
    } finally {
      await cfg.update('check.typeErrors', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('never lets two checks of one drill race: the newer cancels the older', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const slow = `${drill.solution}\nconst until = Date.now() + 1500; while (Date.now() < until) { /* busy */ }\n`;
    const first = services.checker.check(drill, { text: slow, notify: false });
    const second = services.checker.check(drill, { text: drill.solution, notify: false });
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.result.verdict, 'cancelled');
    assert.equal(b.result.verdict, 'passed');
  });
});
