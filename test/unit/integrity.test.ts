// A verdict nobody can fake (issue 10): each cheat is refused, and then an honest wrong solution checked on the same
// warm runner still fails; what a check leaves behind never reaches the next one; no process outlives a check; the
// caps hold with a clear message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SandboxRunner, type CheckResult } from '../../src/core/runner';
import { MARKER_VARIABLE, sandboxEnvironment } from '../../src/core/runner/containment';
import { isAlive, sandboxScript } from '../fixtures/runner/support';

/** The drill every cheat is tried against: add two numbers. */
const TESTS = [
  "import { add } from './solution';",
  "describe('add', () => {",
  "  it('adds small numbers', () => { expect(add(1, 2)).toBe(3); });",
  "  it('adds negatives', () => { expect(add(-1, -2)).toEqual(-3); });",
  "  it('adds into an object', () => { expect({ sum: add(2, 2) }).toEqual({ sum: 4 }); });",
  '});',
  '',
].join('\n');
const STUB = 'export function add(a: number, b: number): number {\n  return 0;\n}\n';
const GOOD = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';

function explain(r: CheckResult): string {
  return `${r.verdict}: ${r.summary}\n${r.tests.map((t) => `${t.status} ${t.fullName}: ${t.message ?? ''}`).join('\n')}\n${r.output}`;
}

