// Every Python version of a bundled drill, through the Python sandbox with the real python3: the reference passes,
// the stub fails, every kept Python mistake is rejected, no two tests share a name; and the CLI checks .py files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPackFromDirSync } from '../../src/core/pack';
import { PythonRunner, pythonCheckRequest } from '../../src/core/python/runner';
import { cliScript, questionsDir } from '../fixtures/runner/support';
import { harnessDir, pythonForTests } from './pythonSupport';

const drills = loadPackFromDirSync(questionsDir).drills.filter((d) => d.python);

describe('the Python versions of the bank (sandbox, real python3)', function () {
  this.timeout(120000);
  let runner: PythonRunner;
  before(() => {
    runner = new PythonRunner({ python: pythonForTests(), harnessDir, timeoutMs: 10000 });
  });
  after(() => runner.dispose());

  it('every drill of the bank has its Python version', () => {
    const all = loadPackFromDirSync(questionsDir).drills;
    assert.ok(all.length >= 40);
    assert.deepEqual(all.filter((d) => !d.python).map((d) => d.id), []);
  });

  for (const drill of drills) {
    it(`${drill.id}: the reference passes, the stub fails, every mistake (at least 5) is rejected`, async () => {
      const py = drill.python!;
      const reference = await runner.check(pythonCheckRequest(drill, py.solution));
      assert.equal(reference.verdict, 'passed', `${reference.summary}\n${JSON.stringify(reference.tests.filter((t) => t.status !== 'passed'), null, 1)}`);
      const names = reference.tests.map((t) => t.fullName);
      assert.equal(new Set(names).size, names.length, 'two tests share a name');
      const stub = await runner.check(pythonCheckRequest(drill, py.stub));
      assert.equal(stub.verdict, 'failed', stub.summary);
      assert.ok(py.mistakes.length >= 5, `${py.mistakes.length} mistakes`);
      for (const m of py.mistakes) {
        const r = await runner.check(pythonCheckRequest(drill, m.code));
        assert.notEqual(r.verdict, 'passed', `mistake "${m.title}" passes`);
      }
    });
  }
});

describe('drills check / test with Python files', function () {
  this.timeout(120000);
  const cli = (args: string[]) => spawnSync(process.execPath, [cliScript, ...args], { encoding: 'utf8', env: { ...process.env, DRILLS_PYTHON: pythonForTests().command } });
  const dir = path.join(questionsDir, 'beginner', 'guaranteed-cleanup', 'python');

  it('check <id> solution.py passes (exit 0) and stub.py fails (exit 1) with JSON results', () => {
    const ok = cli(['check', 'guaranteed-cleanup', path.join(dir, 'solution.py'), '--json']);
    assert.equal(ok.status, 0, ok.stderr);
    const result = JSON.parse(ok.stdout) as { verdict: string; tests: { fullName: string }[] };
    assert.equal(result.verdict, 'passed');
    assert.ok(result.tests.some((t) => t.fullName === 'test_the_body_error_propagates_itself_after_one_close[KeyboardInterrupt]'));
    const stub = cli(['check', 'guaranteed-cleanup', path.join(dir, 'stub.py')]);
    assert.equal(stub.status, 1);
    assert.match(stub.stdout, /NotImplementedError/);
  });

  it('check of a .py file for a drill without a Python version is a usage error', () => {
    // Every bundled drill has one: a pack of one drill folder without its python/ folder stands in.
    const pack = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-no-python-'));
    try {
      const folder = path.join(pack, 'beginner', 'atomic-config-write');
      fs.cpSync(path.join(questionsDir, 'intermediate', 'atomic-config-write'), folder, { recursive: true });
      fs.rmSync(path.join(folder, 'python'), { recursive: true });
      const yaml = fs.readFileSync(path.join(folder, 'drill.yaml'), 'utf8');
      fs.writeFileSync(path.join(folder, 'drill.yaml'), yaml.slice(0, yaml.search(/^python:/m)));
      const r = cli(['check', 'atomic-config-write', path.join(dir, 'solution.py'), '--pack', pack]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /has no Python version yet/);
    } finally {
      fs.rmSync(pack, { recursive: true, force: true });
    }
  });

  it('a missing interpreter is a clear error (exit 2)', () => {
    const r = spawnSync(process.execPath, [cliScript, 'check', 'guaranteed-cleanup', path.join(dir, 'solution.py')], { encoding: 'utf8', env: { ...process.env, DRILLS_PYTHON: '/nonexistent/python3' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /DRILLS_PYTHON \(\/nonexistent\/python3\) is not found/);
  });

  it('test runs a pytest file with the modules beside it', () => {
    const r = cli(['test', path.join(questionsDir, '..', 'test', 'fixtures', 'python', 'compat', 'test_compat.py'), '--json']);
    assert.equal(r.status, 1, r.stderr);
    const result = JSON.parse(r.stdout) as { counts: { passed: number; failed: number; skipped: number } };
    assert.ok(result.counts.passed >= 25 && result.counts.failed >= 15 && result.counts.skipped >= 3, JSON.stringify(result.counts));
  });
});

describe('the Python mutation report (npm run mutate:python)', () => {
  const report = JSON.parse(fs.readFileSync(path.join(questionsDir, 'python-mutation-report.json'), 'utf8')) as {
    drills: Record<string, { hash: string; score: number; survivors: unknown[]; equivalent: { reason?: string }[] }>;
  };
  for (const drill of drills) {
    it(`${drill.id}: a fresh entry at or above 90% killed, every equivalent mutant with a reason`, () => {
      const entry = report.drills[drill.id];
      assert.ok(entry, `no entry: run npm run mutate:python ${drill.id}`);
      const hash = createHash('sha256').update(`${drill.python!.solution}\0${drill.python!.tests}`).digest('hex');
      assert.equal(entry.hash, hash, `stale (solution.py or test_solution.py changed): run npm run mutate:python ${drill.id}`);
      assert.ok(entry.score >= 90, `${entry.score}% killed: kill the survivors with better tests (${JSON.stringify(entry.survivors)})`);
      for (const e of entry.equivalent) assert.ok(e.reason && e.reason.length > 10, JSON.stringify(e));
    });
  }
});
