import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { answering, api, waitFor } from './helpers';

type Histories = Record<string, { history?: Array<{ at: string }> }>;
function inTimeOrder(scores: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(scores)) as Histories;
  for (const s of Object.values(copy)) s.history?.sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
  return copy;
}

describe('export and import progress', () => {
  it('exports progress, and importing it into a fresh state restores scores, ratings, reviews and interviews', async () => {
    const { services } = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-progress-'));
    const file = vscode.Uri.file(path.join(dir, 'progress.json'));
    await services.ratings.set('logging-errors', 2);
    const drill = services.repo.all().find((d) => services.scores.status(d.id) === 'passed')!;
    assert.ok(drill, 'an earlier suite solved a drill');
    await services.reviews.record(drill.id, true);
    await vscode.commands.executeCommand('interviewDrills.exportProgress', file);
    const scores = JSON.parse(JSON.stringify(services.scores.all())) as unknown;
    const ratings = { ...services.ratings.all() };
    const reviews = JSON.parse(JSON.stringify(services.reviews.all())) as unknown;
    const history = services.interview.history();
    assert.ok(Object.keys(scores as object).length > 0 && Object.keys(reviews as object).length > 0);
    const saved = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as { format: string; version: number };
    assert.equal(saved.format, 'interview-drills-progress');

    // A fresh state: everything forgotten. A check an earlier suite started may still record a score after the
    // reset, which the import would then merge with: reset until the store stays empty for a moment.
    await waitFor('the scores to stay forgotten', async () => {
      await services.scores.reset();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return Object.keys(services.scores.all()).length === 0 || undefined;
    });
    await services.ratings.resetAll();
    await services.reviews.resetAll();
    await services.context.workspaceState.update('interviewDrills.interviews', undefined);
    assert.equal(services.scores.status(drill.id), 'untried');

    const { result: summary } = await answering('showInformationMessage', undefined,
      () => vscode.commands.executeCommand<{ drills: number }>('interviewDrills.importProgress', file));
    assert.ok(summary && summary.drills > 0);
    // Every attempt comes back as it was. The import keeps each history in time order; an earlier suite that moved
    // the injected clock forward and back (the mock interview's countdown) leaves some out of order, so compare in
    // time order.
    assert.deepEqual(inTimeOrder(services.scores.all()), inTimeOrder(scores));
    assert.deepEqual(services.ratings.all(), ratings);
    assert.deepEqual(services.reviews.all(), reviews);
    assert.deepEqual(services.interview.history(), history);
    assert.equal(services.scores.status(drill.id), 'passed');
    assert.match(services.tree.getTreeItem(services.tree.nodeFor(drill)).contextValue ?? '', /^drill\.passed(\.python)?$/, 'the tree shows it');

    // Importing the same file again changes nothing.
    await answering('showInformationMessage', undefined, () => vscode.commands.executeCommand('interviewDrills.importProgress', file));
    assert.deepEqual(inTimeOrder(services.scores.all()), inTimeOrder(scores));
    await services.ratings.clear('logging-errors');
  });

  it('refuses a bad file with a clear error naming it, and changes nothing', async () => {
    const { services } = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-progress-'));
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'interview-drills-progress', version: 1, exportedAt: '2026-01-01T00:00:00Z', ratings: { version: 1, ratings: { regex: 9 } }, reviews: { 'Not An Id': {} } }));
    const scores = JSON.stringify(services.scores.all());
    const ratings = JSON.stringify(services.ratings.all());
    const reviews = JSON.stringify(services.reviews.all());
    const { result, asked } = await answering('showErrorMessage' as 'showWarningMessage', undefined,
      () => vscode.commands.executeCommand('interviewDrills.importProgress', vscode.Uri.file(bad)));
    assert.equal(result, undefined);
    assert.equal(asked.length, 1);
    assert.ok(asked[0]!.includes(bad), asked[0]);
    assert.match(asked[0]!, /nothing was imported/);
    assert.match(asked[0]!, /regex/);
    assert.match(asked[0]!, /not a drill id/);
    assert.equal(JSON.stringify(services.scores.all()), scores);
    assert.equal(JSON.stringify(services.ratings.all()), ratings);
    assert.equal(JSON.stringify(services.reviews.all()), reviews);

    const notJson = path.join(dir, 'broken.json');
    fs.writeFileSync(notJson, '{ "format": ');
    const second = await answering('showErrorMessage' as 'showWarningMessage', undefined,
      () => vscode.commands.executeCommand('interviewDrills.importProgress', vscode.Uri.file(notJson)));
    assert.match(second.asked[0]!, /broken\.json: is not valid JSON/);
  });
});
