import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import * as path from 'node:path';
import { closeFences, drillMarkdown, hasCodeBlock, minutesLabel, plainText, shortTitle } from '../../src/core/describe';
import { loadPackFromDir } from '../../src/core/pack';
import { repoRoot } from '../fixtures/runner/support';
import type { Drill } from '../../src/core/model';

const drill: Drill = {
  id: 'd', tier: 'scenario', topic: 'subprocess', title: 'Find kubectl', order: 3, prompt: 'Why does CI fail?',
  answer: 'Because PATH differs.', hints: ['Look at PATH.', 'Walk each entry.', 'for (const dir of path.split(":"))'],
  stub: '', solution: '', tests: '', mistakes: [], source: { file: 'f', lines: {} },
};

describe('drill description', () => {
  it('shows the prompt, no hint and a hidden answer at first', () => {
    const md = drillMarkdown(drill, { hintsShown: 0, answerShown: false });
    assert.match(md, /^# Find kubectl\n\n\*Scenario-based · Running commands\*\n\nWhy does CI fail\?/);
    assert.match(md, /## Hints \(0 of 3 shown\)/);
    assert.ok(!md.includes('Look at PATH.'));
    assert.ok(!md.includes('Because PATH differs.'));
  });

  it('shows exactly the hints used, capped at the ladder, and the answer once revealed', () => {
    const two = drillMarkdown(drill, { hintsShown: 2, answerShown: false, status: 'solved' });
    assert.ok(two.includes('### Hint 1\n\nLook at PATH.') && two.includes('### Hint 2\n\nWalk each entry.'));
    assert.ok(!two.includes('Hint 3'));
    assert.match(two, /· solved\*/);
    const all = drillMarkdown(drill, { hintsShown: 9, answerShown: true });
    assert.match(all, /Hints \(3 of 3 shown\)/);
    assert.ok(all.includes('Because PATH differs.'));
  });

  it('gives the time estimate beside tier and topic, and nothing when the drill has none', () => {
    const timed = { ...drill, minutes: 20 };
    assert.match(drillMarkdown(timed, { hintsShown: 0, answerShown: false, status: 'not tried yet' }), /^# Find kubectl\n\n\*Scenario-based · Running commands · about 20 min · not tried yet\*\n/);
    assert.doesNotMatch(drillMarkdown(drill, { hintsShown: 0, answerShown: false }), /min/);
    assert.equal(minutesLabel(timed), '20 min');
    assert.equal(minutesLabel(drill), undefined);
  });

  it('lists the key points under the model answer once it is revealed, never before', () => {
    const pointed = { ...drill, keyPoints: ['CI has another `PATH`', '`shutil.which` returns None when missing', '# not a heading', '1. not a list'] };
    for (const hintsShown of [0, 3]) {
      const hidden = drillMarkdown(pointed, { hintsShown, answerShown: false });
      assert.doesNotMatch(hidden, /Key points|shutil\.which|another `PATH`/);
    }
    const shown = drillMarkdown(pointed, { hintsShown: 0, answerShown: true });
    assert.ok(shown.endsWith([
      '## Model answer', '', 'Because PATH differs.', '', '## Key points', '', '_What an interviewer listens for when you answer out loud._', '',
      '- CI has another `PATH`', '- `shutil.which` returns None when missing', '- \\# not a heading', '- 1\\. not a list', '',
      '_The traps this drill\'s tests catch, and the reference beside your code: **Interview Drills: What This Drill Tests**._', '',
    ].join('\n')), shown);
    assert.deepEqual(headingsOutsideCode(shown).slice(-2), ['## Model answer', '## Key points']);
    // A drill without key points shows no such heading.
    assert.doesNotMatch(drillMarkdown(drill, { hintsShown: 0, answerShown: true }), /Key points/);
  });

  it('renders a prompt\'s details list as a collapsible list, as the markdown preview does (HTML on)', () => {
    const prompt = '> "Q?"\n\nDo it.\n\n<details><summary>Details and edge cases</summary>\n\n- one `a`\n- two\n\n</details>\n';
    const html = new MarkdownIt({ html: true }).render(drillMarkdown({ ...drill, prompt }, { hintsShown: 0, answerShown: false }));
    assert.match(html, /<details><summary>Details and edge cases<\/summary>\s*<ul>\s*<li>one <code>a<\/code><\/li>\s*<li>two<\/li>\s*<\/ul>\s*<\/details>/);
    assert.match(html, /<blockquote>\s*<p>&quot;Q\?&quot;<\/p>/);
  });

  it('renders the details list of every bundled prompt with its bullets inside it', async () => {
    const { drills } = await loadPackFromDir(path.join(repoRoot, 'questions'));
    const md = new MarkdownIt({ html: true });
    for (const d of drills.filter((x) => x.prompt.includes('<details>'))) {
      const html = md.render(drillMarkdown(d, { hintsShown: 0, answerShown: false }));
      const inner = /<details><summary>Details and edge cases<\/summary>([^]*?)<\/details>/.exec(html)?.[1];
      assert.ok(inner, `${d.id}: the details list renders as <details> with its summary`);
      assert.match(inner, /^\s*<ul>[^]*<\/ul>\s*$/, `${d.id}: the details list holds one rendered bullet list`);
      assert.ok(!html.includes('&lt;details'), `${d.id}: no escaped details tag`);
    }
  });

  it('renders every hint as a block of its own, so a hint opening with a code fence keeps the headings after it', () => {
    const fenced = { ...drill, hints: ['```ts\nconst a = 1;\n```', 'Plain.', '```ts\nunclosed();'] };
    const md = drillMarkdown(fenced, { hintsShown: 3, answerShown: true });
    assert.ok(md.includes('### Hint 1\n\n```ts\nconst a = 1;\n```\n\n### Hint 2'));
    assert.equal(headingsOutsideCode(md).at(-1), '## Model answer');
    assert.equal(closeFences('```ts\nx\n```'), '```ts\nx\n```');
    assert.equal(closeFences('````\n```\nstill code'), '````\n```\nstill code\n````');
  });

  it('turns a hint into plain text for a notification, and knows a hint with a code block', () => {
    assert.equal(plainText('Think about `awk \'{print $9}\'` and **why**:\nthe [docs](https://x) say _so_.'), "Think about awk '{print $9}' and why: the docs say so.");
    assert.equal(plainText('Use `a_b` and `c_d`, not snake_case_names.'), 'Use a_b and c_d, not snake_case_names.');
    assert.equal(hasCodeBlock('```ts\nx\n```'), true);
    assert.equal(hasCodeBlock('Inline `code` only.'), false);
  });

  it('shortens long titles for the sidebar at a comma or before a joining word, and every bundled label fits', async () => {
    assert.equal(shortTitle('Retry a flaky network call'), 'Retry a flaky network call');
    assert.equal(shortTitle('Run deployment steps, stop at the first failure'), 'Run deployment steps');
    assert.equal(shortTitle('A bulk upload that survives bad files and restarts'), 'A bulk upload');
    assert.equal(shortTitle('Find old, large logs on a full disk'), 'Find old, large logs');
    assert.equal(shortTitle('Supercalifragilisticexpialidocious words everywhere all the time', 36), 'Supercalifragilisticexpialidocious…');
    assert.equal(shortTitle('Supercalifragilisticexpialidocious words everywhere all the time'), 'Supercalifragilisticexpialidocio…');
    for (const d of (await loadPackFromDir(path.join(repoRoot, 'questions'))).drills) {
      assert.ok(shortTitle(d.title).length <= 33, d.title);
      assert.ok(!shortTitle(d.title).endsWith('…'), `${d.title}: its label is cut mid-phrase; shorten the title, or put a comma after its head`);
    }
  });

  it('keeps every heading of every bundled drill outside code, all hints, the answer and its key points shown', async () => {
    for (const d of (await loadPackFromDir(path.join(repoRoot, 'questions'))).drills) {
      const headings = headingsOutsideCode(drillMarkdown(d, { hintsShown: d.hints.length, answerShown: true }));
      const expected = ['# ', '## Hints', ...d.hints.map((_, i) => `### Hint ${i + 1}`), '## Model answer', ...(d.keyPoints?.length ? ['## Key points'] : [])];
      assert.deepEqual(expected.map((e) => headings.some((h) => h.startsWith(e))), expected.map(() => true), `${d.id}: ${headings.join(' | ')}`);
    }
  });
});

/** The ATX headings of a markdown text that are not inside a fenced code block (CommonMark's fence rules). */
function headingsOutsideCode(md: string): string[] {
  const headings: string[] = [];
  let open: string | undefined;
  for (const line of md.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (open !== undefined) {
      if (fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
    } else if (fence) open = fence;
    else if (/^#{1,6} /.test(line)) headings.push(line);
  }
  return headings;
}
