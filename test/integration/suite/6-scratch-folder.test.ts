import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scratchText } from '../../../src/core/scratch';
import { answering, api, typeInto, waitFor } from './helpers';

const cfg = () => vscode.workspace.getConfiguration('interviewDrills');
const root = () => vscode.workspace.workspaceFolders![0]!.uri;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function openTab(uri: vscode.Uri): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
}

/** What makes a scratch tab work: it is known as the drill's file, the ▶/shortcut context key is set, its CodeLens shows. */
async function assertScratchTabWorks(uri: vscode.Uri, drillId: string): Promise<void> {
  const drillsApi = await api();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.equal(drillsApi.services.scratch.drillIdFor(uri), drillId);
  await waitFor('the scratch-file context key', () => drillsApi.isScratchFileActive());
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  assert.ok(lenses.some((l) => l.command?.command === 'interviewDrills.checkSolution' && l.command.arguments?.[0] === drillId), 'the Check Solution CodeLens');
}

// interviewDrills.scratchFolder: scratch files in a folder of the user's choice instead of .drills.
describe('scratch folder setting', () => {
  after(async () => {
    await cfg().update('scratchFolder', undefined, vscode.ConfigurationTarget.Global);
    await cfg().update('scratchFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens drills as files of the workspace folder, with the tsconfig beside them, and knows them as scratch files', async () => {
    const { services } = await api();
    const drill = services.repo.all()[2]!;
    const defaultUri = services.scratch.uriFor(drill);
    const expected = vscode.Uri.joinPath(root(), 'my-drills', `${drill.id}.ts`);
    await answering('showInformationMessage', 'Leave Them', async () => {
      await cfg().update('scratchFolder', 'my-drills', vscode.ConfigurationTarget.Global);
      await waitFor('the new folder', () => services.scratch.uriFor(drill).toString() === expected.toString());
    });
    assert.notEqual(expected.toString(), defaultUri.toString());

    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    assert.equal(editor.document.uri.toString(), expected.toString());
    assert.equal(editor.document.getText(), scratchText(drill));
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root(), 'my-drills', 'tsconfig.json'));
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root(), 'my-drills', 'drills-env.d.ts'));
    assert.equal(services.scratch.drillIdFor(expected), drill.id);
  });

  it('offers to move the scratch files on a change; open tabs follow them (unsaved edits saved first), and ▶, CodeLens and check still work', async () => {
    const { services } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const a = services.repo.all()[3]!;
    const b = services.repo.all()[4]!;
    const edA = (await vscode.commands.executeCommand('interviewDrills.openDrill', a.id)) as vscode.TextEditor;
    await typeInto(edA, a.solution);
    const edB = (await vscode.commands.executeCommand('interviewDrills.openDrill', b.id)) as vscode.TextEditor;
    await typeInto(edB, `// my own work on ${b.id}\n${b.stub}`);
    assert.ok(await edB.document.save());
    const oldA = services.scratch.uriFor(a);
    const oldB = services.scratch.uriFor(b);
    const target = vscode.Uri.joinPath(root(), 'moved-drills');
    const newA = vscode.Uri.joinPath(target, `${a.id}.ts`);
    const newB = vscode.Uri.joinPath(target, `${b.id}.ts`);

    const { asked } = await answering('showInformationMessage', 'Move Them', async () => {
      await cfg().update('scratchFolder', 'moved-drills', vscode.ConfigurationTarget.Global);
      await waitFor('the files to move', async () => (await exists(newA)) && (await exists(newB)) && !(await exists(oldB)));
      await waitFor('the move to be reported', () => services.notices.some((n) => /^Interview Drills: moved \d+ scratch files? to .*moved-drills/.test(n)));
    });
    assert.match(asked[0]!, /scratch files now go to .*moved-drills\. Move your \d+ scratch files? from .*my-drills there\?/);
    assert.equal(services.scratch.uriFor(a).toString(), newA.toString());
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(newB)), `// my own work on ${b.id}\n${b.stub}`);
    assert.equal(await exists(oldA), false);

    // The tabs now show the moved files, and no tab shows an old one; A's unsaved solution was saved and came along.
    await waitFor('the tabs to follow their files', () => openTab(newA) && openTab(newB));
    assert.equal(openTab(oldA), undefined);
    assert.equal(openTab(oldB), undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(newA)), a.solution);
    const docA = await vscode.workspace.openTextDocument(newA);
    assert.equal(docA.getText(), a.solution);
    assert.equal(docA.isDirty, false);
    await assertScratchTabWorks(newA, a.id);
    // The check from the keyboard/▶ path (no argument: the active scratch file) runs on the moved tab's text.
    const outcome = (await vscode.commands.executeCommand('interviewDrills.checkSolution')) as { passed: boolean; result: { summary: string } };
    assert.equal(outcome.passed, true, outcome.result.summary);
  });

  it('leaves the files where they are when asked, says where, and their open tabs keep working', async () => {
    const { services } = await api();
    const a = services.repo.all()[3];
    const oldA = services.scratch.uriFor(a!);
    assert.match(oldA.path, /moved-drills/);
    await assertScratchTabWorks(oldA, a!.id);
    await answering('showInformationMessage', 'Leave Them', async () => {
      await cfg().update('scratchFolder', 'second-drills', vscode.ConfigurationTarget.Global);
      await waitFor('the notice', () => services.notices.some((n) => /stay in .*moved-drills; their open tabs keep working\. Drills you open from now on start in .*second-drills/.test(n)));
    });
    assert.ok(await exists(oldA), 'the file stayed');
    assert.match(services.scratch.uriFor(a!).path, /second-drills/);
    // The tab on the old file is still a scratch tab: ▶, shortcut, CodeLens, and a check of its text.
    await assertScratchTabWorks(oldA, a!.id);
    const doc = vscode.window.activeTextEditor!.document;
    await typeInto(vscode.window.activeTextEditor!, a!.stub);
    const outcome = (await vscode.commands.executeCommand('interviewDrills.checkSolution')) as { passed: boolean };
    assert.equal(outcome.passed, false, 'the check ran on the old tab\'s text (the stub fails)');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(doc.isDirty, false);
    await cfg().update('scratchFolder', undefined, vscode.ConfigurationTarget.Global);
  });
});

