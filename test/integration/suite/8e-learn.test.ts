// What this drill tests, in a real VS Code: locked (and why) before the drill is solved; solved through Check
// Solution, the pass notification's button opens the page with each kept mistake and the tests that catch it (worked
// out by the sandbox), the model answer with its key points, and the reference in a diff editor against the scratch file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { referenceText } from '../../../src/core/learn';
import type { CheckOutcome } from '../../../src/vscode/checker';
import type { LearnShown } from '../../../src/vscode/learn';
import { answering, api, typeInto, waitFor } from './helpers';

const DRILL = 'disk-usage-level';
// Each kept mistake of disk-usage-level with the tests (under "diskUsageLevel ›") that fail on it, read against
// solution.test.ts; the page must show exactly these, in this order.
const TRAPS: [string, string[]][] = [
  ["Checks the warning threshold first, so nothing is ever critical", [
    "is critical from exactly 90% up to a full disk",
    "works on real volume sizes and fractional byte counts",
    "uses the thresholds it is given, on both sides of each",
    "accepts the widest and fractional thresholds",
    "throws a RangeError for a total that is not a finite number above 0",
    "throws a RangeError for a used amount that is not a finite number from 0 to the total",
  ]],
  ["Uses > instead of >=, so exactly 80% is ok and exactly 90% only a warning", [
    "is a warning from exactly 80% up to just below 90%",
    "is critical from exactly 90% up to a full disk",
    "works on real volume sizes and fractional byte counts",
    "uses the thresholds it is given, on both sides of each",
    "accepts the widest and fractional thresholds",
  ]],
  ["Compares with 80 and 90 whatever thresholds are passed", [
    "uses the thresholds it is given, on both sides of each",
    "accepts the widest and fractional thresholds",
    "throws a RangeError for thresholds outside 0 < warning < critical <= 100",
  ]],
  ["Accepts a used amount larger than the total", [
    "throws a RangeError for a used amount that is not a finite number from 0 to the total",
  ]],
  ["Checks only total <= 0, so a NaN total slips through (every comparison with NaN is false)", [
    "throws a RangeError for a total that is not a finite number above 0",
  ]],
  ["Accepts a warning threshold equal to the critical one", [
    "throws a RangeError for thresholds outside 0 < warning < critical <= 100",
  ]],
  ["Exactly the warning threshold is still ok (uses > instead of >=)", [
    "is a warning from exactly 80% up to just below 90%",
    "works on real volume sizes and fractional byte counts",
    "uses the thresholds it is given, on both sides of each",
    "accepts the widest and fractional thresholds",
  ]],
  ["Refuses a critical threshold of exactly 100", [
    "accepts the widest and fractional thresholds",
    "throws a RangeError for thresholds outside 0 < warning < critical <= 100",
  ]],
  ["A completely full volume (used == total) is refused as bad input", [
    "is critical from exactly 90% up to a full disk",
    "works on real volume sizes and fractional byte counts",
    "accepts the widest and fractional thresholds",
    "throws a RangeError for a total that is not a finite number above 0",
    "throws a RangeError for a used amount that is not a finite number from 0 to the total",
  ]],
  ["Accepts warning equal to critical (<= instead of <)", [
    "throws a RangeError for thresholds outside 0 < warning < critical <= 100",
  ]],
  ["Checks usedBytes with comparisons only, so NaN is not refused (it comes out as 'ok')", [
    "throws a RangeError for a used amount that is not a finite number from 0 to the total",
  ]],
];

