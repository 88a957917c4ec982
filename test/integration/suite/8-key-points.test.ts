// Minutes and key points in a real VS Code: the tree shows a drill's time estimate beside its whole title, and the
// description shows the estimate under the title and the key points under the model answer, only once revealed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { shortTitle } from '../../../src/core/describe';
import { answering, api, waitFor } from './helpers';

describe('minutes and key points', () => {
  it('shows each drill\'s minutes in the tree, after its whole title, and in its tooltip', async () => {
    const { services } = await api();
    for (const tier of services.tree.getChildren()) {
      for (const node of services.tree.getChildren(tier)) {
        if (node.kind !== 'drill') continue;
        const { drill } = node;
        const item = services.tree.getTreeItem(node);
        assert.equal(item.label, shortTitle(drill.title), drill.id);
        assert.ok(Number.isInteger(drill.minutes), `${drill.id} has minutes`);
        assert.match(String(item.description), new RegExp(` · ${drill.minutes} min$`), `${drill.id}: ${String(item.description)}`);
        // MarkdownString.appendText keeps spaces as &nbsp;.
        const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
        assert.ok(tooltip.includes(`about ${drill.minutes} min`), `${drill.id}: ${tooltip}`);
      }
    }
  });

  it('shows the minutes under the title, and the key points only after Reveal Answer, under the model answer', async () => {
    const { services } = await api();
    const drill = services.repo.all().find((d) => (d.keyPoints?.length ?? 0) > 0 && services.scores.get(d.id)?.answerRevealed !== true);
    assert.ok(drill, 'a bundled drill with key points whose answer is still hidden');
    const points = drill.keyPoints!;

    await vscode.commands.executeCommand('interviewDrills.openDrill', drill.id);
    await vscode.commands.executeCommand('interviewDrills.showDescription', drill.id);
    await waitFor('the description preview', () => services.descriptions.previewTabs().some((t) => t.label.includes(`${drill.id}.md`)) || undefined);
    const doc = await vscode.workspace.openTextDocument(services.descriptions.uriFor(drill));
    const before = doc.getText();
    assert.ok(before.includes(`about ${drill.minutes} min`), before.slice(0, 300));
    assert.ok(before.includes('Reveal Answer'), 'the answer is hidden');
    assert.doesNotMatch(before, /Key points/);
    for (const p of points) assert.ok(!before.includes(p), `"${p}" is not shown before the answer`);

    const revealed = await answering('showWarningMessage', 'Reveal Answer', () => vscode.commands.executeCommand('interviewDrills.revealAnswer', drill.id));
    assert.equal(revealed.result, true);
    // The open description follows the score store a moment later.
    const after = await waitFor('the key points in the description', () => (doc.getText().includes('## Key points') ? doc.getText() : undefined));
    assert.ok(after.indexOf('## Model answer') < after.indexOf('## Key points'), 'the key points come after the model answer');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', after);
    const section = html.slice(html.search(/<h2[^>]*>Key points<\/h2>/));
    assert.ok(section.length < html.length, 'a "Key points" heading is rendered');
    const items = [...section.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim());
    assert.deepEqual(items, points.map((p) => p.replace(/`/g, '')));
    assert.match(html, new RegExp(`about ${drill.minutes} min`));
  });
});
