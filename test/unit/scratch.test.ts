import * as assert from 'node:assert/strict';
import { drillIdOfScratchFile, scratchFileName, scratchText, wrap, SCRATCH_TSCONFIG } from '../../src/core/scratch';
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

  it('starts with a header comment holding title, tier, topic and prompt, then the stub', () => {
    const text = scratchText(drill);
    assert.match(text, /^\/\*\n \* Retry a flaky call {2}\(Beginner · Logging and errors\)\n/);
    assert.match(text, / \* Why retry\?/);
    assert.match(text, / \* retry\(fn\)/);
    assert.ok(text.endsWith(`${drill.stub}\n`));
    // A "*/" inside the prompt must not close the comment early.
    assert.equal(text.split('*/').length, 2);
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