/** The page's traps: each numbered mistake title with the test names listed under it. */
function trapsOf(markdown: string): [string, string[]][] {
  const section = markdown.slice(markdown.indexOf('## The traps its tests catch'), markdown.indexOf('## The reference beside your code'));
  const out: [string, string[]][] = [];
  for (const line of section.split('\n')) {
    const title = /^\d+\. \*\*(.*)\*\*$/.exec(line)?.[1];
    if (title !== undefined) out.push([title.replace(/\\(.)/g, '$1'), []]);
    const name = /^ {3}- (`+) ?(.*?) ?\1$/.exec(line)?.[2];
    if (name !== undefined) out[out.length - 1]![1].push(name);
  }
  return out;
}

describe('what this drill tests', () => {
  it('is listed in the palette, the tree\'s context menu and the scratch file\'s title menu', async () => {
    const ext = vscode.extensions.all.find((e) => e.id === 'interview-drills.interview-drills')!;
    const menus = (ext.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus;
    const at = (menu: string) => menus[menu]!.find((m) => m.command === 'interviewDrills.whatThisDrillTests');
    assert.match(at('view/item/context')?.when ?? '', /viewItem =~ \/\^drill\//);
    assert.match(at('editor/title')?.when ?? '', /interviewDrills\.isScratchFile/);
    assert.ok(at('commandPalette'));
    assert.ok((await vscode.commands.getCommands(true)).includes('interviewDrills.whatThisDrillTests'));
  });

  it('says why it is locked before the drill is solved, and offers Reveal Answer', async () => {
    const { services } = await api();
    const drill = services.repo.get(DRILL)!;
    // Earlier suites may have solved this drill while checking others: start from a drill never tried.
    await services.scores.reset(DRILL);
    await services.pythonScores.reset(DRILL);
    assert.equal(services.statusIn(DRILL, 'typescript'), 'untried');
    assert.notEqual(services.scores.get(DRILL)?.answerRevealed, true);
    const { result, asked } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<LearnShown>('interviewDrills.whatThisDrillTests', DRILL, 'typescript'));
    assert.equal(result.open, false);
    // The drill has a Python version too, so the reason names the language it would be checked in.
    assert.deepEqual(asked, [`"${drill.title}" is not tried yet in TypeScript. What it tests (the traps its tests catch and the reference solution) unlocks once a check passes, or when you reveal the answer.`]);
    assert.equal(services.learn.access(drill, 'typescript').open, false);
  });

  it('after a pass through Check Solution: the traps with their catching tests, the model answer, and the reference beside the scratch file', async function () {
    this.timeout(120_000);
    const { services } = await api();
    const drill = services.repo.get(DRILL)!;
    const editor = (await vscode.commands.executeCommand<vscode.TextEditor>('interviewDrills.openDrill', DRILL, 'typescript'));
    await typeInto(editor, referenceText(drill.solution, editor.document.getText()));
    const mine = editor.document.getText();

    // The pass notification offers What This Drill Tests; picking it opens the view.
    const { result: outcome, asked } = await answering('showInformationMessage', 'What This Drill Tests',
      () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', DRILL));
    assert.equal(outcome.passed, true, outcome.result.summary);
    assert.ok(asked.some((m) => m.startsWith(`✓ ${drill.title}: solved.`)), asked.join(' | '));

    const page = services.descriptions.learnUriFor(drill, 'typescript');
    await waitFor('the page\'s preview', () => services.descriptions.previewTabs().some((t) => t.label.includes(`${DRILL}.what-it-tests.md`)) || undefined);
    const scratch = services.scratch.uriFor(drill, 'typescript');
    const reference = services.descriptions.referenceUriFor(drill, 'typescript');
    const diff = await waitFor('the diff editor', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff
      && t.input.original.toString() === reference.toString() && t.input.modified.toString() === scratch.toString()));
    assert.ok(diff.label.includes(`${drill.title}: reference`), diff.label);
    assert.ok(!services.descriptions.previewTabs().some((t) => t.group === diff.group), 'the diff is not in the page\'s group');
    // The left side is the reference under the file's own header; the right side is the user's file.
    const left = await vscode.workspace.openTextDocument(reference);
    assert.equal(left.getText(), referenceText(drill.solution, mine));
    assert.ok(left.getText().includes(drill.solution.trim().split('\n')[0]!));

    // The traps are worked out in the background; the page follows.
    const report = await services.learn.traps(drill, 'typescript');
    assert.ok(report?.complete, 'every mistake was checked');
    const doc = await vscode.workspace.openTextDocument(page);
    const text = await waitFor('the traps on the page', () => (doc.getText().includes('Caught by') ? doc.getText() : undefined));
    const expected = TRAPS.map(([title, tests]): [string, string[]] => [title, tests.map((t) => `diskUsageLevel › ${t}`)]);
    assert.deepEqual(expected.map(([t]) => t), drill.mistakes.map((m) => m.title), 'every kept mistake, in drill.yaml\'s order');
    assert.deepEqual(trapsOf(text), expected);
    // Then the model answer and its key points, as the description renders them after a reveal.
    assert.ok(text.indexOf('## The traps its tests catch') < text.indexOf('## Model answer'));
    assert.ok(text.indexOf('## Model answer') < text.indexOf('## Key points'));
    for (const p of drill.keyPoints!) assert.ok(text.includes(p.trim()), p);
    assert.match(text, /\*Beginner · .* · TypeScript · solved\*/);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', text);
    assert.match(html, /<h2[^>]*>The traps its tests catch<\/h2>/);

    // Asked again, it opens at once from the cache, with the same report.
    const again = await vscode.commands.executeCommand<LearnShown>('interviewDrills.whatThisDrillTests', DRILL, 'typescript');
    assert.ok(again.open);
    assert.equal(await again.traps, report);
  });
});
