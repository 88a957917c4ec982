// Drill folders (drill.yaml + prompt.md, answer.md, stub.ts, solution.ts, solution.test.ts, mistakes/), loaded from
// disk beside single-file drills, with errors at file:line; the mistake patches; and the caps of the folder walk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fieldLocation, formatPackError } from '../../src/core/model';
import { loadPackFromDir, loadPackFromDirSync, MAX_DEPTH, MAX_ENTRIES, MAX_FILE_BYTES } from '../../src/core/pack';
import { applyPatch } from '../../src/core/patch';

const SOLUTION = 'export function f(n: number): number {\n  if (n < 0) throw new RangeError(\'negative\');\n  return n + 1;\n}\n';
const PATCH = [
  '--- a/solution.ts',
  '+++ b/solution.ts',
  '@@ -1,4 +1,3 @@',
  ' export function f(n: number): number {',
  "-  if (n < 0) throw new RangeError('negative');",
  '   return n + 1;',
  ' }',
  '',
].join('\n');

function drillYaml(id: string, extra = ''): string {
  return [
    `id: ${id}`,
    'tier: beginner',
    'topic: regex',
    `title: Drill ${id}`,
    'order: 2',
    'minutes: 15',
    'hints:',
    '  - nudge',
    'mistakes:',
    '  - title: Forgets the range check',
    '    file: mistakes/no-range-check.patch',
    '    blind: false',
    '  - title: Adds two',
    '    file: mistakes/adds-two.ts',
    '    blind: true',
    extra,
  ].join('\n');
}

