// The Python sandbox against hostile solutions, with the real python3: each check runs in a forked child of a warm
// Python process; whatever a check does (loop forever, exit, fork orphans, hog memory, flood output, patch the
// harness or builtins, start threads that never end), its verdict is honest, nothing it started survives it, and the
// next check on the same warm process judges the honest stub as failing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PythonRunner, pythonCheckRequest } from '../../src/core/python/runner';
import type { CheckResult } from '../../src/core/runner';
import { findDescendants } from '../../src/core/runner/containment';
import { pythonForTests, harnessDir } from './pythonSupport';

const TESTS = [
  'import pytest',
  'from solution import add',
  '',
  'def test_adds():',
  '    assert add(1, 2) == 3',
  '',
  '@pytest.mark.parametrize("a, b, total", [(0, 0, 0), (-1, 1, 0), (2, 5, 7)])',
  'def test_table(a, b, total):',
  '    assert add(a, b) == total',
  '',
  'def test_refuses_text():',
  '    with pytest.raises(TypeError, match="numbers"):',
  '        add("1", 2)',
  '',
].join('\n');
const drill = { python: { tests: TESTS } };
const REFERENCE = 'def add(a, b):\n    if not all(isinstance(x, (int, float)) for x in (a, b)):\n        raise TypeError("add takes numbers")\n    return a + b\n';
const STUB = 'def add(a, b):\n    raise NotImplementedError\n';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Processes that carry the marker of one of this runner's checks or descend from its warm process (besides it). */
async function leftovers(runner: PythonRunner): Promise<number[]> {
  const warm = await runner.warmPid();
  if (warm === undefined || process.platform !== 'linux') return [];
  return findDescendants(warm, runner.marker).filter((pid) => pid !== warm && alive(pid));
}

