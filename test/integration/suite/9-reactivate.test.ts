import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, type InterviewDrillsApi } from '../../../src/extension';
import { answering, api, waitFor } from './helpers';

const text = (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.readFile(uri)).then((b) => new TextDecoder().decode(b));
async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
function tabOn(uri: vscode.Uri): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
}

// Runs last: it disposes the first activation's registrations and activates the extension's code again, as an
// update of the extension does. Before it, scratch files are planted where versions before 0.1.0 kept them.
describe('reactivation', () => {
  let again: InterviewDrillsApi;
  let asked: string[] = [];
  let planted: { moves: string; stays: string; movesOld: vscode.Uri; staysOld: vscode.Uri };

  it('keeps scores across a reactivation of the extension, and offers to move scratch files from the old storage folder', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const context = services.context;
    const score = services.scores.get(drill.id);
    assert.ok(score?.firstPassedAt);
    // The old default folder (the extension's storage) holds two scratch files: one for a drill that has none in
    // .drills yet, one for a drill that has (its .drills file wins; the old one is not abandoned: it stays, named).
    const legacy = services.scratch.legacy;
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const fresh = services.repo.all()[services.repo.all().length - 1]!;
    const taken = drill;
    await vscode.workspace.fs.delete(services.scratch.uriFor(fresh)).then(undefined, () => undefined);
    assert.ok(await services.scratch.exists(taken));
    planted = { moves: fresh.id, stays: taken.id, movesOld: vscode.Uri.joinPath(legacy, `${fresh.id}.ts`), staysOld: vscode.Uri.joinPath(legacy, `${taken.id}.ts`) };
    await vscode.workspace.fs.createDirectory(legacy);
    await vscode.workspace.fs.writeFile(planted.movesOld, new TextEncoder().encode(`// my old work on ${fresh.id}\n`));
    await vscode.workspace.fs.writeFile(planted.staysOld, new TextEncoder().encode(`// my old work on ${taken.id}\n`));
    // A tab restored on an old file is a scratch tab (▶, CodeLens, shortcut).
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(planted.movesOld));
    assert.equal(services.scratch.drillIdFor(planted.movesOld), fresh.id);

    // Dispose everything the extension registered (as closing the window does), then run activate() again over
    // the same workspace state.
    const sandbox = services.checker.sandboxPid;
    assert.ok(sandbox, 'a warm sandbox runs');
    // The Python track's warm process (started by the Python checks before this) ends with the window too.
    const pythonSandbox = await services.python.warmPid();
    assert.ok(pythonSandbox, 'a warm Python sandbox runs');
    for (const d of context.subscriptions.splice(0)) d.dispose();
    await waitFor('the sandbox process to end', () => {
      try {
        process.kill(sandbox, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 10_000);
    await waitFor('the Python sandbox process to end', () => {
      try {
        process.kill(pythonSandbox, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 10_000);
    const r = await answering('showInformationMessage', 'Move Them', async () => {
      const a = await activate(context);
      await waitFor('the move to be reported', () => a.services.notices.find((n) => n.startsWith('Interview Drills: moved')));
      return a;
    });
    again = r.result;
    asked = r.asked;
    assert.notEqual(again.services.scores, services.scores);
    assert.deepEqual(again.services.scores.get(drill.id), score);
    assert.equal(again.services.scores.status(drill.id), 'passed');
    assert.equal((again.services.tree.getTreeItem(again.services.tree.nodeFor(drill)).iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.match(again.services.statusBar.text, /Drills: [1-9]\d*\/\d+ solved/);
  });

  it('moves the old scratch files to .drills on Move: the tab follows, a drill with a file in both keeps both', async () => {
    const { services } = again;
    // What was asked (the sentences `say` shows go through the same call, and are in `notices`).
    const questions = asked.filter((a) => !services.notices.includes(a));
    assert.equal(questions.length, 1, asked.join('\n'));
    assert.match(questions[0]!, /scratch files now live in a shorter folder, .*\.drills\. Move your 2 scratch files from .* there\?/);
    const movedTo = services.scratch.uriFor(planted.moves);
    assert.match(movedTo.path, /\/\.drills\//);
    assert.equal(await text(movedTo), `// my old work on ${planted.moves}\n`);
    assert.equal(await exists(planted.movesOld), false);
    await waitFor('the tab to follow its file', () => tabOn(movedTo));
    assert.equal(tabOn(planted.movesOld), undefined);
    const notice = services.notices.find((n) => n.startsWith('Interview Drills: moved'))!;
    assert.match(notice, new RegExp(`moved 1 scratch file to .*\\.drills\\. 1 file stays in .*, because .* already has one \\(${planted.stays}\\)`));
    assert.equal(await text(planted.staysOld), `// my old work on ${planted.stays}\n`, 'the old file is kept');
    assert.equal(services.scratch.drillIdFor(planted.staysOld), planted.stays, 'and still a scratch file');
  });

  it('asks once: a user who leaves the old files there is told where they are, and not asked again', async () => {
    const { services } = again;
    const first = await answering('showInformationMessage', 'Leave Them', () => services.scratch.offerLegacyMove(services.say));
    assert.equal(first.asked.filter((a) => !services.notices.includes(a)).length, 1, first.asked.join('\n'));
    assert.ok(services.notices.some((n) => /your 1 scratch file stays in .*; their open tabs keep working/.test(n)), services.notices.join('\n'));
    const second = await answering('showInformationMessage', 'Move Them', () => services.scratch.offerLegacyMove(services.say));
    assert.deepEqual(second.asked, [], 'not asked again');
    assert.ok(await exists(planted.staysOld));
  });
});