// A workspace may only keep scratch files inside itself: its own settings cannot send them elsewhere.
describe('a workspace scratchFolder outside the workspace', () => {
  let outside: string;
  before(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-outside-'));
    fs.symlinkSync(outside, path.join(root().fsPath, 'link-out'));
  });

  after(async () => {
    await cfg().update('scratchFolder', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(path.join(root().fsPath, 'link-out'), { force: true });
    fs.rmSync(outside, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const cases: [string, () => string, RegExp][] = [
    ['"../.."', () => '../..', /it is outside the workspace/],
    ['an absolute path elsewhere', () => path.join(outside, 'drills'), /it is outside the workspace/],
    ['a symbolic link that leads out', () => 'link-out/drills', /a symbolic link leads out of the workspace/],
  ];
  for (const [what, value, why] of cases) {
    it(`is refused with a clear message: ${what}`, async () => {
      const { services } = await api();
      const setting = value();
      await cfg().update('scratchFolder', setting, vscode.ConfigurationTarget.Workspace);
      const notice = await waitFor('the refusal', () => services.notices.find((n) => n.includes(`scratchFolder ("${setting}") is not used`)));
      assert.match(notice, why);
      assert.match(notice, /Scratch files go to .*\.drills;/);
      assert.equal(services.scratch.folder().toString(), services.scratch.defaultFolder.toString());
      const drill = services.repo.all()[6]!;
      const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
      assert.ok(editor.document.uri.fsPath.startsWith(services.scratch.defaultFolder.fsPath));
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing written outside the workspace');
      await cfg().update('scratchFolder', undefined, vscode.ConfigurationTarget.Workspace);
    });
  }

  it('is used when it stays inside the workspace', async () => {
    const { services } = await api();
    await answering('showInformationMessage', 'Leave Them', async () => {
      await cfg().update('scratchFolder', 'inside/drills', vscode.ConfigurationTarget.Workspace);
      await waitFor('the new folder', () => services.scratch.folder().path.endsWith('/inside/drills'));
    });
    assert.equal(services.scratch.refused, undefined);
    await cfg().update('scratchFolder', undefined, vscode.ConfigurationTarget.Workspace);
  });
});
