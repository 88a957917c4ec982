import * as assert from 'node:assert/strict';
import { drillIdOfScratchFile, headerText, interviewerQuestion, scratchFileName, scratchText, stubPosition, wrap, SCRATCH_TSCONFIG } from '../../src/core/scratch';
import type { Drill } from '../../src/core/model';

const drill: Drill = {
  id: 'retry-flaky-call', tier: 'beginner', topic: 'logging-errors', title: 'Retry a flaky call', order: 4,
  prompt: 'Why retry?\n\n- first point that is long enough to need wrapping when the width is small\n\n```ts\nretry(fn)\n```\nEnd */ here.',
  answer: 'a', hints: ['h'], stub: 'export function retry(): void {\n  throw new Error("Not implemented");\n}', solution: '', tests: '', mistakes: [],
  source: { file: 'x.yaml', lines: {} },
};

describe('scratch files', () => {
  it('names scratch files after the drill and maps them back', () => {
    assert.equal(scratchFileName('retry-flaky-call'), 'retry-flaky-call.ts');
    assert.equal(drillIdOfScratchFile('retry-flaky-call.ts'), 'retry-flaky-call');
    assert.equal(drillIdOfScratchFile('tsconfig.json'), undefined);
    assert.equal(drillIdOfScratchFile('drills-env.d.ts'), undefined);
  });

  it('starts with a short header by default: title, tier, topic, the interviewer\'s question and where the task is', () => {
    const asked = { ...drill, prompt: '**Interviewer:** "Why retry a `GET`?\nTell me."\n\n## Task\n\nWrite retry().' };
    const text = scratchText(asked);
    assert.match(text, /^\/\*\n \* Retry a flaky call {2}\(Beginner · Logging and errors\)\n \*\n \* Interviewer: "Why retry a GET\? Tell me\."\n/);
    assert.ok(!text.includes('Write retry()'), 'the task stays in the description');
    assert.match(text, /Show Drill Description/);
    assert.ok(text.split('\n').indexOf(' */') < 8, 'the header is a few lines');
    assert.ok(text.endsWith(`${drill.stub}\n`));
    assert.equal(interviewerQuestion('> "Our pipeline\n> hangs."\n\nMore.'), '"Our pipeline hangs."');
  });

  it('puts the cursor on the stub\'s "Not implemented" line, else on its first line', () => {
    const text = scratchText(drill);
    const at = stubPosition(text);
    assert.match(text.split('\n')[at.line]!, /^ {2}throw new Error\("Not implemented"\);/);
    assert.equal(at.character, 2);
    const plain = scratchText({ ...drill, stub: '\nexport const x = 1;\n' });
    assert.equal(plain.split('\n')[stubPosition(plain).line], 'export const x = 1;');
  });

  it('holds the whole prompt in a full header, then the stub', () => {
    const text = scratchText(drill, { header: 'full' });
    assert.match(text, /^\/\*\n \* Retry a flaky call {2}\(Beginner · Logging and errors\)\n/);
    assert.match(text, / \* Why retry\?/);
    assert.match(text, / \* retry\(fn\)/);
    assert.ok(text.endsWith(`${drill.stub}\n`));
    // A "*/" inside the prompt must not close the comment early.
    assert.equal(text.split('*/').length, 2);
  });

  it('shows a full header as plain text: no quote markers, the details list as its summary line and bullets', () => {
    const prompt = [
      '> "Our pipeline hangs.',
      '> What do you do?"',
      '',
      '## Your task',
      '',
      '- Call `run` once.',
      '',
      '<details><summary>Details and edge cases</summary>',
      '',
      '- A timeout of `0` means none.',
      '- Types:',
      '',
      '  ```ts',
      '  > not a quote in code',
      '  ```',
      '',
      '</details>',
    ].join('\n');
    assert.equal(
      headerText(prompt),
      '"Our pipeline hangs.\nWhat do you do?"\n\n## Your task\n\n- Call `run` once.\n\nDetails and edge cases:\n\n- A timeout of `0` means none.\n- Types:\n\n  ```ts\n  > not a quote in code\n  ```\n',
    );
    const text = scratchText({ ...drill, prompt }, { header: 'full' });
    assert.ok(!/<\/?(details|summary)>/.test(text), text);
    assert.match(text, / \* "Our pipeline hangs\. What do you do\?"\n/);
    assert.match(text, / \* Details and edge cases:\n \*\n \* - A timeout of `0` means none\.\n/);
  });

  it('reflows paragraphs and list items, keeping hanging indents, headings and fenced code', () => {
    const lines = wrap('- one two three\n  four five six\n- seven\n\nA short\nparagraph here.\n## Task\n```\nconst a = 1; const b = 2;\n```', 14);
    assert.deepEqual(lines, ['- one two', '  three four', '  five six', '- seven', '', 'A short', 'paragraph', 'here.', '## Task', '```', 'const a = 1; const b = 2;', '```']);
  });

  it('writes a strict tsconfig with no @types', () => {
    const cfg = JSON.parse(SCRATCH_TSCONFIG);
    assert.equal(cfg.compilerOptions.strict, true);
    assert.deepEqual(cfg.compilerOptions.types, []);
    assert.deepEqual(cfg.compilerOptions.lib, ['ES2022']);
  });
});
