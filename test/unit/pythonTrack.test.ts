// The Python track of a drill folder: drill.yaml's `python:` block with python/stub.py, python/solution.py,
// python/test_solution.py and python/mistakes/ (patches against python/solution.py, or whole .py files), loaded,
// compiled and reported with errors at file and line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compilePack, loadPackWithCache } from '../../src/core/compiledPack';
import { drillLanguages, formatPackError } from '../../src/core/model';
import { loadPackFromDir, loadPackFromDirSync } from '../../src/core/pack';
import { execFileSync } from 'node:child_process';
import { PYTHON_SCORES_KEY, SCORES_KEY, ScoreStore } from '../../src/core/scores';
import { pythonScratchText, scratchFileName, scratchFileOf, stubPosition } from '../../src/core/scratch';
import type { MementoLike } from '../../src/core/store';
import { questionsDir } from '../fixtures/runner/support';
import { pythonForTests } from './pythonSupport';

const PY_SOLUTION = 'def add_one(n):\n    if n < 0:\n        raise ValueError("negative")\n    return n + 1\n';
const PY_PATCH = [
  '--- a/solution.py',
  '+++ b/solution.py',
  '@@ -1,4 +1,2 @@',
  ' def add_one(n):',
  '-    if n < 0:',
  '-        raise ValueError("negative")',
  '     return n + 1',
  '',
].join('\n');

const PYTHON_BLOCK = [
  'python:',
  '  note: In Python, raise ValueError.',
  '  mistakes:',
  '    - title: Forgets the range check',
  '      file: mistakes/no-range-check.patch',
  '      blind: false',
  '    - title: Adds two',
  '      file: mistakes/adds-two.py',
  '      blind: true',
].join('\n');

function drillYaml(id: string, python = PYTHON_BLOCK): string {
  return [`id: ${id}`, 'tier: beginner', 'topic: regex', `title: Drill ${id}`, 'order: 2', 'minutes: 15', 'hints:', '  - nudge', python, ''].join('\n');
}

