// The bundled pytest-subset runner (resources/python/drills_harness.py) against Debian's real pytest
// (python3-pytest): the same test files, run by both, give every test the same id and the same outcome. Covers a
// file exercising the whole subset and every Python drill of the bank (reference, stub, each kept mistake).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPackFromDirSync } from '../../src/core/pack';
import { questionsDir, repoRoot } from '../fixtures/runner/support';
import { harnessDir, pythonForTests, pythonWithPytest } from './pythonSupport';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'python');
type Outcomes = Record<string, string>;

interface BundledTest {
  fullName: string;
  titlePath: string[];
  status: string;
  message?: string;
  expected?: string;
  actual?: string;
  location?: { file: string; line: number };
}

/** Runs the bundled runner on `testFile` (in `dir`); results come on fd 3 as JSON lines. */
function runBundled(dir: string, testFile: string, python = pythonForTests().command): BundledTest[] {
  const r = spawnSync(python, ['-I', path.join(harnessDir, 'drills_harness.py'), '--json-fd=3', testFile], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60000,
  });
  const events = String((r.output as unknown as string[])[3] ?? '');
  assert.ok(r.status === 0 || r.status === 1, `the bundled runner failed (${r.status}): ${r.stderr}`);
  return events.split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { result: BundledTest }).result);
}

const outcomesOf = (tests: BundledTest[]): Outcomes => Object.fromEntries(tests.map((t) => [t.titlePath.join('::'), t.status]));

/** Runs real pytest on `testFile` (in `dir`) with a plugin that writes each test's outcome as JSON. */
function runPytest(dir: string, testFile: string): Outcomes {
  const python = pythonWithPytest();
  assert.ok(python, 'pytest is not installed: apt-get install -y python3-pytest (CI installs it in .ci/run)');
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drills-pytest-')), 'report.json');
  const r = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'drills_json_report', '--rootdir', dir, testFile], {
    cwd: dir, encoding: 'utf8', timeout: 120000,
    env: { ...process.env, PYTHONPATH: fixtures, DRILLS_JSON_REPORT: report, PYTHONDONTWRITEBYTECODE: '1' },
  });
  assert.ok(fs.existsSync(report), `pytest wrote no report (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  const outcomes = JSON.parse(fs.readFileSync(report, 'utf8')) as Outcomes;
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
  return outcomes;
}

function count(o: Outcomes, status: string): number {
  return Object.values(o).filter((s) => s === status).length;
}

describe('the bundled pytest-subset runner against real pytest', function () {
  this.timeout(300000);

  it('gives every test of the subset file the same id and outcome as pytest', () => {
    const dir = path.join(fixtures, 'compat');
    const bundled = outcomesOf(runBundled(dir, 'test_compat.py'));
    const real = runPytest(dir, 'test_compat.py');
    assert.deepEqual(bundled, real);
    // The comparison means something: both outcomes occur often, and skips too.
    assert.ok(count(real, 'passed') >= 25 && count(real, 'failed') >= 15 && count(real, 'skipped') >= 3, JSON.stringify(real));
  });

  it('runs the same under the oldest supported Python (3.9), when one is installed', function () {
    const py39 = path.join(os.homedir(), '.pyenv', 'versions', '3.9.18', 'bin', 'python3');
    if (!fs.existsSync(py39)) this.skip();
    const dir = path.join(fixtures, 'compat');
    assert.deepEqual(outcomesOf(runBundled(dir, 'test_compat.py', py39)), outcomesOf(runBundled(dir, 'test_compat.py')));
  });

  it('shows a failing assert like pytest: both values, a diff, expected and actual, the line', () => {
    const tests = runBundled(path.join(fixtures, 'compat'), 'test_compat.py');
    const byName = new Map(tests.map((t) => [t.fullName, t]));
    const equal = byName.get('test_fails_equal')!;
    assert.equal(equal.message, 'assert 4 == 5');
    assert.deepEqual([equal.expected, equal.actual], ['5', '4']);
    assert.deepEqual(equal.location, { file: 'test_compat.py', line: 16, column: 1 });
    assert.equal(byName.get('test_fails_list_diff')!.message, 'assert [2, 4] == [2, 5]\n  At index 1 diff: 4 != 5');
    assert.match(byName.get('test_fails_dict_diff')!.message!, /Differing items:\n {2}\{'b': 2\} != \{'b': 3\}\n {2}Right contains 1 more item:\n {2}\{'c': 4\}/);
    assert.equal(byName.get('test_fails_with_message')!.message, 'doubling one\nassert 2 == 3');
    assert.match(byName.get('test_raises_match_fails')!.message!, /Regex pattern did not match\.\n Regex: 'nope'\n Input: 'bad -1'/);
    assert.equal(byName.get('test_raises_did_not_raise')!.message, "DID NOT RAISE <class 'helper.Boom'>");
    const inCode = byName.get('test_error_in_code')!;
    assert.match(inCode.message!, /^TypeError: unsupported operand/);
    assert.deepEqual(inCode.location, { file: 'helper.py', line: 8, column: 1 });
  });

  const drills = loadPackFromDirSync(questionsDir).drills.filter((d) => d.python);
  for (const drill of drills) {
    it(`${drill.id}: reference, stub and every Python mistake get the same outcomes under both`, () => {
      const py = drill.python!;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `drills-compare-${drill.id}-`));
      try {
        fs.writeFileSync(path.join(dir, 'test_solution.py'), py.tests);
        const run = (code: string) => {
          fs.writeFileSync(path.join(dir, 'solution.py'), code);
          const bundled = outcomesOf(runBundled(dir, 'test_solution.py'));
          const real = runPytest(dir, 'test_solution.py');
          return { bundled, real };
        };
        const reference = run(py.solution);
        assert.deepEqual(reference.bundled, reference.real, 'reference');
        assert.equal(count(reference.real, 'failed'), 0, `the reference fails under pytest: ${JSON.stringify(reference.real)}`);
        const stub = run(py.stub);
        assert.deepEqual(stub.bundled, stub.real, 'stub');
        assert.ok(count(stub.real, 'failed') > 0, 'the stub passes under pytest');
        for (const m of py.mistakes) {
          const r = run(m.code);
          assert.deepEqual(r.bundled, r.real, m.title);
          assert.ok(count(r.real, 'failed') > 0, `mistake "${m.title}" passes under pytest`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
