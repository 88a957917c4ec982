import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hasCodeBlock } from '../../../src/core/describe';
import { TIERS } from '../../../src/core/model';
import { loadPackFromDirSync } from '../../../src/core/pack';
import { scratchText } from '../../../src/core/scratch';
import { answering, api, repoRoot, typeInto } from './helpers';

describe('foundation: the extension in a real VS Code', () => {
  const bundled = loadPackFromDirSync(path.join(repoRoot, 'questions'));

  before(async () => {
    const { services } = await api();
    await services.scores.reset();
  });

  it('activates, and reports its activation time', async () => {
    const a = await api();
    assert.ok(vscode.extensions.getExtension('interview-drills.interview-drills')?.isActive);
    assert.ok(a.activationMs > 0);
    console.log(`      activation time inside VS Code: ${a.activationMs.toFixed(1)} ms`);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['openDrill', 'resetDrill', 'showHint', 'revealAnswer', 'refresh', 'checkSolution', 'openAssessment']) {
      assert.ok(commands.includes(`interviewDrills.${c}`), `command interviewDrills.${c} is registered`);
    }
  });

  it('loads every bundled drill with no problem', async () => {
    const { services } = await api();
    assert.deepEqual(services.repo.problems(), []);
    assert.deepEqual(services.repo.all().map((d) => d.id), bundled.drills.map((d) => d.id));
    assert.equal(services.repo.bundledFromCache, true, 'the bundled drills come from the pack compiled at build time');
    assert.deepEqual(services.repo.all(), bundled.drills, 'and are exactly what the YAML loader yields');
  });

  it('shows the three tiers as the roots of the tree, in order, with their counts', async () => {
    const { services } = await api();
    const roots = services.tree.getChildren();
    assert.deepEqual(roots.map((r) => (r.kind === 'tier' ? r.tier : r.kind)), [...TIERS]);
    const items = roots.map((r) => services.tree.getTreeItem(r));
    assert.deepEqual(items.map((i) => i.label), ['Beginner', 'Intermediate', 'Scenario-based']);
    for (const [i, tier] of TIERS.entries()) {
      const count = bundled.drills.filter((d) => d.tier === tier).length;
      assert.ok(count > 0, `${tier} has drills`);
      assert.match(String(items[i]!.description), new RegExp(`^${count} drills · 0 solved$`));
      const children = services.tree.getChildren(roots[i]);
      assert.equal(children.length, count);
      const first = services.tree.getTreeItem(children[0]!);
      assert.equal(first.command?.command, 'interviewDrills.openDrill');
      assert.equal((first.iconPath as vscode.ThemeIcon).id, 'circle-large-outline');
    }
  });

  it('Open Drill opens a TypeScript editor with the stub, beside a strict tsconfig', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    await services.scratch.reset(drill);
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), services.scratch.uriFor(drill).toString());
    assert.equal(editor.document.languageId, 'typescript');
    assert.equal(editor.document.getText(), scratchText(drill));
    const tsconfig = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(services.scratch.folder(), 'tsconfig.json'))));
    assert.equal(tsconfig.compilerOptions.strict, true);
    assert.deepEqual(tsconfig.compilerOptions.types, []);
  });

  it('keeps scratch files in .drills of the workspace: short in the breadcrumb, and ignored by git', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = services.scratch.uriFor(drill);
    assert.equal(services.scratch.folder().toString(), vscode.Uri.joinPath(root, '.drills').toString());
    assert.equal(uri.toString(), vscode.Uri.joinPath(root, '.drills', `${drill.id}.ts`).toString());
    // What the breadcrumb and the tab's description show: the path inside the workspace folder.
    assert.equal(vscode.workspace.asRelativePath(uri, false), `.drills/${drill.id}.ts`);
    // The folder carries its own .gitignore: git leaves it out, and the workspace's own .gitignore is not touched.
    const ignore = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, '.drills', '.gitignore')));
    assert.match(ignore, /^\*$/m);
    assert.equal(fs.existsSync(path.join(root.fsPath, '.gitignore')), false);
    if (spawnSync('git', ['--version']).status !== 0) return;
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-git-'));
    try {
      fs.cpSync(path.join(root.fsPath, '.drills'), path.join(repo, '.drills'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'mine.ts'), 'export {};\n');
      const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
      assert.equal(git('init', '-q').status, 0);
      assert.equal(git('status', '--porcelain', '--untracked-files=all').stdout, '?? mine.ts\n', 'only the user\'s own file is untracked');
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('reopening a drill keeps the user\'s edits', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const editor = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    await typeInto(editor, '// my work in progress\nexport const answer = 42;\n');
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = (await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id)) as vscode.TextEditor;
    assert.equal(again.document.getText(), '// my work in progress\nexport const answer = 42;\n');
  });

  it('Reset Drill asks first, then restores the stub', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const declined = await answering('showWarningMessage', undefined, () => vscode.commands.executeCommand('interviewDrills.resetDrill', drill.id));
    assert.equal(declined.result, false);
    assert.match(declined.asked[0]!, /Reset ".*" to its starting code\?/);
    assert.equal(await services.scratch.currentText(drill), '// my work in progress\nexport const answer = 42;\n');
    const accepted = await answering('showWarningMessage', 'Reset', () => vscode.commands.executeCommand('interviewDrills.resetDrill', drill.id));
    assert.equal(accepted.result, true);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), scratchText(drill));
    assert.equal(vscode.window.activeTextEditor?.document.isDirty, false);
    assert.equal(await services.scratch.currentText(drill), scratchText(drill));
  });

  it('Show Hint steps through the ladder and remembers the hints used', async () => {
    const { services } = await api();
    const drill = services.repo.all()[0]!;
    const n = drill.hints.length;
    for (let i = 1; i <= n + 1; i++) {
      const { result, asked } = await answering('showInformationMessage', undefined, () => vscode.commands.executeCommand('interviewDrills.showHint', drill.id));
      assert.equal(result, Math.min(i, n));
      // A hint with a block of code opens the description instead of a notification.
      if (hasCodeBlock(drill.hints[Math.min(i, n) - 1]!)) assert.deepEqual(asked, []);
      else assert.ok(asked[0]!.includes(`Hint ${Math.min(i, n)}`), asked[0]);
    }
    assert.equal(services.scores.get(drill.id)?.hintsUsed, n);
    const doc = await vscode.workspace.openTextDocument(services.descriptions.uriFor(drill));
    assert.ok(doc.getText().includes(`Hints (${n} of ${n} shown)`));
    assert.ok(doc.getText().includes(drill.hints[n - 1]!.trim().split('\n')[0]!));
    const stored = services.context.workspaceState.get<{ drills: Record<string, { hintsUsed: number }> }>('interviewDrills.scores');
    assert.equal(stored?.drills[drill.id]?.hintsUsed, n);
  });

  it('Reveal Answer asks first for a drill that was not attempted', async () => {
    const { services } = await api();
    const drill = services.repo.all()[1]!;
    const declined = await answering('showWarningMessage', undefined, () => vscode.commands.executeCommand('interviewDrills.revealAnswer', drill.id));
    assert.equal(declined.result, false);
    assert.equal(declined.asked.length, 1);
    assert.notEqual(services.scores.get(drill.id)?.answerRevealed, true);
    const accepted = await answering('showWarningMessage', 'Reveal Answer', () => vscode.commands.executeCommand('interviewDrills.revealAnswer', drill.id));
    assert.equal(accepted.result, true);
    assert.equal(services.scores.get(drill.id)?.answerRevealed, true);
    const doc = await vscode.workspace.openTextDocument(services.descriptions.uriFor(drill));
    assert.ok(doc.getText().includes(drill.answer.trim().split('\n')[0]!));
  });
});
