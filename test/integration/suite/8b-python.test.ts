import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckOutcome } from '../../../src/vscode/checker';
import { answering, api, typeInto, waitFor } from './helpers';

const cfg = () => vscode.workspace.getConfiguration('interviewDrills');
const DRILL = 'guaranteed-cleanup';

/** Replaces showErrorMessage for the duration of `fn`, recording what was shown and with which buttons. */
async function errorsDuring<T>(fn: () => PromiseLike<T>): Promise<{ result: T; shown: Array<{ message: string; buttons: string[] }> }> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window.showErrorMessage;
  const shown: Array<{ message: string; buttons: string[] }> = [];
  window.showErrorMessage = (message: string, ...buttons: unknown[]) => {
    shown.push({ message, buttons: buttons.filter((b): b is string => typeof b === 'string') });
    return Promise.resolve(undefined);
  };
  try {
    return { result: await fn(), shown };
  } finally {
    window.showErrorMessage = original;
  }
}

const TS_ONLY = `id: ts-only-drill
tier: beginner
topic: regex
title: A drill in TypeScript only
order: 99
prompt: |
  Match a semantic version.
answer: |
  Use an anchored pattern.
hints:
  - Anchor it.
stub: |
  export function isSemver(s: string): boolean {
    throw new Error('Not implemented');
  }
solution: |
  export function isSemver(s: string): boolean {
    return /^\\d+\\.\\d+\\.\\d+$/.test(s);
  }
tests: |
  import { isSemver } from './solution';
  it('accepts 1.2.3', () => expect(isSemver('1.2.3')).toBe(true));
  it('rejects 1.2', () => expect(isSemver('1.2')).toBe(false));
`;