describe('a verdict nobody can fake', function () {
  this.timeout(30000);
  let runner: SandboxRunner;

  before(() => {
    runner = new SandboxRunner({ sandboxScript, timeoutMs: 3000, memoryMb: 128 });
  });
  after(() => runner.dispose());

  const check = (solution: string, tests = TESTS, extra: Record<string, string> = {}) =>
    runner.check({ files: { 'solution.ts': solution, 'solution.test.ts': tests, ...extra }, entry: 'solution.test.ts' });

  /** Runs a cheat (it must not pass), then the honest stub and the good solution on the same runner. */
  async function refused(solution: string, tests = TESTS, extra: Record<string, string> = {}): Promise<CheckResult> {
    const r = await check(solution, tests, extra);
    assert.notEqual(r.verdict, 'passed', explain(r));
    const stub = await check(STUB);
    assert.equal(stub.verdict, 'failed', `the honest stub after the cheat: ${explain(stub)}`);
    assert.equal(stub.counts.failed, 3, explain(stub));
    const good = await check(GOOD);
    assert.equal(good.verdict, 'passed', `the good solution after the cheat: ${explain(good)}`);
    return r;
  }

  describe('1. no real process behind the one user code sees', () => {
    it('patching the result channel through process\'s prototype changes nothing', async () => {
      const r = await refused(
        [
          'const proto = Object.getPrototypeOf(process) as Record<string, unknown>;',
          "const real = proto.send as ((m: { type: string; result?: { status: string } }) => boolean) | undefined;",
          'proto.send = function (m: { type: string; result?: { status: string } }) {',
          "  if (m.result) m.result.status = 'passed';",
          '  return real ? real.call(this, m) : true;',
          '};',
          'export const protoIsPlain = Object.getPrototypeOf(proto) === null && typeof real === "undefined";',
          STUB,
        ].join('\n'),
      );
      assert.equal(r.verdict, 'failed');
      assert.equal(r.counts.failed, 3);
    });

    it('the process object is a plain object of the user\'s realm with no channel, binding or real exit', async () => {
      const r = await check(
        GOOD,
        [
          "import { add } from './solution';",
          'const p = process as unknown as Record<string, unknown>;',
          "it('is plain', () => { expect(Object.getPrototypeOf(process)).toBe(Object.prototype); });",
          "it('has no channel', () => { expect([p.send, p.channel, p.connected, p.binding, p._linkedBinding, p.mainModule, p.dlopen]).toEqual([undefined, undefined, false, undefined, undefined, undefined, undefined]); });",
          "it('still adds', () => { expect(add(1, 2)).toBe(3); expect(typeof process.env.PATH).toBe('string'); expect(process.platform).toBe(" + JSON.stringify(process.platform) + '); });',
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });

    it('no object handed to user code leads back to the checker\'s Function, globals or process', async () => {
      const probe = [
        'type AnyFn = (...a: unknown[]) => unknown;',
        'function reach(x: unknown): string {',
        '  const tries: Array<() => unknown> = [',
        '    () => (x as { constructor: { constructor: unknown } }).constructor.constructor,',
        '    () => (Object.getPrototypeOf(x) as { constructor: unknown }).constructor,',
        '    () => (Object.getPrototypeOf(Object.getPrototypeOf(x)) as { constructor: { constructor: unknown } }).constructor.constructor,',
        '    () => (x as { constructor: unknown }).constructor,',
        '  ];',
        '  for (const attempt of tries) {',
        '    try {',
        '      const F = attempt() as AnyFn;',
        '      if (typeof F !== "function") continue;',
        '      const g = (F("return globalThis") as AnyFn)() as Record<string, unknown>;',
        '      const p = g.process as Record<string, unknown> | undefined;',
        '      if (g[Symbol.for("$$jest-matchers-object") as unknown as string] !== undefined) return "matchers";',
        '      if (p && (typeof p.binding === "function" || typeof p.send === "function" || p.mainModule)) return "process";',
        '    } catch {',
        '      // refused: fine',
        '    }',
        '  }',
        '  return "contained";',
        '}',
        'export function probeAll(): Record<string, string> {',
        '  const fs = require("fs") as Record<string, unknown>;',
        '  const mock = jest.fn();',
        '  const spied = { m: () => 1 };',
        '  jest.spyOn(spied, "m");',
        '  let thrown: unknown;',
        '  try { Buffer.alloc(-1); } catch (e) { thrown = e; }',
        '  const candidates: Record<string, unknown> = {',
        '    expect, it, describe, beforeEach, jest, mock, spied: spied.m, matchers: expect(1), not: expect(1).not, any: expect.any(Number),',
        '    state: expect.getState(), log: console.log, setTimeout, timer: setTimeout(() => undefined, 0), hrtime: process.hrtime, nextTick: process.nextTick,',
        '    Buffer, buffer: Buffer.from("x"), URL, url: new URL("http://x/"), structuredClone, readFileSync: fs.readFileSync, thrown,',
        '    mockState: (mock as unknown as { mock: unknown }).mock, mockGetter: Object.getOwnPropertyDescriptor(mock, "mock")?.get, require,',
        '    module: typeof module === "object" ? module : undefined, performance, queueMicrotask, TextEncoder, AbortController, fetch,',
        '  };',
        '  const out: Record<string, string> = {};',
        '  for (const [name, value] of Object.entries(candidates)) out[name] = reach(value);',
        '  return out;',
        '}',
        STUB,
      ].join('\n');
      // In a test-named helper: making asymmetric matchers (expect.any) is for test files.
      const r = await check(
        STUB,
        [
          "import { probeAll } from './probe.test';",
          "it('contains every object', () => { const out = probeAll(); expect(Object.entries(out).filter(([, v]) => v !== 'contained')).toEqual([]); expect(Object.keys(out).length).toBeGreaterThan(30); });",
          "it('keeps done and thenable callbacks in the user realm', (done) => { expect(reachDone(done)).toBe('contained'); done(); });",
          'function reachDone(d: unknown): string { try { const F = (d as { constructor: (s: string) => () => { process?: { binding?: unknown } } }).constructor; return typeof F("return globalThis")().process?.binding === "function" ? "process" : "contained"; } catch { return "contained"; } }',
          '',
        ].join('\n'),
        { 'probe.test.ts': probe },
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });
  });

  describe('2. expect and its matchers cannot be replaced by the code under test', () => {
    it('expect.constructor("return globalThis") and the matcher registry: refused', async () => {
      const r = await refused(
        [
          'try {',
          "  const g = (expect.constructor as FunctionConstructor)('return globalThis')() as Record<symbol, { matchers: Record<string, unknown> }>;",
          "  const registry = g[Symbol.for('$$jest-matchers-object')];",
          '  const pass = () => ({ pass: true, message: () => "" });',
          '  registry.matchers.toBe = pass;',
          '  registry.matchers.toEqual = pass;',
          '} catch {',
          '  // refused',
          '}',
          'try {',
          '  const matchers = Object.getPrototypeOf(expect(1)) as Record<string, unknown>;',
          '  matchers.toBe = () => undefined;',
          '} catch {',
          '  // read-only',
          '}',
          STUB,
        ].join('\n'),
      );
      assert.equal(r.counts.failed, 3, explain(r));
    });

    it('expect.extend from the solution does not count, even when its error is caught', async () => {
      const r = await refused(
        [
          'try {',
          '  expect.extend({ toBe: () => ({ pass: true, message: () => "" }), toEqual: () => ({ pass: true, message: () => "" }) });',
          '} catch {',
          '  // swallowed',
          '}',
          STUB,
        ].join('\n'),
      );
      assert.equal(r.verdict, 'failed');
      assert.match(r.summary, /^Not accepted: solution\.ts called expect\.extend: only the tests \(solution\.test\.ts\) may declare/);
    });

    it('a value that claims to equal anything (asymmetricMatch) is compared as a plain object', async () => {
      const r = await refused(
        'export function add(a: number, b: number): number {\n  return { asymmetricMatch: () => true, $$typeof: Symbol.for("jest.asymmetricMatcher") } as unknown as number;\n}\n',
      );
      assert.ok(r.tests.filter((t) => t.status === 'failed').length >= 2, explain(r));
    });

    it('expect.extend in the tests themselves still works', async () => {
      const r = await check(
        GOOD,
        "import { add } from './solution';\nexpect.extend({ toBeSum(n: number, a: number, b: number) { return { pass: n === a + b, message: () => 'no' }; } });\nit('uses it', () => { (expect(add(1, 2)) as unknown as { toBeSum(a: number, b: number): void }).toBeSum(1, 2); expect(4).toEqual(expect.any(Number)); });\n",
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });
  });

  describe('3. only the tests declare tests, hooks, .only and .skip', () => {
    for (const [name, code] of [
      ['it.only', "it.only('my own test', () => undefined);"],
      ['describe.skip', "describe.skip('add', () => undefined);"],
      ['test.skip', "test.skip('adds small numbers', () => undefined);"],
      ['beforeAll', 'beforeAll(() => undefined);'],
      ['fit', "(globalThis as unknown as { fit: (t: string, f: () => void) => void }).fit('focus', () => undefined);"],
    ] as const) {
      it(`${name} in the solution: not accepted, even if its error is caught`, async () => {
        const r = await refused(`try {\n  ${code}\n} catch {\n  // swallowed\n}\n${STUB}`);
        assert.equal(r.verdict, 'failed');
        assert.match(r.summary, /^Not accepted: solution\.ts called /);
      });
    }

    it('a focused test in the scratch file does not turn "1 passed, 2 skipped" into a pass', async () => {
      const r = await refused(`it.only('adds small numbers', () => { expect(1 + 2).toBe(3); });\n${STUB}`);
      assert.match(r.summary, /only the tests \(solution\.test\.ts\) may declare tests/);
    });

    it('the drill\'s own tests may use .only and .skip', async () => {
      const r = await check(GOOD, "import { add } from './solution';\nit.only('focused', () => { expect(add(1, 1)).toBe(2); });\nit('other', () => { expect(1).toBe(2); });\n");
      assert.equal(r.verdict, 'passed', explain(r));
      assert.deepEqual(r.tests.map((t) => t.status), ['passed', 'skipped']);
    });
  });

  describe('4. leftovers stay with the check that left them', () => {
    const LATE = "throw new Error('late error from an earlier check');";
    for (const [name, code] of [
      ['a timers/promises timer', `void (require('timers/promises') as typeof import('timers/promises')).setTimeout(150).then(() => { ${LATE} });`],
      ['an unref\'d timer', `setTimeout(() => { ${LATE} }, 150).unref();`],
      ['an interval', `setInterval(() => { ${LATE} }, 40);`],
      ['a file read whose callback comes late', `(require('fs') as typeof import('fs')).readFile(__filename, () => { ${LATE} });`],
      ['a promise chain from a built-in', `void (require('fs') as typeof import('fs')).promises.readFile(__filename).then(() => { ${LATE} });`],
      ['an AbortSignal timeout', `AbortSignal.timeout(100).addEventListener('abort', () => { ${LATE} });`],
    ] as const) {
      it(`${name}: the next checks are not blamed`, async () => {
        const first = await check(`${code}\n${GOOD}`);
        assert.notEqual(first.verdict, 'crashed', explain(first));
        for (let i = 0; i < 3; i++) {
          const next = await check(GOOD, TESTS.replace("it('adds small numbers', () => {", "it('adds small numbers', async () => { await new Promise((r) => setTimeout(r, 120));"));
          assert.equal(next.verdict, 'passed', `check ${i + 1} after ${name}: ${explain(next)}`);
        }
        const stub = await check(STUB);
        assert.equal(stub.verdict, 'failed', explain(stub));
      });
    }

    it('Atomics.waitAsync is refused in the check that calls it', async () => {
      const r = await refused(`const sab = new Int32Array(new SharedArrayBuffer(4));\nvoid (Atomics as unknown as { waitAsync: (...a: unknown[]) => unknown }).waitAsync(sab, 0, 0, 100);\n${GOOD}`);
      assert.match(r.tests[0].message ?? '', /Atomics\.waitAsync is not available in a check/);
    });
  });

  describe('5. no process outlives its check', () => {
    const pidFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drills-escape-')), 'pid');

    async function gone(pid: number): Promise<boolean> {
      for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
      return !isAlive(pid);
    }

    for (const [name, command] of [
      ['setsid sleep 30 &', (file: string) => `setsid sh -c 'echo $$ > ${file}; exec sleep 30' > /dev/null 2>&1 &`],
      ['a double fork', (file: string) => `(sh -c 'echo $$ > ${file}; exec sleep 30' &) > /dev/null 2>&1`],
    ] as const) {
      it(`${name} through child_process.execSync is ended with the check`, async function () {
        if (process.platform !== 'linux') this.skip();
        const file = pidFile();
        const r = await refused(`(require('child_process') as typeof import('child_process')).execSync(${JSON.stringify(command(file))});\n${STUB}`);
        assert.equal(r.verdict, 'failed', explain(r));
        for (let i = 0; i < 50 && !fs.existsSync(file); i++) await new Promise((res) => setTimeout(res, 20));
        const pid = Number(fs.readFileSync(file, 'utf8'));
        assert.ok(pid > 0);
        assert.ok(await gone(pid), `${name}: ${pid} survived the check`);
      });
    }

    it('a detached child with an empty environment, spawned through child_process, is ended with the check', async function () {
      if (process.platform !== 'linux') this.skip();
      const r = await refused(
        `const child = (require('child_process') as typeof import('child_process')).spawn('setsid', ['sleep', '30'], { detached: true, stdio: 'ignore', env: {} });\nchild.unref();\nconsole.log('pid=' + child.pid);\n${STUB}`,
      );
      const pid = Number(/pid=(\d+)/.exec(r.output)?.[1]);
      assert.ok(pid > 0, r.output);
      assert.ok(await gone(pid), `${pid} survived the check`);
    });
  });

  describe('6. the sandbox gets a minimal environment', () => {
    it('keeps PATH, HOME and the locale, drops credentials and the editor\'s variables', () => {
      const env = sandboxEnvironment('m', { PATH: '/bin', HOME: '/h', LANG: 'C', AWS_SECRET_ACCESS_KEY: 's', GITHUB_TOKEN: 't', NODE_OPTIONS: '--inspect', Path: 'w', SystemRoot: 'C:\\Windows' });
      assert.deepEqual(
        { ...env },
        { PATH: '/bin', HOME: '/h', LANG: 'C', Path: 'w', SystemRoot: 'C:\\Windows', ELECTRON_RUN_AS_NODE: '1', FORCE_COLOR: '0', NO_COLOR: '1', [MARKER_VARIABLE]: 'm' },
      );
    });

    it('code under test and its children do not see the host\'s credentials', async () => {
      process.env.AWS_SECRET_ACCESS_KEY = 'do-not-leak';
      const own = new SandboxRunner({ sandboxScript, timeoutMs: 3000 });
      try {
        const r = await own.check({
          files: {
            'solution.test.ts':
              "it('env', () => { expect(process.env.AWS_SECRET_ACCESS_KEY).toBeUndefined(); expect(typeof process.env.PATH).toBe('string'); expect(String(require('child_process').execSync('env'))).not.toContain('do-not-leak'); });\n",
          },
          entry: 'solution.test.ts',
        });
        assert.equal(r.verdict, 'passed', explain(r));
      } finally {
        own.dispose();
        delete process.env.AWS_SECRET_ACCESS_KEY;
      }
    });
  });

  describe('7. caps', () => {
    it('a 30 MB test title is cut, and the result stays small', async () => {
      const r = await refused(STUB, `${TESTS}it('x'.repeat(30 * 1024 * 1024), () => { expect(1).toBe(1); });\n`);
      const big = r.tests.find((t) => t.fullName.startsWith('xxx'));
      assert.ok(big, explain(r));
      assert.ok(big.fullName.length < 2000, `${big.fullName.length} characters`);
      assert.match(big.fullName, /… \(31456256 more characters\)$/);
      assert.ok(JSON.stringify(r).length < 100_000);
    });

    it('a 50 MB stack string does not end as out-of-memory or lose the other results', async () => {
      const r = await refused(
        STUB,
        `${TESTS}it('huge stack', () => { const e = new Error('boom'); Object.defineProperty(e, 'stack', { value: 'Error: boom\\n' + '    at f (solution.ts:1:1)\\n'.repeat(2 * 1024 * 1024) }); throw e; });\nit('after it', () => { expect(1).toBe(1); });\n`,
      );
      assert.equal(r.verdict, 'failed', explain(r));
      assert.deepEqual(r.tests.map((t) => t.status), ['failed', 'failed', 'failed', 'failed', 'passed']);
      assert.ok((r.tests[3].message ?? '').length < 300_000);
    });

    it('60,000 tests: a clear message, not "an endless loop?"', async () => {
      // A runner with room to spare: what is checked is the message, not the speed of a busy machine.
      const roomy = new SandboxRunner({ sandboxScript, timeoutMs: 15000 });
      try {
        const r = await roomy.check({ files: { 'solution.ts': STUB, 'solution.test.ts': `${TESTS}for (let i = 0; i < 60000; i++) it('t' + i, () => undefined);\n` }, entry: 'solution.test.ts' });
        assert.equal(r.verdict, 'failed', explain(r));
        assert.match(r.summary, /Too many tests: a check runs at most 5000 tests/);
        assert.doesNotMatch(r.summary, /endless loop/);
      } finally {
        roomy.dispose();
      }
    });
  });

  describe('8. more cheats', () => {
    it('garbage and forged results written to the result pipe are ignored; the host keeps running', async () => {
      const forged = JSON.stringify({ type: 'done', id: 1, outcome: 'completed', compileErrors: [], output: '', outputTruncated: false });
      const r = await refused(`(require('fs') as typeof import('fs')).writeSync(3, ${JSON.stringify(`garbage\n${forged}\n`)});\n${STUB}`);
      assert.equal(r.verdict, 'failed', explain(r));
      assert.equal(r.counts.failed, 3);
    });

    it('Error.prepareStackTrace and the global Error cannot be replaced (they would be handed the checker\'s frames)', async () => {
      const r = await refused(`Error.prepareStackTrace = (_e: Error, sites: unknown[]) => sites;\n${STUB}`);
      assert.match(r.tests[0].message ?? '', /read only property 'prepareStackTrace'/);
      const again = await refused(`(globalThis as Record<string, unknown>).Error = class extends Error {};\n${STUB}`);
      assert.match(again.tests[0].message ?? '', /read only property 'Error'/);
    });

    it('custom inspect functions are not called by console.log or util.inspect', async () => {
      const r = await check(
        GOOD,
        [
          'let called = false;',
          "const custom = { [Symbol.for('nodejs.util.inspect.custom')]: () => { called = true; return 'x'; } };",
          "it('prints without calling it', () => { console.log(custom); console.dir(custom, { customInspect: true }); (require('util') as typeof import('util')).inspect(custom, { customInspect: true }); expect(called).toBe(false); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });

    it('a thenable returned by a test is adopted by the user realm\'s own Promise', async () => {
      const r = await check(
        GOOD,
        [
          'let leaked: unknown;',
          "it('returns a thenable', () => ({ then(resolve: (v?: unknown) => void) { leaked = resolve; resolve(); } }) as unknown as Promise<void>);",
          "it('got a resolver of its own realm', () => { expect(Object.getPrototypeOf(Object.getPrototypeOf(leaked))).toBe(Object.prototype); expect((leaked as { constructor: unknown }).constructor).toBe(Function); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });

    it('vm, module and process.kill of the checker are refused with a clear message', async () => {
      const r = await refused(`export const escape = (require('vm') as typeof import('vm')).runInThisContext('process');\n${STUB}`);
      assert.match(r.tests[0].message ?? '', /The 'vm' module is not available in a check/);
      const mod = await refused(`export const req = (require('module') as typeof import('module')).createRequire('/');\n${STUB}`);
      assert.match(mod.tests[0].message ?? '', /The 'module' module is not available in a check/);
      const kill = await refused(`process.kill(process.ppid, 'SIGKILL');\n${STUB}`);
      assert.match(kill.tests[0].message ?? '', /process\.kill\(\) of the checker or its host is not allowed/);
    });

    it('a Proxy called by checker code gets nothing of the checker it could change (Object.is stays the judge)', async () => {
      const r = await refused(
        [
          'const stolen: unknown[] = [];',
          'const thief = new Proxy(function () { return 0; }, { apply(_t: unknown, _this: unknown, args: unknown[]) { stolen.push(args); return 0; } });',
          '(jest.fn(thief as () => number) as () => number)();',
          "console.log('%s', { [Symbol.toPrimitive]: thief });",
          'for (const args of stolen) {',
          '  try {',
          '    const HostObject = (Object.getPrototypeOf(Object.getPrototypeOf(args)) as { constructor: { is: unknown } }).constructor;',
          '    HostObject.is = () => true;',
          '  } catch {',
          '    // frozen, or of the user realm',
          '  }',
          '}',
          STUB,
        ].join('\n'),
      );
      assert.equal(r.counts.failed, 3, explain(r));
    });

    it('asymmetric matchers made by the solution are refused (expect.anything() would equal anything)', async () => {
      const r = await refused('export function add(a: number, b: number): number {\n  return expect.anything() as unknown as number;\n}\n');
      assert.match(r.summary, /^Not accepted: solution\.ts called expect\.anything/);
      const nested = await refused('export function add(a: number, b: number): number {\n  return (expect.not as unknown as { objectContaining(o: object): number }).objectContaining({});\n}\n');
      assert.match(nested.summary, /called expect\.not\.objectContaining/);
    });

    it('built-ins shared by the checker cannot be spied on or replaced, even for a while', async () => {
      const r = await refused(`try { jest.spyOn(performance, 'now').mockReturnValue(0); } catch (e) { console.log(String(e)); }\n${STUB}`);
      assert.match(r.output, /jest\.spyOn\(\) cannot replace a property of a built-in shared by the checker/);
      const own = await check(GOOD, "import { add } from './solution';\nit('spies on a module copy', () => { const fs = require('fs'); jest.spyOn(fs, 'existsSync').mockReturnValue(true); expect(fs.existsSync('/nope')).toBe(true); expect(add(1, 1)).toBe(2); });\n");
      assert.equal(own.verdict, 'passed', explain(own));
    });
  });

  describe('9. what the membrane must not get in the way of', () => {
    it('structuredClone gives a copy the code can change, made in its own realm, with the structured clone rules', async () => {
      const solution = [
        'export function add(a: number, b: number): number {',
        '  const src = { n: { a }, list: [b], when: new Date(0), m: new Map([["k", { v: 1 }]]), s: new Set([1]), re: /x/g, bytes: new Uint8Array([1, 2]) };',
        '  (src as Record<string, unknown>).self = src;',
        '  const c = structuredClone(src);',
        '  c.n.a = 100; c.list.push(7); c.m.get("k")!.v = 2; c.s.add(2); c.bytes[0] = 9;',
        '  if (src.n.a !== a || src.list.length !== 1 || src.m.get("k")!.v !== 1 || src.s.size !== 1 || src.bytes[0] !== 1) return -1;',
        '  if ((c as Record<string, unknown>).self !== c || !(c.when instanceof Date) || !(c.m instanceof Map) || !(c.re instanceof RegExp) || c.re.flags !== "g") return -2;',
        '  if (Object.getPrototypeOf(c) !== Object.prototype || !Array.isArray(c.list)) return -3;',
        '  try { structuredClone({ f: () => 1 }); return -4; } catch (e) { if ((e as Error).name !== "DataCloneError") return -5; }',
        '  const err = structuredClone(new RangeError("r"));',
        '  if (!(err instanceof RangeError) || err.message !== "r") return -6;',
        '  return src.n.a + c.list[0];',
        '}',
        '',
      ].join('\n');
      const r = await check(solution);
      assert.equal(r.verdict, 'passed', explain(r));
    });
  });
});