/** Writes a valid drill folder `<root>/<id>/`; `files` overrides or (with null) removes files. */
function writeDrill(root: string, id: string, files: Record<string, string | null> = {}): string {
  const dir = path.join(root, id);
  const all: Record<string, string | null> = {
    'drill.yaml': drillYaml(id),
    'prompt.md': 'Add one.\n',
    'answer.md': 'n + 1.\n',
    'stub.ts': "export function f(n: number): number {\n  throw new Error('Not implemented');\n}\n",
    'solution.ts': SOLUTION,
    'solution.test.ts': "import { f } from './solution';\nit('adds one', () => expect(f(1)).toBe(2));\n",
    'mistakes/no-range-check.patch': PATCH,
    'mistakes/adds-two.ts': 'export function f(n: number): number {\n  return n + 2;\n}\n',
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    if (text === null) continue;
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const single = (id: string) =>
  `id: ${id}\ntier: beginner\ntopic: regex\ntitle: Single ${id}\nprompt: Ask.\nanswer: Answer.\nhints: [nudge]\nstub: "export const x = 1;"\nsolution: "export const x = 2;"\ntests: "it('x', () => {});"\n`;

describe('drill folders', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-folder-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('loads a user pack holding both forms: a drill folder and a single YAML file', async () => {
    const dir = writeDrill(path.join(tmp, 'beginner'), 'add-one');
    fs.writeFileSync(path.join(tmp, 'beginner', 'single-one.yaml'), single('single-one'));
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(errors.map(formatPackError), []);
    assert.deepEqual(drills.map((d) => d.id), ['add-one', 'single-one']);
    const d = drills[0]!;
    assert.equal(d.minutes, 15);
    assert.equal(d.prompt, 'Add one.\n');
    assert.equal(d.solution, SOLUTION);
    assert.equal(d.source.file, path.join(dir, 'drill.yaml'));
    assert.equal(d.source.dir, dir);
    assert.deepEqual(fieldLocation(d, 'stub'), { file: path.join(dir, 'stub.ts'), line: 1 });
    assert.deepEqual(fieldLocation(d, 'hints'), { file: path.join(dir, 'drill.yaml'), line: 7 });
    assert.deepEqual(d.mistakes.map((m) => [m.title, m.blind, path.basename(m.file!)]), [
      ['Forgets the range check', false, 'no-range-check.patch'],
      ['Adds two', true, 'adds-two.ts'],
    ]);
    assert.equal(d.mistakes[0]!.code, 'export function f(n: number): number {\n  return n + 1;\n}\n');
    assert.equal(drills[1]!.minutes, undefined);
    assert.equal(drills[1]!.source.dir, undefined);
  });

  it('loads the same synchronously and without blocking', async () => {
    writeDrill(tmp, 'add-one');
    assert.deepEqual(loadPackFromDirSync(tmp), await loadPackFromDir(tmp));
  });

  it('reports errors in drill.yaml at its file, line and field', async () => {
    writeDrill(tmp, 'add-one', { 'drill.yaml': drillYaml('add-one').replace('minutes: 15', 'minutes: soon').replace('topic: regex', 'topic: regexes') + 'prompt: inline\n' });
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills, []);
    const yaml = path.join(tmp, 'add-one', 'drill.yaml');
    assert.deepEqual(errors.map((e) => [e.file, e.line, e.field]), [
      [yaml, 16, 'prompt'],
      [yaml, 3, 'topic'],
      [yaml, 6, 'minutes'],
    ]);
    assert.match(errors[0]!.message, /keeps its prompt in prompt\.md/);
  });

  it('names the file at fault: a missing prompt.md, an empty stub.ts, a folder not named after the id', async () => {
    writeDrill(tmp, 'add-one', { 'prompt.md': null, 'stub.ts': '\n' });
    writeDrill(tmp, 'other-name', { 'drill.yaml': drillYaml('add-two') });
    const { errors } = await loadPackFromDir(tmp);
    assert.deepEqual(errors.map((e) => [path.relative(tmp, e.file), e.line, e.field]), [
      [path.join('add-one', 'drill.yaml'), 1, 'prompt'],
      [path.join('add-one', 'stub.ts'), 1, 'stub'],
      [path.join('other-name', 'drill.yaml'), 1, 'id'],
    ]);
    assert.match(errors[0]!.message, /missing prompt\.md beside drill\.yaml/);
    assert.match(errors[2]!.message, /the folder is named "other-name" but the id is "add-two"/);
  });

  it('reports a patch that no longer applies at the patch file and the line of its hunk', async () => {
    const edited = SOLUTION.replace("throw new RangeError('negative')", "throw new RangeError('n < 0')");
    writeDrill(tmp, 'add-one', { 'solution.ts': edited });
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills, []);
    assert.equal(errors.length, 1);
    const e = errors[0]!;
    assert.equal(e.file, path.join(tmp, 'add-one', 'mistakes', 'no-range-check.patch'));
    assert.equal(e.line, 3);
    assert.match(formatPackError(e), /no-range-check\.patch:3:1: mistakes: hunk @@ -1,4 \+1,3 @@ no longer applies to solution\.ts: line 2 of solution\.ts is/);
  });

  it('refuses a mistake entry without blind, with an unknown file form, or whose file is missing', async () => {
    const yaml = drillYaml('add-one')
      .replace('    blind: true', '')
      .concat('  - title: Gone\n    file: mistakes/gone.patch\n    blind: false\n  - title: Odd\n    file: wrong.js\n    blind: false\n');
    writeDrill(tmp, 'add-one', { 'drill.yaml': yaml });
    const { errors } = await loadPackFromDir(tmp);
    assert.deepEqual(errors.map((e) => [e.line, e.field]), [[13, 'mistakes'], [16, 'mistakes'], [19, 'mistakes']]);
    assert.match(errors[0]!.message, /entry 2: must have exactly a non-empty "title", a "file".*"blind: true\|false"/);
    assert.match(errors[1]!.message, /entry 3: mistakes\/gone\.patch is missing/);
    assert.match(errors[2]!.message, /entry 4: "wrong\.js" is not a mistake file/);
  });
});

