// Hostile user code: every case must end in a clear verdict, leave no process behind (the sandbox's process group
// is gone, or only the reusable sandbox itself is left), and the next check on the same runner must work.
import * as assert from 'node:assert/strict';
import { SandboxRunner, type CheckResult, type Verdict } from '../../src/core/runner';
import { isAlive, leftInGroup, sandboxScript } from '../fixtures/runner/support';

const TIMEOUT_MS = 1500;

const GOOD_CHECK = {
  files: {
    'solution.ts': 'export const greet = (name: string): string => `hi ${name}`;\n',
    'solution.test.ts': [
      "import { greet } from './solution';",
      "it('greets', () => { console.log('still capturing'); expect(greet('ada')).toBe('hi ada'); });",
      "it('has a clean global', () => { expect((globalThis as Record<string, unknown>).leaked).toBeUndefined(); });",
      '',
    ].join('\n'),
  },
  entry: 'solution.test.ts',
};

describe('hostile user code', function () {
  this.timeout(20000);
  let runner: SandboxRunner;

  before(() => {
    runner = new SandboxRunner({ sandboxScript, timeoutMs: TIMEOUT_MS, memoryMb: 128 });
  });
  after(() => runner.dispose());

  /** Runs a hostile check, then asserts the aftermath: nothing left running, and a normal check still passes. */
  async function hostile(files: Record<string, string>, verdict: Verdict): Promise<CheckResult> {
    const result = await runner.check({ files, entry: 'solution.test.ts' });
    assert.equal(result.verdict, verdict, `expected ${verdict}, got ${result.verdict}: ${result.summary}\n${JSON.stringify(result.tests, null, 2)}`);
    assert.notEqual(result.verdict, 'passed');
    const pgid = runner.lastSandboxPid;
    assert.ok(pgid, 'the runner reports which sandbox ran the check');
    // Either the sandbox was replaced (its whole group must be gone) or it is the warm one (only it may remain).
    const warm = runner.sandboxPid;
    const left = await leftInGroup(pgid, warm === pgid ? [pgid] : []);
    assert.deepEqual(left, [], `processes left in group ${pgid}`);
    const next = await runner.check(GOOD_CHECK);
    assert.equal(next.verdict, 'passed', `the next check: ${next.summary}\n${JSON.stringify(next.tests, null, 2)}`);
    assert.equal(next.output, 'still capturing\n');
    return result;
  }

  it('an endless synchronous loop in a test: timeout, with the tests that ran before it reported', async () => {
    const r = await hostile(
      { 'solution.test.ts': "it('first', () => { expect(1).toBe(1); });\nit('loops', () => { while (true) {} });\nit('never reached', () => {});\n" },
      'timeout',
    );
    assert.match(r.summary, /^Timed out after 1\.5 s/);
    assert.deepEqual(
      r.tests.map((t) => [t.fullName, t.status]),
      [['first', 'passed'], ['loops', 'failed']],
    );
    assert.match(r.tests[1].message ?? '', /Timed out/);
    assert.deepEqual(r.tests[1].location, { file: 'solution.test.ts', line: 2, column: 1 });
  });

  it('an endless loop while the module loads: timeout', async () => {
    await hostile({ 'solution.ts': 'export const x = 1;\nwhile (true) {}\n', 'solution.test.ts': "import { x } from './solution';\nit('x', () => expect(x).toBe(1));\n" }, 'timeout');
  });

  it('an endless loop after an await (outside the vm timeout): the host kills the sandbox, timeout', async () => {
    const r = await hostile({ 'solution.test.ts': "it('spins', async () => { await null; while (true) {} });\n" }, 'timeout');
    assert.equal(r.tests.length, 0);
  });

  it('a promise that never settles fails that test only, and the sandbox is kept', async () => {
    const before = runner.sandboxPid;
    const r = await hostile(
      { 'solution.test.ts': "it('hangs', () => new Promise(() => {}));\nit('after', () => { expect(2).toBe(2); });\n" },
      'failed',
    );
    assert.deepEqual(r.tests.map((t) => t.status), ['failed', 'passed']);
    assert.match(r.tests[0].message ?? '', /Exceeded timeout of 750 ms for a test/);
    assert.deepEqual(r.tests[0].location, { file: 'solution.test.ts', line: 1, column: 1 });
    if (before !== undefined) assert.equal(runner.lastSandboxPid, before, 'a clean check reuses the warm sandbox');
  });

  it('process.exit(0) while importing the solution fails the file', async () => {
    const r = await hostile(
      { 'solution.ts': 'process.exit(0);\nexport const x = 1;\n', 'solution.test.ts': "import { x } from './solution';\nit('x', () => { expect(x).toBe(1); });\n" },
      'failed',
    );
    assert.equal(r.tests.length, 1);
    assert.equal(r.tests[0].fullName, 'Test suite failed to run');
    assert.match(r.tests[0].message ?? '', /process\.exit\(0\) was called/);
    assert.match(r.summary, /^Test suite failed to run: ProcessExitError: process\.exit\(0\) was called/);
    assert.deepEqual(r.tests[0].location, { file: 'solution.ts', line: 1, column: 9 });
  });

  it('process.exit(0) inside a test fails it, even when the error is caught', async () => {
    const r = await hostile(
      {
        'solution.ts': 'export function quit(): void {\n  try {\n    process.exit(0);\n  } catch {\n    // swallowed\n  }\n}\n',
        'solution.test.ts': "import { quit } from './solution';\nit('exits', () => { process.exit(0); });\nit('swallows', () => { quit(); });\n",
      },
      'failed',
    );
    assert.deepEqual(r.tests.map((t) => t.status), ['failed', 'failed']);
    for (const t of r.tests) assert.match(t.message ?? '', /process\.exit\(0\) was called/);
    assert.deepEqual(r.tests[1].location, { file: 'solution.ts', line: 3, column: 13 });
  });

  it('reaching for the checker through expect.constructor is refused; the sandbox is not touched', async () => {
    const r = await hostile(
      { 'solution.test.ts': "it('escapes', () => { (expect.constructor as FunctionConstructor)('return process')().exit(3); });\n" },
      'failed',
    );
    assert.match(r.tests[0].message ?? '', /^EvalError: Function is not available to code under test/);
  });

  it('throwing strings, objects, undefined and null: each test fails with the printed value', async () => {
    const r = await hostile(
      {
        'solution.test.ts': [
          "it('a string', () => { throw 'just a string'; });",
          "it('an object', () => { throw { code: 42 }; });",
          "it('undefined', () => { throw undefined; });",
          "it('null', async () => { throw null; });",
          "it('a hostile proxy', () => { throw new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } }); });",
          '',
        ].join('\n'),
      },
      'failed',
    );
    assert.deepEqual(
      r.tests.map((t) => t.message),
      ['thrown: "just a string"', 'thrown: Object {\n  "code": 42,\n}', 'thrown: undefined', 'thrown: null', 'thrown: <unprintable value>'],
    );
    assert.ok(r.tests.every((t) => t.location?.file === 'solution.test.ts'));
  });

  /** A check on its own runner with a small memory cap and a long budget: ending as a timeout would hide the OOM. */
  async function memoryHog(test: string): Promise<CheckResult> {
    const small = new SandboxRunner({ sandboxScript, timeoutMs: 20000, memoryMb: 48 });
    try {
      const r = await small.check({ files: { 'solution.test.ts': test }, entry: 'solution.test.ts' });
      const pgid = small.lastSandboxPid;
      assert.ok(pgid);
      assert.deepEqual(await leftInGroup(pgid), []);
      assert.equal((await small.check(GOOD_CHECK)).verdict, 'passed');
      return r;
    } finally {
      small.dispose();
    }
  }

  it('allocating until the heap is exhausted: out-of-memory', async () => {
    const r = await memoryHog("it('hoards', () => { const a: number[][] = []; for (;;) a.push(new Array(100000).fill(Math.random())); });\n");
    assert.equal(r.verdict, 'out-of-memory', r.summary);
    assert.match(r.summary, /^Ran out of memory \(the limit is 48 MB\)/);
  });

  it('allocating Buffers outside the V8 heap: out-of-memory (resident-memory watchdog, Linux)', async function () {
    if (process.platform !== 'linux') this.skip();
    // The watchdog's limit is 1.5 x 48 + 128 MB resident.
    const r = await memoryHog("it('hoards', () => { const a: Buffer[] = []; for (;;) a.push(Buffer.alloc(16 * 1024 * 1024).fill(1)); });\n");
    assert.equal(r.verdict, 'out-of-memory', r.summary);
  });

  it('printing 50 MB through console.log: output-limit, output capped at 1 MiB', async () => {
    const r = await hostile({ 'solution.test.ts': "it('floods', () => { const line = 'x'.repeat(1023); for (let i = 0; i < 50 * 1024; i++) console.log(line); });\n" }, 'output-limit');
    assert.equal(Buffer.byteLength(r.output), 1024 * 1024);
    assert.equal(r.outputTruncated, true);
  });

  it('printing 50 MB in one process.stdout.write: output-limit', async () => {
    const r = await hostile({ 'solution.test.ts': "it('floods', () => { process.stdout.write('y'.repeat(50 * 1024 * 1024)); });\n" }, 'output-limit');
    assert.equal(r.outputTruncated, true);
  });

  it('reassigning globalThis.expect in the solution (strict module): the import fails, nothing passes', async () => {
    const r = await hostile(
      {
        'solution.ts': "(globalThis as Record<string, unknown>).expect = () => ({ toBe: () => undefined });\nexport const x = 1;\n",
        'solution.test.ts': "import { x } from './solution';\nit('x', () => { expect(x).toBe(2); });\n",
      },
      'failed',
    );
    assert.match(r.tests[0].message ?? '', /read only property 'expect'/);
  });

  it('reassigning expect (sloppy script), console and a global: the real expect still judges, nothing leaks', async () => {
    const r = await hostile(
      {
        'solution.js': 'globalThis.expect = function () { return { toBe: function () {} } };\nconsole = { log: function () {} };\nglobalThis.leaked = true;\nmodule.exports = { x: 1 };\n',
        'solution.test.ts': "const { x } = require('./solution');\nit('x', () => { expect(x).toBe(2); });\n",
      },
      'failed',
    );
    assert.equal(r.tests[0].expected, '2');
    assert.equal(r.tests[0].actual, '1');
  });

  it('an unhandled rejection from a timer fails the running test', async () => {
    const r = await hostile(
      {
        'solution.test.ts': [
          "it('rejects later', async () => {",
          "  setTimeout(() => { void Promise.reject(new Error('late rejection')); }, 1);",
          '  await new Promise((resolve) => setTimeout(resolve, 200));',
          '});',
          "it('next', () => {});",
          '',
        ].join('\n'),
      },
      'failed',
    );
    assert.deepEqual(r.tests.map((t) => t.status), ['failed', 'passed']);
    assert.match(r.tests[0].message ?? '', /^Error: late rejection/);
    assert.deepEqual(r.tests[0].location, { file: 'solution.test.ts', line: 2, column: 42 });
  });

  it('an unhandled rejection outside any test fails the file', async () => {
    const r = await hostile({ 'solution.test.ts': "it('fires and forgets', () => { void Promise.reject(new Error('nobody waits')); });\n" }, 'failed');
    assert.ok(r.tests.some((t) => t.status === 'failed' && /nobody waits/.test(t.message ?? '')));
  });

  it('a syntax error: compile-error with file, line and column', async () => {
    const r = await hostile(
      { 'solution.ts': 'export function f(: number {\n  return 1;\n}\n', 'solution.test.ts': "import { f } from './solution';\nit('f', () => { expect(f()).toBe(1); });\n" },
      'compile-error',
    );
    assert.deepEqual(r.compileErrors, [{ file: 'solution.ts', line: 1, column: 19, message: 'Unexpected token' }]);
    assert.equal(r.tests.length, 0);
  });

  it('a child process that sleeps forever is killed with the sandbox group', async () => {
    const r = await hostile(
      {
        'solution.test.ts': [
          "import { spawn } from 'child_process';",
          "it('spawns', () => {",
          "  const child = spawn('sleep', ['1000'], { detached: true, stdio: 'ignore' });",
          '  console.log(`pid=${child.pid}`);',
          '  expect(child.pid).toBeGreaterThan(0);',
          '});',
          "it('fails on purpose', () => { expect(1).toBe(2); });",
          '',
        ].join('\n'),
      },
      'failed',
    );
    const pid = Number(/pid=(\d+)/.exec(r.output)?.[1]);
    assert.ok(pid > 0, r.output);
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(isAlive(pid), false, `sleep (${pid}) survived the check`);
  });

  it('no IPC channel for user code: it cannot post results of its own', async () => {
    const r = await hostile(
      {
        'solution.test.ts': [
          'const proc = process as unknown as { send?: unknown; channel?: unknown; connected?: boolean };',
          "it('sees no channel', () => { expect([proc.send, proc.channel, proc.connected]).toEqual([undefined, undefined, false]); });",
          "it('still fails', () => { expect(1).toBe(2); });",
          '',
        ].join('\n'),
      },
      'failed',
    );
    assert.deepEqual(r.tests.map((t) => t.status), ['passed', 'failed']);
  });

  it('a check cancelled through its AbortSignal: cancelled, and the sandbox is replaced', async () => {
    const controller = new AbortController();
    const pending = runner.check({ files: { 'solution.test.ts': "it('spins', () => { for (;;) {} });\n" }, entry: 'solution.test.ts', signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    const r = await pending;
    assert.equal(r.verdict, 'cancelled');
    const pgid = runner.lastSandboxPid;
    assert.ok(pgid);
    assert.deepEqual(await leftInGroup(pgid), []);
    assert.equal((await runner.check(GOOD_CHECK)).verdict, 'passed');
  });
});
