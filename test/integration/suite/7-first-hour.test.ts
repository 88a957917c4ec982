import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Drill, STATUS_LABELS } from '../../../src/core/model';
import { hasCodeBlock } from '../../../src/core/describe';
import type { CheckOutcome } from '../../../src/vscode/checker';
import { answering, api, typeInto, waitFor } from './helpers';

// What a new user meets in the first hour: drills whose tests repeat a title, the description with every hint,
// Run Tests from the Testing view, hints in notifications and a failure that explains itself.

const twiceNamed = `id: twice-named-tests
tier: beginner
topic: functions-modules
title: Tests with one title
order: 98
prompt: |
  Write \`double(n)\`.
answer: |
  Multiply by two.
hints:
  - One multiplication.
stub: |
  export function double(n: number): number {
    throw new Error('Not implemented');
  }
solution: |
  export function double(n: number): number {
    return 2 * n;
  }
tests: |
  import { double } from './solution';
  it.each([[1, 2], [2, 4], [3, 6]])('doubles a small number', (n: number, expected: number) => {
    expect(double(n)).toBe(expected);
  });
`;

async function openFresh(drill: Drill): Promise<vscode.TextEditor> {
  const { services } = await api();
  await services.scratch.reset(drill);
  return (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
}

/** Checks the active scratch file through the Check Solution command, answering its notification with `answer`. */
async function checkActive(answer?: string): Promise<{ outcome: CheckOutcome; asked: string[] }> {
  // Answer both kinds of notification: which one a check shows depends on its verdict.
  const r = await answering('showWarningMessage', answer, () =>
    answering('showInformationMessage', answer, () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution')));
  return { outcome: r.result.result, asked: [...r.result.asked, ...r.asked] };
}

/** Closes every editor, saving scratch files first (closing an unsaved one would ask). */
async function closeAll(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('markdown.preview'));
}

describe('the first hour of a new user', () => {
  const cfg = () => vscode.workspace.getConfiguration('interviewDrills');
  let dir: string;

  before(async () => {
    const { services } = await api();
    await services.scores.reset();
    await closeAll();
  });

  after(async () => {
    await cfg().update('extraQuestionFolders', undefined, vscode.ConfigurationTarget.Global);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await closeAll();
  });

  it('Run Tests in the Testing view leaves drills never opened untouched: a trial run, not an attempt', async () => {
    const { services } = await api();
    const opened = services.repo.all()[0]!;
    await openFresh(opened);
    const neverOpened: Drill[] = [];
    for (const d of services.repo.all()) if (!(await services.scratch.exists(d))) neverOpened.push(d);
    assert.ok(neverOpened.length > 5, 'most drills were never opened');
    await closeAll();
    const checked = new Set<string>();
    const listener = services.checker.onDidCheck((o) => checked.add(o.drill.id));
    try {
      await vscode.commands.executeCommand('testing.runAll');
      await waitFor('Run Tests to check every drill', () => services.repo.all().every((d) => checked.has(d.id)) || undefined, 120_000);
    } finally {
      listener.dispose();
    }
    await waitFor('the opened drill to be recorded', () => (services.scores.get(opened.id)?.attempts ?? 0) > 0 || undefined);
    for (const d of neverOpened) {
      assert.equal(services.scores.get(d.id), undefined, `${d.id} has no score`);
      assert.equal(services.scores.status(d.id), 'untried', d.id);
      assert.equal(services.testing.lastStates(d.id).get(d.id), 'failed', `${d.id}: its starting code was checked`);
      assert.equal(await services.scratch.exists(d), false, `${d.id}: no scratch file is created`);
    }
  });

  it('gives every test its own Test Explorer item, also when two tests share a title', async () => {
    const { services } = await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twice-named-'));
    fs.writeFileSync(path.join(dir, 'twice.yaml'), twiceNamed);
    await cfg().update('extraQuestionFolders', [dir], vscode.ConfigurationTarget.Global);
    const drill = await waitFor('the drill with repeated titles', () => services.repo.get('twice-named-tests'));
    const editor = await openFresh(drill);
    await typeInto(editor, drill.solution);
    const { outcome } = await checkActive();
    assert.equal(outcome.result.verdict, 'passed', outcome.result.summary);
    assert.equal(outcome.result.counts.total, 3);
    const item = services.testing.drillItem(drill)!;
    assert.equal(item.children.size, 3);
    const states = services.testing.lastStates(drill.id);
    item.children.forEach((c) => assert.equal(states.get(c.id), 'passed', c.id));
    assert.equal(services.scores.status(drill.id), 'passed');
  });

  it('renders the description with every hint as a block of its own, code hints and the model answer included', async () => {
    const { services } = await api();
    const drill = services.repo.all().find((d) => d.hints.some((h) => h.trim().startsWith('```')))!;
    for (let i = 0; i < drill.hints.length; i++) await services.scores.recordHint(drill.id, drill.hints.length);
    await services.scores.markAnswerRevealed(drill.id);
    const doc = await vscode.workspace.openTextDocument(services.descriptions.uriFor(drill));
    // An open description document follows the score store a moment later.
    await waitFor('the description with every hint', () => doc.getText().includes(`Hints (${drill.hints.length} of ${drill.hints.length} shown)`) || undefined);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc.getText());
    for (let i = 1; i <= drill.hints.length; i++) assert.match(html, new RegExp(`<h3[^>]*>Hint ${i}</h3>`), `hint ${i} has its heading`);
    assert.match(html, /<h2[^>]*>Model answer<\/h2>/);
    const fenced = drill.hints.filter((h) => h.trim().startsWith('```')).length;
    assert.ok((html.match(/<pre/g) ?? []).length >= fenced, 'every fenced hint is a code block');
    assert.doesNotMatch(html, /```/, 'no fence shows as text');
  });

  it('shows hints as plain text in a notification, and opens the description for a hint with code', async () => {
    const { services } = await api();
    const drill = services.repo.all().find((d) => d.hints.some((h) => h.includes('`') && !hasCodeBlock(h)) && hasCodeBlock(d.hints[d.hints.length - 1]!))!;
    assert.ok(drill, 'a drill with an inline-code hint and a code hint last');
    await closeAll();
    await services.scores.reset(drill.id);
    await openFresh(drill);
    for (let i = 1; i <= drill.hints.length; i++) {
      const { result, asked } = await answering('showInformationMessage', undefined, () => vscode.commands.executeCommand('interviewDrills.showHint', drill.id));
      assert.equal(result, i);
      if (hasCodeBlock(drill.hints[i - 1]!)) {
        assert.deepEqual(asked, [], `hint ${i} holds code: no notification`);
        await waitFor('the description preview', () => previewTabs().length === 1 || undefined);
        assert.match(previewTabs()[0]!.label, new RegExp(`${drill.id}\\.md`));
      } else {
        assert.equal(asked.length, 1);
        assert.ok(asked[0]!.includes(`Hint ${i} of ${drill.hints.length}`), asked[0]);
        assert.doesNotMatch(asked[0]!, /`/, 'no raw backticks');
      }
    }
  });

  it('keeps one description editor per window, reused by Show Description and Reveal Answer', async () => {
    const { services } = await api();
    const [a, b, c] = services.repo.all();
    await closeAll();
    await openFresh(a!);
    await vscode.commands.executeCommand('interviewDrills.showDescription', a!.id);
    await waitFor('a first description', () => previewTabs().length === 1 || undefined);
    // With the description's group focused (as after clicking into it), opening and describing further drills,
    // revealing an answer and describing again must not add columns.
    const focusPreview = async () => {
      const group = previewTabs()[0]!.group.viewColumn;
      await vscode.commands.executeCommand(group === vscode.ViewColumn.One ? 'workbench.action.focusFirstEditorGroup' : 'workbench.action.focusSecondEditorGroup');
    };
    await focusPreview();
    await openFresh(b!);
    await vscode.commands.executeCommand('interviewDrills.showDescription', b!.id);
    await focusPreview();
    await answering('showWarningMessage', 'Reveal Answer', () => vscode.commands.executeCommand('interviewDrills.revealAnswer', c!.id));
    await waitFor('the description of the third drill', () => previewTabs().some((t) => t.label.includes(`${c!.id}.md`)) || undefined);
    await focusPreview();
    await vscode.commands.executeCommand('interviewDrills.showDescription', a!.id);
    await waitFor('the description of the first drill again', () => previewTabs().some((t) => t.label.includes(`${a!.id}.md`)) || undefined);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(previewTabs().length, 1, previewTabs().map((t) => t.label).join(', '));
    assert.ok(vscode.window.tabGroups.all.length <= 2, `${vscode.window.tabGroups.all.length} editor groups`);
    assert.ok(vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && services.scratch.drillIdFor(t.input.uri) === b!.id)), 'the code stays open');
  });

  it('explains a failure in the notification, and Show Results opens the first failure where the user can read it', async () => {
    const { services } = await api();
    await closeAll();
    const drill = services.repo.get('retry-flaky-call')!;
    const editor = await openFresh(drill);
    await typeInto(editor, drill.mistakes[0]!.code);
    const { outcome, asked } = await checkActive();
    assert.equal(outcome.passed, false);
    const first = outcome.result.tests.find((t) => t.status === 'failed')!;
    assert.ok(first.expected !== undefined && first.actual !== undefined, 'a matcher failure');
    assert.ok(asked[0]!.includes(`expected ${first.expected}, received ${first.actual}`), asked[0]);
    assert.ok(asked[0]!.includes(first.titlePath[first.titlePath.length - 1]!), asked[0]);

    // Show Results: the peek with the failure's message and diff, at the failure's location.
    const target = services.testing.lastMessages(drill.id)[0]!.location!;
    await closeAll();
    await answering('showWarningMessage', 'Show Results', () => vscode.commands.executeCommand('interviewDrills.checkSolution', drill.id));
    const shown = await waitFor('the editor at the first failure', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === target.uri.toString() ? e : undefined;
    });
    assert.equal(shown.selection.start.line, target.range.start.line);
    assert.equal(await services.testing.revealFirstFailure(drill), true, 'VS Code opened the failure peek');
  });

  it('marks a failure thrown from the user\'s code at that line, with no sandbox frames in any message', async () => {
    const { services } = await api();
    await closeAll();
    const drill = services.repo.get('find-old-large-logs')!;
    const editor = await openFresh(drill);
    const { outcome, asked } = await checkActive();
    assert.equal(outcome.result.verdict, 'failed');
    assert.match(asked[0]!, /First failure: ".*": Error: Not implemented: planLogCleanup\./, 'the error, not the matcher call');
    const messages = services.testing.lastMessages(drill.id);
    assert.equal(messages.length, outcome.result.counts.failed);
    // Tests that call the stub directly fail with its error, thrown in the user's file: those are marked at the
    // throwing line. (A test that expects a rejection fails at its matcher, in the test file: that is where it failed.)
    const thrown = messages.filter((m) => /^(Error: )?Not implemented/m.test(typeof m.message === 'string' ? m.message : m.message.value));
    assert.ok(thrown.length > 0, 'some test fails with the stub\'s own error');
    for (const m of messages) {
      const text = typeof m.message === 'string' ? m.message : m.message.value;
      assert.doesNotMatch(text, /sandbox\.js|<anonymous>/);
    }
    for (const m of thrown) {
      assert.equal(m.location?.uri.toString(), editor.document.uri.toString(), 'the stub throws in the user\'s file');
      const line = editor.document.lineAt(m.location!.range.start.line).text;
      assert.match(line, /throw/, `marked at the throwing line, not "${line}"`);
    }
  });

  it('checks every bundled drill through Check Solution: the reference passes, the stub fails, Test Explorer agrees', async function () {
    this.timeout(600_000);
    const { services } = await api();
    await cfg().update('extraQuestionFolders', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the bundled drills only', () => services.repo.get('twice-named-tests') === undefined || undefined);
    const problems: string[] = [];
    for (const drill of services.repo.all()) {
      await closeAll();
      const editor = await openFresh(drill);
      await typeInto(editor, drill.solution);
      const reference = (await checkActive()).outcome;
      const item = services.testing.drillItem(drill);
      const states = services.testing.lastStates(drill.id);
      if (reference.result.verdict !== 'passed') problems.push(`${drill.id}: the reference ${reference.result.verdict}: ${reference.result.summary}`);
      else if (item?.children.size !== reference.result.counts.total) problems.push(`${drill.id}: ${item?.children.size} Test Explorer items for ${reference.result.counts.total} tests`);
      else item.children.forEach((c) => { if (states.get(c.id) !== 'passed') problems.push(`${drill.id}: "${c.id}" is ${states.get(c.id)} in Test Explorer`); });
      await typeInto(editor, drill.stub);
      const stub = (await checkActive()).outcome;
      if (stub.result.verdict !== 'failed') problems.push(`${drill.id}: the stub ${stub.result.verdict}: ${stub.result.summary}`);
      else if (services.testing.lastStates(drill.id).get(drill.id) !== 'failed') problems.push(`${drill.id}: the stub's failure is not in Test Explorer`);
    }
    assert.deepEqual(problems, []);
  });
});

describe('first-hour polish', () => {
  it('drill tooltips are short and wrap between words (no &nbsp;), with the status in the tree\'s words', async () => {
    const { services } = await api();
    for (const drill of services.repo.all()) {
      const item = services.tree.getTreeItem(services.tree.nodeFor(drill));
      const tooltip = item.tooltip as vscode.MarkdownString;
      assert.doesNotMatch(tooltip.value, /&nbsp;|\u00a0/, `${drill.id}: spaces must stay breakable`);
      assert.ok(tooltip.value.length < 700, `${drill.id}: the tooltip is a summary, not the prompt (${tooltip.value.length} characters)`);
      const status = STATUS_LABELS[services.scores.status(drill.id)];
      assert.ok(tooltip.value.includes(status), `${drill.id}: "${status}" in ${tooltip.value}`);
      assert.ok(String(item.accessibilityInformation?.label).endsWith(status));
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', tooltip.value);
      assert.ok(html.includes(`<strong>${drill.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</strong>`), `${drill.id}: the title renders as it is: ${html}`);
    }
  });
});