describe('key points', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-keypoints-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const points = (...lines: string[]) => `keyPoints:\n${lines.map((l) => `  - ${l}`).join('\n')}\n`;

  it('loads 3-6 one-line key points, inline code and all; a drill without them has none', async () => {
    writeDrill(tmp, 'add-one', { 'drill.yaml': drillYaml('add-one', points('"`n + 1`, never `n + 2`"', 'Checks the range first, raises `RangeError`', "'Says why: a negative count is a caller bug'")) });
    writeDrill(tmp, 'add-two');
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(errors.map(formatPackError), []);
    assert.deepEqual(drills.find((d) => d.id === 'add-one')!.keyPoints, [
      '`n + 1`, never `n + 2`',
      'Checks the range first, raises `RangeError`',
      'Says why: a negative count is a caller bug',
    ]);
    assert.equal(drills.find((d) => d.id === 'add-two')!.keyPoints, undefined);
    assert.equal(drills.find((d) => d.id === 'add-one')!.source.lines.keyPoints, 16);
  });

  it('reports a wrong keyPoints at drill.yaml, its line and the field: not a list, too few, too many', async () => {
    writeDrill(tmp, 'not-a-list', { 'drill.yaml': drillYaml('not-a-list', 'keyPoints: atomic rename\n') });
    writeDrill(tmp, 'too-few', { 'drill.yaml': drillYaml('too-few', points('one', 'two')) });
    writeDrill(tmp, 'too-many', { 'drill.yaml': drillYaml('too-many', points('1', '2', '3', '4', '5', '6', '7').replace(/- (\d)/g, '- point $1')) });
    writeDrill(tmp, 'six-is-fine', { 'drill.yaml': drillYaml('six-is-fine', points('a', 'b', 'c', 'd', 'e', 'f')) });
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills.map((d) => [d.id, d.keyPoints?.length]), [['six-is-fine', 6]]);
    assert.deepEqual(errors.map((e) => [path.relative(tmp, e.file), e.line, e.field]), [
      [path.join('not-a-list', 'drill.yaml'), 16, 'keyPoints'],
      [path.join('too-few', 'drill.yaml'), 17, 'keyPoints'],
      [path.join('too-many', 'drill.yaml'), 17, 'keyPoints'],
    ]);
    assert.match(formatPackError(errors[0]!), /not-a-list\/drill\.yaml:16:12: keyPoints: must be a list of 3 to 6 key points \("- \.\.\." lines, one line each\)/);
    assert.match(errors[1]!.message, /has 2 key points; give 3 to 6/);
    assert.match(errors[2]!.message, /has 7 key points; give 3 to 6/);
  });

  it('reports each bad key point at its own line: empty, over 200 characters, several lines, not text', async () => {
    const long = `Says ${'very '.repeat(40)}much`;
    const yaml = drillYaml('add-one', [
      'keyPoints:',
      '  - ""',
      `  - ${long}`,
      '  - |',
      '    first line',
      '    second line',
      '  - Python: os.replace',
      '  - 42',
      '',
    ].join('\n'));
    writeDrill(tmp, 'add-one', { 'drill.yaml': yaml });
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills, []);
    const file = path.join(tmp, 'add-one', 'drill.yaml');
    assert.deepEqual(errors.map((e) => [e.file, e.line, e.field]), [
      [file, 17, 'keyPoints'],
      [file, 18, 'keyPoints'],
      [file, 19, 'keyPoints'],
      [file, 22, 'keyPoints'],
      [file, 23, 'keyPoints'],
    ]);
    assert.deepEqual(errors.map((e) => e.message), [
      'key point 1 is empty',
      `key point 2 is ${long.length} characters long; keep it to at most 200 (one point, said in a sentence)`,
      'key point 3 must be one line (no line breaks; drop the block scalar "|")',
      'key point 4 must be one line of text (quote it when it starts with a backtick or holds ": ")',
      'key point 5 must be one line of text (quote it when it starts with a backtick or holds ": ")',
    ]);
  });
});

