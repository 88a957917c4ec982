// The bundled pytest-subset runner (resources/python/drills_harness.py) against Debian's real pytest
// (python3-pytest): the same test files, run by both, give every test the same id and the same outcome. Covers a
// file exercising the whole subset and every Python drill of the bank (reference, stub, each kept mistake).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPackFromDirSync } from '../../src/core/pack';
import { PythonRunner, pythonCheckRequest } from '../../src/core/python/runner';
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

const outcomesOf = (tests: ReadonlyArray<Pick<BundledTest, 'titlePath' | 'status'>>): Outcomes => Object.fromEntries(tests.map((t) => [t.titlePath.join('::'), t.status]));

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

/**
 * Runs real pytest on each folder's test_solution.py, all in one interpreter (test/fixtures/python/compare_driver.py:
 * one pytest session per folder), in the background; resolves to each folder's outcomes, in order.
 */
function runPytestMany(folders: string[]): Promise<Outcomes[]> {
  const python = pythonWithPytest();
  assert.ok(python, 'pytest is not installed: apt-get install -y python3-pytest (CI installs it in .ci/run)');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-pytest-'));
  const jobs = path.join(work, 'jobs.json');
  const report = path.join(work, 'report.json');
  const log = path.join(work, 'log.txt');
  fs.writeFileSync(jobs, JSON.stringify(folders));
  const out = fs.openSync(log, 'w');
  const child = spawn(python, [path.join(fixtures, 'compare_driver.py'), jobs, report], {
    cwd: work, stdio: ['ignore', out, out], env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  fs.closeSync(out);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 240000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        if (!fs.existsSync(report)) throw new Error(`pytest wrote no report (exit ${code}):\n${fs.readFileSync(log, 'utf8').slice(-4000)}`);
        resolve(JSON.parse(fs.readFileSync(report, 'utf8')) as Outcomes[]);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    });
  });
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
  let warm: PythonRunner;
  before(() => {
    warm = new PythonRunner({ python: pythonForTests(), harnessDir, timeoutMs: 10000 });
  });
  after(() => warm.dispose());
  for (const drill of drills) {
    it(`${drill.id}: reference, stub and every Python mistake get the same outcomes under both`, async () => {
      const py = drill.python!;
      const variants = [
        { label: 'reference', code: py.solution },
        { label: 'stub', code: py.stub },
        ...py.mistakes.map((m) => ({ label: `mistake "${m.title}"`, code: m.code })),
      ];
      const root = fs.mkdtempSync(path.join(os.tmpdir(), `drills-compare-${drill.id}-`));
      try {
        const folders = variants.map((v, i) => {
          const dir = path.join(root, String(i));
          fs.mkdirSync(dir);
          fs.writeFileSync(path.join(dir, 'test_solution.py'), py.tests);
          fs.writeFileSync(path.join(dir, 'solution.py'), v.code);
          return dir;
        });
        // Real pytest runs every variant in one process (in the background) while the bundled runner runs each
        // variant as the extension does: a check in the warm Python sandbox (a forked child per check).
        const realRun = runPytestMany(folders);
        const bundled: Outcomes[] = [];
        for (const v of variants) bundled.push(outcomesOf((await warm.check(pythonCheckRequest(drill, v.code))).tests));
        const real = await realRun;
        variants.forEach((v, i) => {
          assert.deepEqual(bundled[i], real[i], v.label);
          if (v.label === 'reference') assert.equal(count(real[i]!, 'failed'), 0, `the reference fails under pytest: ${JSON.stringify(real[i])}`);
          else assert.ok(count(real[i]!, 'failed') > 0, `${v.label === 'stub' ? 'the stub' : v.label} passes under pytest`);
        });
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