function writeDrill(root: string, id: string, files: Record<string, string | null> = {}): string {
  const dir = path.join(root, id);
  const all: Record<string, string | null> = {
    'drill.yaml': drillYaml(id),
    'prompt.md': 'Add one.\n',
    'answer.md': 'n + 1.\n',
    'stub.ts': "export function f(n: number): number {\n  throw new Error('Not implemented');\n}\n",
    'solution.ts': 'export function f(n: number): number {\n  return n + 1;\n}\n',
    'solution.test.ts': "import { f } from './solution';\nit('adds one', () => expect(f(1)).toBe(2));\n",
    'python/stub.py': 'def add_one(n):\n    raise NotImplementedError\n',
    'python/solution.py': PY_SOLUTION,
    'python/test_solution.py': 'import pytest\nfrom solution import add_one\n\ndef test_adds_one():\n    assert add_one(1) == 2\n',
    'python/mistakes/no-range-check.patch': PY_PATCH,
    'python/mistakes/adds-two.py': 'def add_one(n):\n    return n + 2\n',
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    if (text === null) continue;
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the Python track of a drill folder', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-python-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('loads python/ files, the note and both kinds of mistake (a patch against solution.py is applied)', async () => {
    const dir = writeDrill(tmp, 'add-one');
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(errors.map(formatPackError), []);
    const py = drills[0]!.python!;
    assert.equal(py.solution, PY_SOLUTION);
    assert.equal(py.note, 'In Python, raise ValueError.');
    assert.deepEqual(py.files, {
      stub: path.join(dir, 'python', 'stub.py'),
      solution: path.join(dir, 'python', 'solution.py'),
      tests: path.join(dir, 'python', 'test_solution.py'),
    });
    assert.deepEqual(py.mistakes.map((m) => [m.title, m.blind, path.relative(dir, m.file!)]), [
      ['Forgets the range check', false, path.join('python', 'mistakes', 'no-range-check.patch')],
      ['Adds two', true, path.join('python', 'mistakes', 'adds-two.py')],
    ]);
    assert.equal(py.mistakes[0]!.code, 'def add_one(n):\n    return n + 1\n');
    assert.deepEqual(drillLanguages(drills[0]!), ['typescript', 'python']);
    // The TypeScript side is untouched.
    assert.equal(drills[0]!.mistakes.length, 0);
  });

  it('a drill without a python block is TypeScript only; "python: {}" needs only the three files', async () => {
    writeDrill(tmp, 'ts-only', { 'drill.yaml': drillYaml('ts-only', ''), 'python/stub.py': null, 'python/solution.py': null, 'python/test_solution.py': null, 'python/mistakes/no-range-check.patch': null, 'python/mistakes/adds-two.py': null });
    writeDrill(tmp, 'bare-python', { 'drill.yaml': drillYaml('bare-python', 'python: {}'), 'python/mistakes/no-range-check.patch': null, 'python/mistakes/adds-two.py': null });
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(errors.map(formatPackError), []);
    const byId = new Map(drills.map((d) => [d.id, d]));
    assert.equal(byId.get('ts-only')!.python, undefined);
    assert.deepEqual(drillLanguages(byId.get('ts-only')!), ['typescript']);
    assert.deepEqual(byId.get('bare-python')!.python!.mistakes, []);
    assert.equal(byId.get('bare-python')!.python!.note, undefined);
  });

  it('refuses python/ files without a python block, a missing test file, an unknown key and a .ts mistake, naming the file', async () => {
    writeDrill(tmp, 'no-block', { 'drill.yaml': drillYaml('no-block', '') });
    writeDrill(tmp, 'no-tests', { 'python/test_solution.py': null });
    writeDrill(tmp, 'bad-key', { 'drill.yaml': drillYaml('bad-key', 'python:\n  stub: x\n') });
    writeDrill(tmp, 'ts-mistake', { 'drill.yaml': drillYaml('ts-mistake', 'python:\n  mistakes:\n    - title: T\n      file: mistakes/x.ts\n      blind: true\n') });
    const { drills, errors } = await loadPackFromDir(tmp);
    assert.deepEqual(drills, []);
    const rel = errors.map((e) => [path.relative(tmp, e.file), e.line, e.field]);
    assert.deepEqual(rel, [
      [path.join('bad-key', 'drill.yaml'), 10, 'python'],
      [path.join('no-block', 'python', 'mistakes', 'adds-two.py'), 1, 'python'],
      [path.join('no-tests', 'drill.yaml'), 9, 'python'],
      [path.join('ts-mistake', 'drill.yaml'), 11, 'python'],
    ]);
    assert.match(errors[0]!.message, /unknown field "stub" in the python block; its fields are note, mistakes/);
    assert.match(errors[1]!.message, /python\/ holds files but drill\.yaml has no "python:" block/);
    assert.match(errors[2]!.message, /missing python\/test_solution\.py/);
    assert.match(errors[3]!.message, /entry 1: "mistakes\/x\.ts" is not a mistake file: use mistakes\/<slug>\.patch \(a diff -u against python\/solution\.py\) or mistakes\/<slug>\.py/);
  });

  it('reports a Python patch that no longer applies at the patch file', async () => {
    writeDrill(tmp, 'stale', { 'python/solution.py': PY_SOLUTION.replace('negative', 'below zero') });
    const { errors } = await loadPackFromDir(tmp);
    assert.equal(errors.length, 1);
    assert.equal(path.relative(tmp, errors[0]!.file), path.join('stale', 'python', 'mistakes', 'no-range-check.patch'));
    assert.equal(errors[0]!.field, 'python');
  });

  it('survives the compiled pack with every Python path relative to the pack and back', async () => {
    writeDrill(tmp, 'add-one');
    const compiled = compilePack(tmp);
    assert.deepEqual(compiled.errors, []);
    const json = JSON.parse(compiled.json!) as { drills: { python: { files: Record<string, string>; mistakes: { file: string }[] } }[] };
    assert.deepEqual(json.drills[0]!.python.files, { stub: 'add-one/python/stub.py', solution: 'add-one/python/solution.py', tests: 'add-one/python/test_solution.py' });
    assert.equal(json.drills[0]!.python.mistakes[1]!.file, 'add-one/python/mistakes/adds-two.py');
    const file = path.join(tmp, 'compiled.json');
    fs.writeFileSync(file, compiled.json!);
    const cached = await loadPackWithCache(tmp, file);
    assert.equal(cached.fromCache, true);
    assert.deepEqual(cached.drills, loadPackFromDirSync(tmp).drills);
  });
});

