import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { recallByTopic } from '../../../src/core/assessment';
import { assessmentChart } from '../../../src/core/assessmentChart';
import type { AssessmentPanel } from '../../../src/vscode/assessmentPanel';
import type { CheckOutcome } from '../../../src/vscode/checker';
import { answering, api, inWebview, typeInto, waitFor, webviewProbeAvailable } from './helpers';

const PY_DRILL = 'guaranteed-cleanup';

async function openPanel(): Promise<AssessmentPanel> {
  const panel = await vscode.commands.executeCommand<AssessmentPanel>('interviewDrills.openAssessment');
  await waitFor('the page to say ready', () => panel.lastState, 30_000);
  return panel;
}

/** Waits until the visible page has drawn the chart (the state arrives before the DOM is built). */
async function chartDrawn(): Promise<void> {
  await waitFor('the chart to be drawn', async () => ((await inWebview([{ count: 'svg#assessment-chart g.topic-group' }]))[0] === 12) || undefined);
}

// The self-assessment panel's picture: measured results from both languages and mock interviews' recall, drawn as an
// SVG chart a keyboard and a screen reader can use, with the table a click away. Runs in code-server; the page is
// driven through Chromium (focus and key presses are real).
describe('self-assessment chart', () => {
  const solvedHere: string[] = [];
  const solvedInTypeScript: string[] = [];

  after(async () => {
    const { services } = await api();
    for (const id of solvedHere) await services.pythonScores.reset(id);
    for (const id of solvedInTypeScript) await services.scores.reset(id);
    await services.ratings.resetAll();
    await vscode.workspace.getConfiguration('interviewDrills').update('language', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('counts checks in TypeScript and in Python: a drill is solved in its topic when solved in either, and the panel says which language', async () => {
    const { services } = await api();
    const py = services.repo.get(PY_DRILL)!;
    assert.ok(py.python, `${PY_DRILL} has a Python version`);
    // Another drill of the same topic, solved in TypeScript only.
    const ts = services.repo.all().find((d) => d.topic === py.topic && d.id !== py.id && services.pythonScores.status(d.id) !== 'passed')!;
    assert.ok(ts, `a second drill in ${py.topic}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // Every bundled drill has a Python version too: this one is opened and checked in TypeScript explicitly.
    await services.scratch.reset(ts);
    const tsEditor = (await vscode.commands.executeCommand('interviewDrills.openInTypeScript', ts.id)) as vscode.TextEditor;
    assert.match(tsEditor.document.uri.path, /\.ts$/);
    await typeInto(tsEditor, ts.solution);
    const tsRun = await answering('showInformationMessage', undefined, () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', tsEditor.document.uri));
    assert.equal(tsRun.result.language, 'typescript');
    assert.equal(tsRun.result.passed, true, tsRun.result.result.summary);
    solvedInTypeScript.push(ts.id);

    await services.scratch.reset(py, 'python');
    const editor = (await vscode.commands.executeCommand('interviewDrills.openInPython', py.id)) as vscode.TextEditor;
    assert.match(editor.document.uri.path, /\.py$/);
    await typeInto(editor, py.python.solution);
    const pyRun = await answering('showInformationMessage', undefined, () => vscode.commands.executeCommand<CheckOutcome>('interviewDrills.checkSolution', editor.document.uri));
    assert.equal(pyRun.result.language, 'python');
    assert.equal(pyRun.result.passed, true, pyRun.result.result.summary);
    solvedHere.push(py.id);

    const panel = await openPanel();
    const topic = await waitFor('the panel to count the Python check', () => {
      const t = panel.lastState!.topics.find((x) => x.topic === py.topic)!;
      return t.drillRefs.find((r) => r.id === py.id)!.solvedIn.includes('python') ? t : undefined;
    });
    const own = services.repo.all().filter((d) => d.topic === py.topic);
    const either = own.filter((d) => services.scores.status(d.id) === 'passed' || services.pythonScores.status(d.id) === 'passed');
    assert.equal(topic.passed, either.length, 'solved in either language');
    assert.equal(topic.passedIn.python, own.filter((d) => services.pythonScores.status(d.id) === 'passed').length);
    assert.equal(topic.passedIn.typescript, own.filter((d) => services.scores.status(d.id) === 'passed').length);
    assert.ok(topic.drillRefs.find((r) => r.id === ts.id)!.solvedIn.includes('typescript'));
    assert.equal(panel.lastState!.summary.drillsPassed,
      services.repo.all().filter((d) => services.scores.status(d.id) === 'passed' || services.pythonScores.status(d.id) === 'passed').length);

    if (!webviewProbeAvailable()) return;
    await chartDrawn();
    const [label, row] = await inWebview([{ attrs: `#chart-topic-${py.topic}`, name: 'aria-label' }, { text: `#table-topic-${py.topic} td` }]) as [string[], string[]];
    assert.match(label[0]!, new RegExp(`${topic.passed} of \\d+ drills solved, \\d+%, in (TypeScript \\d+, Python \\d+|Python)`), label[0]);
    assert.match(row[1]!, /Python/, 'the table names the language too');
  });

  it('adds the recall score of a mock interview to its spoken question\'s topic', async () => {
    const { services } = await api();
    const { interview } = services;
    if (interview.running) await interview.finish('stopped', false);
    const session = await interview.start({ lengthMinutes: 30, tiers: ['beginner', 'intermediate'] });
    assert.ok(session);
    await interview.handleMessage({ command: 'done' });
    await interview.handleMessage({ command: 'checklist', ticked: [0] });
    const record = (await interview.finish('finished', false))!;
    const spokenTopic = services.repo.get(record.spoken.id)!.topic;
    const expected = recallByTopic(interview.history(), services.repo.all())[spokenTopic]!;
    assert.ok(expected.interviews >= 1);
    assert.equal(expected.last, record.score.recall);

    const panel = await openPanel();
    // The panel may still show the recall of an earlier interview until its refresh lands: wait for this one.
    const t = await waitFor('the recall in the panel', () => {
      const recall = panel.lastState!.topics.find((x) => x.topic === spokenTopic)!.recall;
      return recall && recall.interviews === expected.interviews ? recall : undefined;
    });
    assert.deepEqual(t, expected);
    if (!webviewProbeAvailable()) return;
    await chartDrawn();
    const [label] = await inWebview([{ attrs: `#chart-topic-${spokenTopic}`, name: 'aria-label' }]) as [string[]];
    assert.ok(label[0]!.includes(`recall ${expected.mean} of 100 over ${expected.interviews} mock interview`), label[0]);
  });

  it('draws one focusable group per topic whose label gives the three values in words, and keeps the flags', async function () {
    if (!webviewProbeAvailable()) this.skip();
    const { services } = await api();
    await services.ratings.set('regex', 5);
    await services.ratings.set('file-io', 1);
    const panel = await openPanel();
    await waitFor('the ratings in the state', () => panel.lastState!.topics.find((t) => t.topic === 'file-io')!.rating === 1 || undefined);
    await chartDrawn();
    const expected = assessmentChart(panel.lastState!.topics);
    const [groups, labels, roles, tabindexes, svgRole, bars, flags] = await inWebview([
      { count: 'svg#assessment-chart g.topic-group' },
      { attrs: 'svg#assessment-chart g.topic-group', name: 'aria-label' },
      { attrs: 'svg#assessment-chart g.topic-group', name: 'role' },
      { attrs: 'svg#assessment-chart g.topic-group', name: 'tabindex' },
      { attrs: 'svg#assessment-chart', name: 'role' },
      { count: 'svg#assessment-chart rect.bar' },
      { text: '#chart-topic-file-io text.flags' },
    ]) as [number, string[], string[], string[], string[], number, string[]];
    assert.equal(groups, 12);
    assert.deepEqual(labels, expected.groups.map((g) => g.ariaLabel), 'the page draws the core\'s labels');
    assert.match(labels.find((l) => l.startsWith('Regular expressions'))!, /self-rating 5 of 5; .*strong area/);
    assert.match(labels.find((l) => l.startsWith('File I/O'))!, /self-rating 1 of 5; .*weak area/);
    assert.ok(roles.every((r) => r === 'listitem'));
    assert.deepEqual(svgRole, ['list']);
    assert.equal(tabindexes.filter((t) => t === '0').length, 1, 'one tab stop for the whole chart');
    assert.equal(bars, expected.groups.flatMap((g) => g.bars).filter((b) => b.width > 0).length);
    assert.match(flags[0]!, /weak area/, 'the flag is written, not only coloured');
    // The sections of flags are still there.
    const [weak, strong] = await inWebview([{ text: 'section.weak li .topic-name' }, { text: 'section.strong li .topic-name' }]) as [string[], string[]];
    assert.ok(weak.includes('File I/O'));
    assert.ok(strong.includes('Regular expressions'));
  });

  it('moves between topics with the arrow keys, Home and End, with a visible focus ring', async function () {
    if (!webviewProbeAvailable()) this.skip();
    await openPanel();
    await chartDrawn();
    const r = await inWebview([
      { focus: '#chart-topic-python-basics' },
      { active: 'id' },
      { style: '#chart-topic-python-basics .focus-ring', prop: 'visibility' },
      { press: 'ArrowDown' },
      { active: 'id' },
      { style: '#chart-topic-python-basics .focus-ring', prop: 'visibility' },
      { style: '#chart-topic-control-flow .focus-ring', prop: 'visibility' },
      { press: 'ArrowRight' },
      { active: 'id' },
      { press: 'ArrowUp' },
      { active: 'id' },
      { press: 'End' },
      { active: 'id' },
      { press: 'ArrowDown' },
      { active: 'id' },
      { press: 'Home' },
      { active: 'id' },
      { press: 'ArrowUp' },
      { active: 'id' },
      { attrs: 'svg#assessment-chart g.topic-group', name: 'tabindex' },
    ]);
    assert.deepEqual(r.slice(0, 3), [true, 'chart-topic-python-basics', 'visible']);
    assert.deepEqual(r.slice(4, 7), ['chart-topic-control-flow', 'hidden', 'visible']);
    assert.equal(r[8], 'chart-topic-functions-modules');
    assert.equal(r[10], 'chart-topic-control-flow');
    assert.equal(r[12], 'chart-topic-integration');
    assert.equal(r[14], 'chart-topic-integration', 'End of the list stays put');
    assert.equal(r[16], 'chart-topic-python-basics');
    assert.equal(r[18], 'chart-topic-python-basics');
    assert.deepEqual((r[19] as string[]).map((t) => t === '0'), [true, ...Array<boolean>(11).fill(false)], 'the tab stop follows the focus');
  });

  it('shows the same figures as a table on "Table", and remembers the choice when the page is reloaded', async function () {
    if (!webviewProbeAvailable()) this.skip();
    const panel = await openPanel();
    await chartDrawn();
    const [, tableShown, chartShown, rows, pressed] = await inWebview([
      { click: '#show-table' },
      { visible: '#assessment-table' },
      { visible: '#assessment-chart' },
      { count: '#assessment-table tbody tr' },
      { attrs: '.view-toggle button', name: 'aria-pressed' },
    ]);
    assert.deepEqual([tableShown, chartShown, rows, pressed], [true, false, 12, ['false', 'true']]);
    const [cells] = await inWebview([{ text: '#table-topic-regex td' }]) as [string[]];
    assert.equal(cells[0], '5 of 5');
    assert.match(cells[3]!, /strong area/);

    // Another editor over the panel discards its page; showing the panel again loads it with its saved state.
    const doc = await vscode.workspace.openTextDocument({ content: 'cover the panel' });
    await vscode.window.showTextDocument(doc, { viewColumn: panel.panel.viewColumn, preview: false });
    await waitFor('the panel to be hidden', () => !panel.panel.visible || undefined);
    panel.panel.reveal(panel.panel.viewColumn);
    await waitFor('the page to load again', () => panel.isReady || undefined);
    await waitFor('the table to show again', async () => ((await inWebview([{ visible: '#assessment-table' }]))[0] === true) || undefined);
    const [chartAgain] = await inWebview([{ visible: '#assessment-chart' }, { click: '#show-chart' }]);
    assert.equal(chartAgain, false);
    assert.equal((await inWebview([{ visible: '#assessment-chart' }]))[0], true);
  });
});