describe('pack caps', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-caps-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses a file over the size cap, naming it', async () => {
    writeDrill(tmp, 'add-one', { 'prompt.md': 'x'.repeat(MAX_FILE_BYTES + 1) });
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills, []);
    assert.equal(errors[0]!.file, path.join(tmp, 'add-one', 'prompt.md'));
    assert.match(errors[0]!.message, new RegExp(`is ${MAX_FILE_BYTES + 1} bytes; a question file may hold at most ${MAX_FILE_BYTES} bytes`));
  });

  it('refuses a file that is not UTF-8 instead of loading it garbled', async () => {
    fs.writeFileSync(path.join(tmp, 'latin1.yaml'), Buffer.concat([Buffer.from(single('latin-one').replace('Ask.', 'Caf')), Buffer.from([0xe9, 0x0a])]));
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills, []);
    assert.deepEqual(errors.map((e) => [e.file, e.message]), [[path.join(tmp, 'latin1.yaml'), 'the file is not UTF-8 text: save it as UTF-8']]);
  });

  it('caps the length of an id (a 300-character id would make a file name over 255 bytes)', async () => {
    const long = `a${'-b'.repeat(150)}`.slice(0, 300);
    fs.writeFileSync(path.join(tmp, 'long.yaml'), single(long));
    fs.writeFileSync(path.join(tmp, 'max.yaml'), single('m'.repeat(64)));
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills.map((d) => d.id.length), [64]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.field, 'id');
    assert.match(errors[0]!.message, /is 300 characters long; an id has at most 64/);
  });

  it('never enters node_modules or .git, and stops at the depth cap', async () => {
    fs.mkdirSync(path.join(tmp, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'node_modules', 'x', 'bad.yaml'), 'not: a drill\n');
    fs.mkdirSync(path.join(tmp, '.git'));
    fs.writeFileSync(path.join(tmp, '.git', 'config.yml'), 'not: a drill\n');
    let deep = tmp;
    for (let i = 0; i <= MAX_DEPTH; i++) deep = path.join(deep, `d${i}`);
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'deep.yaml'), single('too-deep'));
    fs.writeFileSync(path.join(tmp, 'ok.yaml'), single('fine'));
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills.map((d) => d.id), ['fine']);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.file, deep);
    assert.match(errors[0]!.message, new RegExp(`nested more than ${MAX_DEPTH} folders deep`));
  });

  it('stops reading a folder with more than the entry cap, with a clear error', async function () {
    this.timeout(60000);
    const many = path.join(tmp, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i <= MAX_ENTRIES; i++) fs.writeFileSync(path.join(many, `f${i}.txt`), '');
    const { errors } = await loadPackFromDir(tmp);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.file, tmp);
    assert.match(errors[0]!.message, new RegExp(`more than ${MAX_ENTRIES} files and folders: stopped reading`));
  });
});

describe('mistake patches', () => {
  it('applies a hunk where its header says, or where its context moved to', () => {
    assert.equal(applyPatch(SOLUTION, PATCH).text, 'export function f(n: number): number {\n  return n + 1;\n}\n');
    const moved = `// a comment added above\n\n${SOLUTION}`;
    assert.equal(applyPatch(moved, PATCH).text, '// a comment added above\n\nexport function f(n: number): number {\n  return n + 1;\n}\n');
  });

  it('keeps "\\ No newline at end of file" exact', () => {
    const patch = '--- a/solution.ts\n+++ b/solution.ts\n@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n';
    assert.equal(applyPatch('a\n', patch).text, 'b');
  });

  it('reports the line of a malformed hunk or a stray line', () => {
    assert.deepEqual(applyPatch(SOLUTION, PATCH.replace('@@ -1,4 +1,3 @@', '@@ -1,5 +1,3 @@')).problem?.line, 3);
    assert.deepEqual(applyPatch(SOLUTION, `${PATCH}oops\n`).problem?.line, 8);
    assert.match(applyPatch(SOLUTION, '').problem?.message ?? '', /no hunk/);
  });

  it('names the file the patch no longer applies to (python/solution.py for a Python mistake)', () => {
    const stale = applyPatch(SOLUTION.replace('export', 'function'), PATCH, 'python/solution.py').problem?.message ?? '';
    assert.match(stale, /no longer applies to python\/solution\.py: line 1 of python\/solution\.py is/);
    assert.doesNotMatch(stale, /solution\.ts/);
  });
});