describe('the Python scratch file and scores', function () {
  this.timeout(60000);
  const bank = loadPackFromDirSync(questionsDir).drills.filter((d) => d.python);

  it('is <id>.py beside <id>.ts, and both names map back to the drill and language', () => {
    assert.equal(scratchFileName('guaranteed-cleanup', 'python'), 'guaranteed-cleanup.py');
    assert.equal(scratchFileName('guaranteed-cleanup'), 'guaranteed-cleanup.ts');
    assert.deepEqual(scratchFileOf('guaranteed-cleanup.py'), { id: 'guaranteed-cleanup', language: 'python' });
    assert.deepEqual(scratchFileOf('guaranteed-cleanup.ts'), { id: 'guaranteed-cleanup', language: 'typescript' });
    assert.equal(scratchFileOf('Not An Id.py'), undefined);
    assert.equal(scratchFileOf('x.js'), undefined);
  });

  it('starts with the prompt and the Python note in a docstring, then the stub; valid Python with the cursor on the stub', () => {
    for (const drill of bank) {
      for (const header of ['short', 'full'] as const) {
        const text = pythonScratchText(drill, { header });
        assert.ok(text.startsWith(`r"""${drill.title}`), text.slice(0, 80));
        assert.ok(text.endsWith(drill.python!.stub), drill.id);
        assert.ok(text.includes('In Python'), `${drill.id}: the note is missing`);
        const pos = stubPosition(text);
        assert.match(text.split('\n')[pos.line]!, /NotImplementedError|def |class |import /, drill.id);
        execFileSync(pythonForTests().command, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: text });
      }
    }
  });

  it('keeps a prompt with triple quotes and backslashes inside the docstring', () => {
    const drill = { ...bank[0]!, prompt: 'Say """hi""" and C:\\new\\N{x} \\', python: { ...bank[0]!.python!, note: 'Use \\x """' } };
    const text = pythonScratchText(drill, { header: 'full' });
    execFileSync(pythonForTests().command, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: text });
  });

  it('keeps Python scores apart from TypeScript ones: the scores kept so far stay TypeScript\'s', async () => {
    const data = new Map<string, unknown>([[SCORES_KEY, { version: 2, drills: { 'guaranteed-cleanup': { attempts: 1, hintsUsed: 0, answerRevealed: false, history: [] } } }]]);
    const memento: MementoLike = {
      get: <T>(key: string) => data.get(key) as T | undefined,
      keys: () => [...data.keys()],
      update: async (key: string, value: unknown) => {
        data.set(key, value);
      },
    };
    const ts = new ScoreStore(memento);
    const py = new ScoreStore(memento, { key: PYTHON_SCORES_KEY });
    assert.equal(ts.status('guaranteed-cleanup'), 'failed');
    assert.equal(py.status('guaranteed-cleanup'), 'untried');
    await py.recordAttempt('guaranteed-cleanup', { passed: 15, total: 15, durationMs: 30, verdict: 'passed' });
    assert.equal(py.status('guaranteed-cleanup'), 'passed');
    assert.equal(ts.status('guaranteed-cleanup'), 'failed');
    assert.equal(new ScoreStore(memento).get('guaranteed-cleanup')!.attempts, 1);
    assert.equal(new ScoreStore(memento, { key: PYTHON_SCORES_KEY }).get('guaranteed-cleanup')!.attempts, 1);
    ts.dispose();
    py.dispose();
  });
});