describe('the Python sandbox (hostile cases, real python3)', function () {
  this.timeout(60000);
  const python = pythonForTests();
  let runner: PythonRunner;
  before(function () {
    runner = new PythonRunner({ python, harnessDir, timeoutMs: 3000, memoryMb: 128, outputLimitBytes: 64 * 1024 });
  });
  after(() => runner.dispose());

  const check = (code: string): Promise<CheckResult> => runner.check(pythonCheckRequest(drill, code));

  async function thenStubFailsOnTheSameProcess(): Promise<void> {
    const before = await runner.warmPid();
    const stub = await check(STUB);
    assert.equal(stub.verdict, 'failed', stub.summary);
    assert.equal(stub.counts.passed, 0);
    assert.equal(await runner.warmPid(), before, 'the warm process was replaced');
    assert.deepEqual(await leftovers(runner), []);
  }

  it('passes the reference with one result per test and pytest ids, fails the stub', async () => {
    const ok = await check(REFERENCE);
    assert.equal(ok.verdict, 'passed', JSON.stringify(ok, null, 1));
    assert.deepEqual(ok.tests.map((t) => t.fullName), ['test_adds', 'test_table[0-0-0]', 'test_table[-1-1-0]', 'test_table[2-5-7]', 'test_refuses_text']);
    await thenStubFailsOnTheSameProcess();
  });

  it('reports a failing assert with both values, the line in the test file, and the line in solution.py for an error', async () => {
    const r = await check('def add(a, b):\n    return a - b\n');
    const t = r.tests.find((x) => x.fullName === 'test_adds')!;
    assert.equal(t.status, 'failed');
    assert.equal(t.message, 'assert -1 == 3');
    assert.equal(t.expected, '3');
    assert.equal(t.actual, '-1');
    assert.deepEqual(t.location, { file: 'test_solution.py', line: 5, column: 1 });
    const raising = await check('def add(a, b):\n    return {}[a]\n');
    const e = raising.tests.find((x) => x.fullName === 'test_adds')!;
    assert.match(e.message!, /^KeyError: 1/);
    assert.deepEqual(e.location, { file: 'solution.py', line: 2, column: 1 });
  });

  it('reports a syntax error in solution.py as a compile error at its line', async () => {
    const r = await check('def add(a, b):\n    return a +\n');
    assert.equal(r.verdict, 'compile-error');
    assert.equal(r.compileErrors[0]!.file, 'solution.py');
    assert.equal(r.compileErrors[0]!.line, 2);
  });

  it('stops an endless loop at the time limit', async () => {
    const r = await check('def add(a, b):\n    while True:\n        pass\n');
    assert.equal(r.verdict, 'timeout', r.summary);
    await thenStubFailsOnTheSameProcess();
  });

  it('an endless loop at import time, with signals ignored, is stopped too', async () => {
    const r = await check('import signal\nfor s in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM):\n    signal.signal(s, signal.SIG_IGN)\nwhile True:\n    pass\n');
    assert.equal(r.verdict, 'timeout', r.summary);
    await thenStubFailsOnTheSameProcess();
  });

  it('sys.exit() in the code under test fails the test; at import time it fails the suite', async () => {
    const inCall = await check('import sys\ndef add(a, b):\n    sys.exit(0)\n');
    assert.equal(inCall.verdict, 'failed');
    assert.equal(inCall.counts.passed, 0);
    assert.match(inCall.tests[0]!.message!, /SystemExit/);
    const atImport = await check('import sys\nsys.exit(0)\n');
    assert.equal(atImport.verdict, 'failed');
    assert.match(atImport.summary, /Test suite failed to run: SystemExit/);
    await thenStubFailsOnTheSameProcess();
  });

  it('os._exit(0) before reporting is a crash, never a pass', async () => {
    for (const code of ['import os\nos._exit(0)\n', 'import os\ndef add(a, b):\n    os._exit(0)\n']) {
      const r = await check(code);
      assert.equal(r.verdict, 'crashed', r.summary);
      assert.match(r.summary, /ended before reporting/);
    }
    await thenStubFailsOnTheSameProcess();
  });

  it('forked orphans, setsid daemons and subprocess children do not outlive the check', async () => {
    const code = [
      'import os, subprocess, sys, time',
      'subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)',
      'subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], env={}, start_new_session=True)',
      'if os.fork() == 0:',
      '    os.setsid()',
      '    if os.fork() == 0:',
      '        time.sleep(60)',
      '    os._exit(0)',
      'time.sleep(0.3)',
      'def add(a, b):',
      '    if not all(isinstance(x, (int, float)) for x in (a, b)):',
      '        raise TypeError("numbers")',
      '    return a + b',
    ].join('\n');
    const r = await check(code);
    assert.equal(r.verdict, 'passed', r.summary);
    assert.deepEqual(await leftovers(runner), []);
    await thenStubFailsOnTheSameProcess();
  });

  it('a memory hog runs out of memory within the cap', async () => {
    const r = await check('def add(a, b):\n    hog = []\n    while True:\n        hog.append(bytearray(16 * 1024 * 1024))\n');
    assert.equal(r.verdict, 'out-of-memory', r.summary);
    await thenStubFailsOnTheSameProcess();
  });

  it('an output flood is stopped at the output cap, through print and through the file descriptor', async () => {
    for (const code of ['def add(a, b):\n    while True:\n        print("x" * 1000)\n', 'import os\ndef add(a, b):\n    while True:\n        os.write(1, b"y" * 65536)\n']) {
      const r = await check(code);
      assert.equal(r.verdict, 'output-limit', r.summary);
      assert.equal(r.outputTruncated, true);
      assert.ok(Buffer.byteLength(r.output) <= 64 * 1024);
    }
    await thenStubFailsOnTheSameProcess();
  });

  it('patching builtins, the harness or pytest to fake a pass is not accepted', async () => {
    const cheats = [
      // Every assert passes if AssertionError is never raised... by replacing the class the harness raises.
      'import builtins\nclass Quiet(Exception):\n    pass\nbuiltins.AssertionError = Quiet\ndef add(a, b):\n    return 0\n',
      // The harness's own judge, replaced.
      'import drills_harness\n_orig = drills_harness.TestRun.report\ndef report(self, path, status, started, error=None, message=None):\n    return _orig(self, path, "passed", started)\ndrills_harness.TestRun.report = report\ndef add(a, b):\n    return 0\n',
      // The failure builder, by code object.
      'import drills_harness\ndrills_harness.assert_failed.__code__ = (lambda *a: None).__code__\ndef add(a, b):\n    return 0\n',
      // pytest.raises always satisfied.
      'import pytest\nclass Yes:\n    def __init__(self, *a, **k): pass\n    def __enter__(self): return self\n    def __exit__(self, *a): return True\npytest.raises = Yes\ndef add(a, b):\n    return a + b\n',
      // The JSON encoder that writes results.
      'import json\n_d = json.dumps\njson.dumps = lambda o, *a, **k: _d(o, *a, **k).replace("failed", "passed")\ndef add(a, b):\n    return 0\n',
    ];
    for (const code of cheats) {
      const r = await check(code);
      assert.notEqual(r.verdict, 'passed', `${code}\n${r.summary}`);
      assert.match(r.summary, /^Not accepted: the check changed /, code);
    }
    await thenStubFailsOnTheSameProcess();
  });

  it('a forged result written to the result pipe without the check\'s key is ignored', async () => {
    const code = [
      'import json, os',
      'for fd in range(3, 64):',
      '    try:',
      '        os.write(fd, (json.dumps({"type": "done", "outcome": "completed", "compileErrors": []}) + "\\n").encode())',
      '    except OSError:',
      '        pass',
      'os._exit(0)',
    ].join('\n');
    const r = await check(code);
    assert.equal(r.verdict, 'crashed', r.summary);
    await thenStubFailsOnTheSameProcess();
  });

  it('threads that never end do not hold the check or the next one', async () => {
    const code = 'import threading, time\ndef spin():\n    while True:\n        time.sleep(0.01)\nthreading.Thread(target=spin).start()\ndef add(a, b):\n    threading.Thread(target=spin).start()\n    if not all(isinstance(x, (int, float)) for x in (a, b)):\n        raise TypeError("numbers")\n    return a + b\n';
    const r = await check(code);
    assert.equal(r.verdict, 'passed', r.summary);
    await thenStubFailsOnTheSameProcess();
  });

  it('runs the check with a minimal environment, isolated from user site-packages and the working folder', async () => {
    const tests = 'import os, sys, site\n\ndef test_env():\n    assert sorted(k for k in os.environ if k.startswith("PYTHON") and k != "PYTHONIOENCODING") == []\n    assert "AWS_SECRET_ACCESS_KEY" not in os.environ\n    assert sys.flags.isolated == 1\n    assert sys.flags.no_user_site == 1\n    assert site.ENABLE_USER_SITE is False\n';
    process.env.AWS_SECRET_ACCESS_KEY = 'leak';
    const fresh = new PythonRunner({ python, harnessDir });
    try {
      const r = await fresh.check({ files: { 'solution.py': '', 'test_solution.py': tests }, entry: 'test_solution.py' });
      assert.equal(r.verdict, 'passed', JSON.stringify(r.tests));
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
      fresh.dispose();
    }
  });

  it('runs a check in a fresh process where fork() is not used (the Windows way)', async () => {
    const spawnRunner = new PythonRunner({ python, harnessDir, isolation: 'spawn', timeoutMs: 3000 });
    try {
      assert.equal((await spawnRunner.check(pythonCheckRequest(drill, REFERENCE))).verdict, 'passed');
      assert.equal((await spawnRunner.check(pythonCheckRequest(drill, STUB))).verdict, 'failed');
      assert.equal((await spawnRunner.check(pythonCheckRequest(drill, 'def add(a, b):\n    while True: pass\n'))).verdict, 'timeout');
    } finally {
      spawnRunner.dispose();
    }
  });

  it('the harness and the server are Python 3.9 syntax (no match statements, no 3.10+ syntax)', async () => {
    const { execFileSync } = await import('node:child_process');
    const files = fs.readdirSync(harnessDir).filter((f) => f.endsWith('.py')).map((f) => path.join(harnessDir, f));
    const script = 'import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f).read(), f, feature_version=(3, 9))\n';
    execFileSync(python.command, [...(python.args ?? []), '-c', script, ...files]);
  });
});
