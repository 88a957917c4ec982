// The `drills` CLI, run as a child process from its bundle (dist/cli.js): exit codes, JSON and error formats.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckResult } from '../../src/core/runner';
import { cliScript, repoRoot } from '../fixtures/runner/support';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'runner');
const PACK = path.join(FIXTURES, 'pack');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function drills(args: string[], cwd = repoRoot): Run {
  const r = spawnSync(process.execPath, [cliScript, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(r: Run): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

describe('drills CLI', function () {
  this.timeout(60000);
  let work: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-cli-'));
    fs.writeFileSync(path.join(work, 'calc.ts'), 'export function mean(values: readonly number[]): number {\n  if (values.length === 0) throw new RangeError(\'mean of nothing\');\n  return values.reduce((a, b) => a + b, 0) / values.length;\n}\n');
    fs.writeFileSync(path.join(work, 'calc.test.ts'), "import { mean } from './calc';\n\ndescribe('mean', () => {\n  it('averages', () => {\n    expect(mean([1, 2, 3])).toBe(2);\n  });\n  it('rejects an empty list', () => {\n    expect(() => mean([])).toThrow(RangeError);\n  });\n});\n");
    fs.writeFileSync(path.join(work, 'wrong.test.ts'), "import { mean } from './calc.ts';\n\nit('is wrong on purpose', () => {\n  expect(mean([2, 4])).toBe(4);\n});\n");
    fs.writeFileSync(path.join(work, 'add-good.ts'), 'export function add(a: number, b: number): number {\n  return a + b;\n}\n');
    fs.writeFileSync(path.join(work, 'add-bad.ts'), 'export function add(a: number, b: number): number {\n  return a * b;\n}\n');
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('prints usage with --help (exit 0) and without a command (exit 2)', () => {
    const help = drills(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: drills <command>/);
    const none = drills([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^Usage: drills/);
  });

  it('rejects an unknown command or option with exit 2', () => {
    assert.equal(drills(['frobnicate']).status, 2);
    const r = drills(['list', '--colour']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --colour/);
  });

  it('lists a pack as JSON: id, tier, topic, title, order, minutes, keyPoints, file, languages', () => {
    const r = drills(['list', '--json', '--pack', PACK]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(json<unknown[]>(r), [
      { id: 'add-numbers', tier: 'beginner', topic: 'python-basics', title: 'Add two numbers', order: 1, minutes: null, keyPoints: [], file: path.join(PACK, 'beginner', 'add-numbers.yaml'), languages: ['typescript'] },
      { id: 'greet', tier: 'beginner', topic: 'functions-modules', title: 'Greet someone', order: 2, minutes: null, keyPoints: [], file: path.join(PACK, 'beginner', 'greet.yaml'), languages: ['typescript'] },
    ]);
  });

  it('lists the bundled folder drills with their minutes and folder', () => {
    const r = drills(['list', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const entries = json<{ id: string; tier: string; minutes: number | null; file: string; dir?: string; languages: string[] }[]>(r);
    assert.ok(entries.length >= 28);
    for (const e of entries) {
      const hasPython = fs.existsSync(path.join(e.dir!, 'python', 'solution.py'));
      assert.deepEqual(e.languages, hasPython ? ['typescript', 'python'] : ['typescript'], e.id);
      assert.equal(e.dir, path.join(repoRoot, 'questions', e.tier, e.id), e.id);
      assert.equal(e.file, path.join(e.dir!, 'drill.yaml'));
      assert.ok(Number.isInteger(e.minutes) && e.minutes! > 0, `${e.id}: minutes ${e.minutes}`);
      assert.ok(fs.existsSync(path.join(e.dir!, 'solution.ts')) && fs.existsSync(path.join(e.dir!, 'solution.test.ts')));
    }
  });

  it('does not crash when its reader goes away (drills list | head -1)', () => {
    // `true` exits at once, so every write of the CLI meets a closed pipe.
    const script = `{ "$0" "$1" list --json; echo "exit $?" >&2; } | true`;
    const r = spawnSync('sh', ['-c', script, process.execPath, cliScript], { encoding: 'utf8', timeout: 60000 });
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    assert.match(r.stderr, /^exit 0$/m);
    const head = spawnSync('sh', ['-c', '"$0" "$1" list | head -1', process.execPath, cliScript], { encoding: 'utf8', timeout: 60000 });
    assert.equal(head.stdout, 'Beginner\n');
    assert.equal(head.stderr, '');
  });

  it('lists a pack for people: one line per drill under its tier', () => {
    const r = drills(['list', '--pack', PACK]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'Beginner',
      '     1  add-numbers  Language basics        Add two numbers',
      '     2  greet        Functions and modules  Greet someone',
      '2 drills',
    ]);
  });

  it('lists the bundled questions folder by default', () => {
    const r = drills(['list', '--json'], os.tmpdir());
    const list = json<Array<{ id: string; file: string }>>(r);
    assert.ok(list.length > 0);
    // dist/cli.js reads the questions folder that ships beside dist/.
    const bundled = path.join(path.dirname(cliScript), '..', 'questions');
    assert.ok(list.every((d) => d.file.startsWith(bundled)), `${list[0].file} is not under ${bundled}`);
  });

  it('validates a good pack (exit 0) and reports a bad one as file:line:col: message (exit 1)', () => {
    const good = drills(['validate', PACK]);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /2 drills, 0 problems/);
    const bad = drills(['validate', path.join(FIXTURES, 'broken-pack')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, new RegExp(`^${escape(path.join(FIXTURES, 'broken-pack', 'bad-tier.yaml'))}:2:7: tier: "expert" is not a tier`, 'm'));
  });

  it('validate --run checks the reference, the stub, the kept mistakes and that no two tests share a name', () => {
    const good = drills(['validate', '--run', PACK]);
    assert.equal(good.status, 0, good.stderr);
    const weak = drills(['validate', '--run', path.join(FIXTURES, 'weak-pack')]);
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /greet-weak\.yaml:\d+:1: mistakes: mistake 2 \("Passes the tests by accident"\) passes every test/);
    assert.match(weak.stderr, /twice-named\.yaml:\d+:1: tests: two tests are named "doubles a small number"/);
  });

  it('validates a folder drill: errors at the file at fault; --run names the patch of a mistake the tests miss', () => {
    const root = path.join(work, 'folder-pack');
    const dir = path.join(root, 'beginner', 'add-one');
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };
    write('drill.yaml', 'id: add-one\ntier: beginner\ntopic: regex\ntitle: Add one\nminutes: 5\nhints: [nudge]\nmistakes:\n  - title: Adds two\n    file: mistakes/adds-two.patch\n    blind: false\n  - title: Same answer, other words\n    file: mistakes/same.ts\n    blind: true\n');
    write('prompt.md', 'Add one.\n');
    write('answer.md', 'n + 1\n');
    write('stub.ts', "export function f(n: number): number {\n  throw new Error('Not implemented');\n}\n");
    write('solution.ts', 'export function f(n: number): number {\n  return n + 1;\n}\n');
    write('solution.test.ts', "import { f } from './solution';\nit('adds one', () => expect(f(1)).toBe(2));\n");
    write('mistakes/adds-two.patch', '--- a/solution.ts\n+++ b/solution.ts\n@@ -1,3 +1,3 @@\n export function f(n: number): number {\n-  return n + 1;\n+  return n + 2;\n }\n');
    write('mistakes/same.ts', 'export function f(n: number): number {\n  return 1 + n;\n}\n');
    const run = drills(['validate', '--run', root]);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `${path.join(dir, 'mistakes', 'same.ts')}:1:1: mistakes: mistake 2 ("Same answer, other words") passes every test: the tests must reject it\n`);

    write('stub.ts', '');
    write('mistakes/adds-two.patch', '--- a/solution.ts\n+++ b/solution.ts\n@@ -1,3 +1,3 @@\n export function g(n: number): number {\n-  return n + 1;\n+  return n + 2;\n }\n');
    const bad = drills(['validate', root]);
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr, [
      `${path.join(dir, 'stub.ts')}:1:1: stub: stub.ts is empty`,
      `${path.join(dir, 'mistakes', 'adds-two.patch')}:3:1: mistakes: hunk @@ -1,3 +1,3 @@ no longer applies to solution.ts: line 1 of solution.ts is "export function f(n: number): number {" where the patch expects "export function g(n: number): number {" (regenerate the patch with diff -u)`,
      '',
    ].join('\n'));
  });

  it("lists a drill's key points as JSON, and validate names the line of a bad one", () => {
    const root = path.join(work, 'keypoints-pack');
    const dir = path.join(root, 'beginner', 'add-one');
    const files: Record<string, string> = {
      'drill.yaml': 'id: add-one\ntier: beginner\ntopic: regex\ntitle: Add one\nminutes: 5\nhints: [nudge]\nkeyPoints:\n  - Adds one\n  - "`f(n)` is pure"\n  - Says why\n',
      'prompt.md': 'Add one.\n',
      'answer.md': 'n + 1\n',
      'stub.ts': "export function f(n: number): number {\n  throw new Error('Not implemented');\n}\n",
      'solution.ts': 'export function f(n: number): number {\n  return n + 1;\n}\n',
      'solution.test.ts': "import { f } from './solution';\nit('adds one', () => expect(f(1)).toBe(2));\n",
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const r = drills(['list', '--json', '--pack', root]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(json<{ keyPoints: string[] }[]>(r).map((e) => e.keyPoints), [['Adds one', '`f(n)` is pure', 'Says why']]);

    fs.writeFileSync(path.join(dir, 'drill.yaml'), files['drill.yaml']!.replace('  - Says why\n', '  - ""\n'));
    const bad = drills(['validate', root]);
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr, `${path.join(dir, 'drill.yaml')}:10:5: keyPoints: key point 3 is empty\n`);
  });

  it('validate DIR1 DIR2 finds an id used twice across the packs and an id the bundled pack already has', () => {
    const one = path.join(work, 'dup-one');
    const two = path.join(work, 'dup-two');
    const question = (id: string) => `id: ${id}\ntier: beginner\ntopic: regex\ntitle: T\nprompt: P\nanswer: A\nhints: [h]\nstub: s\nsolution: s\ntests: t\n`;
    fs.mkdirSync(one);
    fs.mkdirSync(two);
    fs.writeFileSync(path.join(one, 'a.yaml'), question('shared-id'));
    fs.writeFileSync(path.join(two, 'b.yaml'), question('shared-id'));
    fs.writeFileSync(path.join(two, 'c.yaml'), question('retry-flaky-call'));
    const r = drills(['validate', one, two]);
    assert.equal(r.status, 1);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0]!, new RegExp(`^${escape(path.join(two, 'b.yaml'))}:1:1: id: duplicate id "shared-id" \\(already used by ${escape(path.join(one, 'a.yaml'))}\\)`));
    assert.match(lines[1]!, new RegExp(`^${escape(path.join(two, 'c.yaml'))}:1:1: id: duplicate id "retry-flaky-call" \\(already used by the bundled drill .*retry-flaky-call/drill\\.yaml\\)`));
    assert.match(r.stdout, /dup-one: 1 drill, 0 problems/);
    assert.match(r.stdout, /dup-two: 2 drills, 2 problems/);
  });

  it('checks a solution against a drill: exit 0 when it passes, 1 when it fails, JSON on request', () => {
    const pass = drills(['check', 'add-numbers', path.join(work, 'add-good.ts'), '--pack', PACK, '--json']);
    assert.equal(pass.status, 0, pass.stderr);
    const passed = json<CheckResult>(pass);
    assert.equal(passed.verdict, 'passed');
    assert.deepEqual(passed.counts, { passed: 3, failed: 0, skipped: 0, total: 3 });

    const fail = drills(['check', 'add-numbers', path.join(work, 'add-bad.ts'), '--pack', PACK]);
    assert.equal(fail.status, 1);
    assert.match(fail.stdout, /^✗ add › adds small numbers/m);
    assert.match(fail.stdout, /^✓ add › add\(0, 0\) = 0/m);
    assert.match(fail.stdout, /^✗ add › add\(-1, 1\) = 0/m);
    assert.match(fail.stdout, /^1 of 3 tests passed$/m);
  });

  it('check: unknown drill or unreadable solution is a usage error (exit 2)', () => {
    const unknown = drills(['check', 'no-such-drill', path.join(work, 'add-good.ts'), '--pack', PACK]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no drill with id "no-such-drill"/);
    assert.equal(drills(['check', 'add-numbers', path.join(work, 'missing.ts'), '--pack', PACK]).status, 2);
    assert.equal(drills(['check', 'add-numbers']).status, 2);
  });

  it('runs any Jest-style test file with its sibling modules', () => {
    const ok = drills(['test', 'calc.test.ts'], work);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^✓ mean › averages/m);
    assert.match(ok.stdout, /^All 2 tests passed$/m);

    const wrong = drills(['test', path.join(work, 'wrong.test.ts'), '--json']);
    assert.equal(wrong.status, 1);
    const result = json<CheckResult>(wrong);
    assert.equal(result.verdict, 'failed');
    assert.equal(result.tests[0].expected, '4');
    assert.equal(result.tests[0].actual, '3');
    assert.deepEqual(result.tests[0].location, { file: 'wrong.test.ts', line: 4, column: 24 });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