describe('the Python track in VS Code', () => {
  after(async () => {
    await cfg().update('python.path', undefined, vscode.ConfigurationTarget.Global);
    await cfg().update('language', undefined, vscode.ConfigurationTarget.Workspace);
    await cfg().update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  it('switches to Python and passes a correct solution typed without saving: per-test items, Python score, tree and status bar', async () => {
    const { services } = await api();
    const drill = services.repo.get(DRILL)!;
    assert.ok(drill.python, `${DRILL} has a Python version`);
    const tsBefore = services.scores.get(drill.id);

    assert.equal(await vscode.commands.executeCommand('interviewDrills.switchLanguage', 'python'), 'python');
    assert.equal(cfg().get('language'), 'python');
    await waitFor('the status bar in Python', () => / · Python$/.test(services.statusBar.text.trim()) || undefined);
    assert.match(services.statusBar.text, /Drills: 0\/\d+ solved · Python/);

    await services.scratch.reset(drill, 'python');
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    assert.match(editor.document.uri.path, new RegExp(`/${DRILL}\\.py$`));
    assert.equal(editor.document.getText(), services.scratch.startingText(drill, 'python'));
    assert.match(editor.document.getText(), /^r"""/, 'the prompt is in a docstring header');
    assert.ok(editor.document.getText().includes(drill.python.stub.trim()), 'python/stub.py follows the header');
    assert.equal((await api()).isScratchFileActive(), true, 'the .py scratch file gets the ▶ button, CodeLens and shortcut');

    await typeInto(editor, drill.python.solution);
    assert.equal(editor.document.isDirty, true);
    const { result: outcome } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
    assert.equal(outcome.language, 'python');
    assert.equal(outcome.result.verdict, 'passed', `${outcome.result.summary}\n${outcome.result.tests.map((t) => `${t.status} ${t.fullName} ${t.message ?? ''}`).join('\n')}`);
    assert.ok(outcome.result.counts.total > 3, outcome.result.summary);
    assert.equal(editor.document.isDirty, true, 'checking does not save the file');

    // Test Explorer: one item per pytest test, each passed, located in the .py file.
    const item = services.testing.drillItem(drill)!;
    assert.equal(item.children.size, outcome.result.counts.total);
    const states = services.testing.lastStates(drill.id);
    assert.equal(states.get(drill.id), 'passed');
    item.children.forEach((c) => {
      assert.equal(states.get(c.id), 'passed', c.id);
      assert.equal(c.uri?.toString(), services.scratch.uriFor(drill, 'python').toString());
    });

    // Recorded under Python only: TypeScript's score of the drill is untouched.
    assert.equal(services.pythonScores.status(drill.id), 'passed');
    assert.deepEqual(services.scores.get(drill.id), tsBefore);
    const stored = services.context.workspaceState.get<{ drills: Record<string, { attempts: number }> }>('interviewDrills.scores.python');
    assert.equal(stored?.drills[drill.id]?.attempts, 1);

    const tree = services.tree.getTreeItem(services.tree.nodeFor(drill));
    assert.equal((tree.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.match(String(tree.description), / · Python$/);
    assert.match((tree.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /TypeScript: \S.* · Python: solved/);
    assert.match(services.statusBar.text, /Drills: 1\/\d+ solved · Python/);
  });

  it('shows the assert\'s values for a wrong Python solution', async () => {
    const { services } = await api();
    const drill = services.repo.get(DRILL)!;
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    // Closes the resources in the order they were opened, not newest first.
    const wrong = drill.python!.mistakes.find((m) => /opening order/i.test(m.title)) ?? drill.python!.mistakes[0]!;
    await typeInto(editor, wrong.code);
    const { result: outcome } = await answering('showWarningMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', editor.document.uri));
    assert.equal(outcome.language, 'python');
    assert.equal(outcome.passed, false);
    assert.ok(outcome.result.counts.failed > 0, outcome.result.summary);
    const states = services.testing.lastStates(drill.id);
    assert.equal(states.get(drill.id), 'failed');
    const messages = services.testing.lastMessages(drill.id);
    const withValues = messages.find((m) => m.expectedOutput !== undefined && m.actualOutput !== undefined);
    assert.ok(withValues, `a failure carries the assert's two values: ${messages.map((m) => String(m.message)).join(' | ')}`);
    assert.notEqual(withValues.expectedOutput, withValues.actualOutput);
    assert.match(String(withValues.message), /assert/);
    // Solved once in Python stays solved; the attempt is counted.
    assert.equal(services.pythonScores.get(drill.id)?.attempts, 2);
  });

  it('opens a drill without a Python version in TypeScript, and says so', async () => {
    const { services } = await api();
    // Every bundled drill has a Python version: a user's question folder brings one without.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-only-'));
    fs.writeFileSync(path.join(dir, 'ts-only.yaml'), TS_ONLY);
    await cfg().update('extraQuestionFolders', [dir], vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the TypeScript-only drill to load', () => services.repo.get('ts-only-drill'));
      await opensInTypeScript();
    } finally {
      await cfg().update('extraQuestionFolders', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  async function opensInTypeScript(): Promise<void> {
    const { services } = await api();
    const drill = services.repo.get('ts-only-drill')!;
    assert.equal(drill.python, undefined);
    const before = services.notices.length;
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    assert.match(editor.document.uri.path, /\.ts$/);
    assert.ok(services.notices.slice(before).some((n) => n.includes(`"${drill.title}" has no Python version yet, so it opens in TypeScript`)), services.notices.slice(before).join('\n'));
    assert.match(String(services.tree.getTreeItem(services.tree.nodeFor(drill)).description), /TypeScript only$/);
    // The tree's context menu opens a drill with a Python version in either language.
    const py = services.repo.get(DRILL)!;
    assert.match(services.tree.getTreeItem(services.tree.nodeFor(py)).contextValue ?? '', /^drill\..*\.python$/);
    const ts = (await vscode.commands.executeCommand('interviewDrills.openInTypeScript', services.tree.nodeFor(py))) as vscode.TextEditor;
    assert.match(ts.document.uri.path, new RegExp(`/${DRILL}\\.ts$`));
  }

  it('with python.path pointing nowhere: a clear message with Open Settings, the track marked unavailable, TypeScript still checks', async () => {
    const { services } = await api();
    const drill = services.repo.get(DRILL)!;
    await cfg().update('python.path', '/nonexistent/bin/python3', vscode.ConfigurationTarget.Global);
    const state = await waitFor('the Python track to be unavailable', async () => {
      const s = await services.python.discover();
      return s.kind === 'unavailable' ? s : undefined;
    });
    assert.match(state.message, /interviewDrills\.python\.path \(\/nonexistent\/bin\/python3\) is not found/);
    assert.match(state.message, /Python 3\.9 or newer/);
    await waitFor('the status bar to say so', () => /Python unavailable/.test(services.statusBar.text) || undefined);
    assert.match(services.treeView.message ?? '', /Python track unavailable: .*python\.path/);

    const editor = (await vscode.commands.executeCommand('interviewDrills.openInPython', drill.id)) as vscode.TextEditor;
    await typeInto(editor, drill.python!.solution);
    const attempts = services.pythonScores.get(drill.id)?.attempts;
    const { result: outcome, shown } = await errorsDuring(() => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
    assert.equal(outcome.language, 'python');
    assert.equal(outcome.passed, false);
    assert.equal(outcome.recorded, false, 'no Python, no attempt recorded');
    assert.equal(services.pythonScores.get(drill.id)?.attempts, attempts);
    const said = shown.find((m) => /nonexistent/.test(m.message));
    assert.ok(said, shown.map((m) => m.message).join('\n'));
    assert.deepEqual(said.buttons, ['Open Settings']);

    // TypeScript keeps working.
    const tsDrill = services.repo.all().find((d) => d.id !== DRILL && d.tier === 'beginner')!;
    await services.scratch.reset(tsDrill);
    const tsEditor = (await vscode.commands.executeCommand('interviewDrills.openInTypeScript', tsDrill.id)) as vscode.TextEditor;
    await typeInto(tsEditor, tsDrill.solution);
    const { result: tsOutcome } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
    assert.equal(tsOutcome.language, 'typescript');
    assert.equal(tsOutcome.result.verdict, 'passed', tsOutcome.result.summary);
    assert.equal(services.scores.status(tsDrill.id), 'passed');

    // Clearing the setting brings the track back.
    await cfg().update('python.path', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the Python track to come back', async () => ((await services.python.discover()).kind === 'available') || undefined);
    await waitFor('the status bar to drop the warning', () => !/unavailable/.test(services.statusBar.text) || undefined);
  });

  it('with no python3 on PATH (and no setting): the message says what to install or set, with a button; TypeScript still checks', async () => {
    const { services } = await api();
    const drill = services.repo.get(DRILL)!;
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-python-'));
    const savedPath = process.env.PATH;
    try {
      // The extension host's PATH holds no interpreter at all (the Python extension is not installed here).
      process.env.PATH = emptyDir;
      services.python.rediscover();
      const state = await waitFor('the Python track to be unavailable', async () => {
        const s = await services.python.discover();
        return s.kind === 'unavailable' ? s : undefined;
      });
      assert.match(state.message, /none was found \(tried python3, python on PATH\)/);
      assert.match(state.message, /Install Python 3 .* or set interviewDrills\.python\.path/);
      await waitFor('the status bar to say so', () => /Python unavailable/.test(services.statusBar.text) || undefined);

      const editor = (await vscode.commands.executeCommand('interviewDrills.openInPython', drill.id)) as vscode.TextEditor;
      await typeInto(editor, drill.python!.solution);
      const { result: outcome, shown } = await errorsDuring(() => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
      assert.equal(outcome.passed, false);
      assert.equal(outcome.recorded, false);
      const said = shown.find((m) => /none was found/.test(m.message));
      assert.ok(said, shown.map((m) => m.message).join('\n'));
      assert.deepEqual(said.buttons, ['Open Settings']);

      const tsDrill = services.repo.all().find((d) => d.id !== DRILL && d.tier === 'beginner')!;
      await services.scratch.reset(tsDrill);
      const tsEditor = (await vscode.commands.executeCommand('interviewDrills.openInTypeScript', tsDrill.id)) as vscode.TextEditor;
      await typeInto(tsEditor, tsDrill.solution);
      const { result: tsOutcome } = await answering('showInformationMessage', undefined,
        () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution'));
      assert.equal(tsOutcome.result.verdict, 'passed', tsOutcome.result.summary);
    } finally {
      process.env.PATH = savedPath;
      fs.rmSync(emptyDir, { recursive: true, force: true });
      services.python.rediscover();
    }
    await waitFor('the Python track to come back', async () => ((await services.python.discover()).kind === 'available') || undefined);
  });

  it('switching back to TypeScript counts TypeScript again', async () => {
    const { services } = await api();
    await vscode.commands.executeCommand('interviewDrills.switchLanguage', 'typescript');
    await waitFor('the status bar in TypeScript', () => / · TypeScript$/.test(services.statusBar.text.trim()) || undefined);
    assert.equal(services.languageOf(services.repo.get(DRILL)!), 'typescript');
  });
});
