import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

const good = `id: my-own-drill
tier: beginner
topic: regex
title: My own drill
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

// A user's own question folder (interviewDrills.extraQuestionFolders) with one good and one broken file.
describe('user question folders', () => {
  let dir: string;
  const cfg = () => vscode.workspace.getConfiguration('interviewDrills');

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'my-drills-'));
    fs.writeFileSync(path.join(dir, 'good.yaml'), good);
    fs.writeFileSync(path.join(dir, 'broken.yaml'), good.replace('id: my-own-drill', 'id: broken-drill').replace('topic: regex\n', ''));
  });

  after(async () => {
    await cfg().update('extraQuestionFolders', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the good drills, and reports the broken file in the Problems panel with its line and field', async () => {
    const { services } = await api();
    const bundled = services.repo.all().length;
    await cfg().update('extraQuestionFolders', [dir], vscode.ConfigurationTarget.Global);
    await waitFor('the extra drill to load', () => services.repo.get('my-own-drill'));
    assert.equal(services.repo.all().length, bundled + 1);
    assert.equal(services.repo.get('broken-drill'), undefined);
    const problems = services.repo.problems();
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, 'topic');
    const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, 'broken.yaml')));
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /topic: missing required field "topic"/);
    assert.equal(diagnostics[0]!.range.start.line, 0);
    const beginner = services.tree.getChildren().find((n) => n.kind === 'tier' && n.tier === 'beginner')!;
    assert.ok(services.tree.getChildren(beginner).some((n) => n.kind === 'drill' && n.drill.id === 'my-own-drill'));
  });

  it('checks a user drill like a bundled one', async () => {
    const { services } = await api();
    const drill = services.repo.get('my-own-drill')!;
    const outcome = await services.checker.check(drill, { text: drill.solution, notify: false });
    assert.equal(outcome.result.verdict, 'passed', outcome.result.summary);
    assert.equal(outcome.result.counts.total, 2);
  });

  it('drops the folder\'s drills and problems when the setting is cleared', async () => {
    const { services } = await api();
    await cfg().update('extraQuestionFolders', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the extra drill to go', () => (services.repo.get('my-own-drill') ? undefined : true));
    assert.deepEqual(services.repo.problems(), []);
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, 'broken.yaml'))).length, 0);
  });
});
