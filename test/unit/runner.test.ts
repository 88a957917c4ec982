// The checker's Jest compatibility and its host-side behaviour, through the real sandbox process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { drillCheckRequest, formatCheckReport, SandboxRunner, type CheckRequest, type CheckResult, type TestResult } from '../../src/core/runner';
import { buildResult } from '../../src/core/runner/verdict';
import { leftInGroup, sandboxScript } from '../fixtures/runner/support';

function statuses(r: CheckResult): Array<[string, TestResult['status']]> {
  return r.tests.map((t) => [t.fullName, t.status]);
}

function explain(r: CheckResult): string {
  return `${r.verdict}: ${r.summary}\n${r.tests.map((t) => `${t.status} ${t.fullName}\n${t.message ?? ''}`).join('\n')}\n${JSON.stringify(r.compileErrors)}`;
}

describe('SandboxRunner', function () {
  this.timeout(20000);
  let runner: SandboxRunner;

  before(() => {
    runner = new SandboxRunner({ sandboxScript, timeoutMs: 3000 });
  });
  after(() => runner.dispose());

  const run = (tests: string, files: Record<string, string> = {}, extra: Partial<CheckRequest> = {}) =>
    runner.check({ files: { ...files, 'solution.test.ts': tests }, entry: 'solution.test.ts', ...extra });

  describe('Jest-style tests', () => {
    it('runs describe / it / test with nested titles, globals or @jest/globals', async () => {
      const r = await run(
        [
          "import { describe as d, it as i, expect as e } from '@jest/globals';",
          "describe('outer', () => {",
          "  it('one', () => expect(1 + 1).toBe(2));",
          "  describe('inner', () => {",
          "    test('two', () => { expect([1, 2]).toEqual([1, 2]); });",
          '  });',
          '});',
          "d('imported', () => { i('three', () => { e('a').toMatch(/a/); }); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
      assert.deepEqual(statuses(r), [
        ['outer › one', 'passed'],
        ['outer › inner › two', 'passed'],
        ['imported › three', 'passed'],
      ]);
      assert.deepEqual(r.tests[1].titlePath, ['outer', 'inner', 'two']);
      assert.deepEqual(r.counts, { passed: 3, failed: 0, skipped: 0, total: 3 });
      assert.equal(r.summary, 'All 3 tests passed');
    });

    it("hands solutions node:util's parseArgs; its usage errors are the solution realm's TypeError with a code", async () => {
      const r = await run(
        [
          "import { parse } from './solution';",
          "it('parses', () => { expect(parse(['--env=prod', 'x'])).toEqual({ env: 'prod', positionals: ['x'] }); });",
          "it('reports a usage error', () => { expect(parse(['--nope'])).toEqual('true ERR_PARSE_ARGS_UNKNOWN_OPTION'); });",
          '',
        ].join('\n'),
        {
          'solution.ts': [
            "import { parseArgs } from 'node:util';",
            'export function parse(args: string[]): unknown {',
            "  try { const { values, positionals } = parseArgs({ args, options: { env: { type: 'string' } }, allowPositionals: true }); return { env: values.env, positionals }; }",
            "  catch (e) { return `${e instanceof TypeError} ${(e as { code?: string }).code}`; }",
            '}',
            '',
          ].join('\n'),
        },
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });

    it('keeps only the checked files\' frames in a toThrow message: none of the sandbox\'s own', async () => {
      const r = await run(
        [
          "import { parse } from './solution';",
          "it('wants a RangeError', () => { expect(() => parse('x')).toThrow(RangeError); });",
          '',
        ].join('\n'),
        { 'solution.ts': "export function parse(s: string): number {\n  throw new Error('Not implemented: ' + s);\n}\n" },
      );
      assert.equal(r.verdict, 'failed', explain(r));
      const message = r.tests[0]!.message ?? '';
      assert.match(message, /Received constructor: Error/);
      assert.match(message, /at parse \(solution\.ts:2:\d+\)/);
      assert.match(message, /solution\.test\.ts:2:\d+/);
      assert.doesNotMatch(message, /sandbox\.js|<anonymous>|drills-guard/);
    });

    it('resolves relative imports with or without the .ts extension, and nested folders', async () => {
      const r = await run(
        [
          "import { twoFer } from './two-fer';",
          "import { twoFer as again } from './two-fer.ts';",
          "import { shout } from './lib/util';",
          "import data from './data.json';",
          "it('imports', () => { expect(twoFer()).toBe(again()); expect(shout('x')).toBe('X!'); expect(data.n).toBe(1); });",
          '',
        ].join('\n'),
        {
          'two-fer.ts': "export const twoFer = (name = 'you'): string => `One for ${name}, one for me.`;\n",
          'lib/util.ts': "import { bang } from '../bang.js';\nexport const shout = (s: string): string => bang(s.toUpperCase());\n",
          'bang.ts': "export const bang = (s: string): string => s + '!';\n",
          'data.json': '{ "n": 1 }',
        },
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });

    it('reads imports missing from `files` from rootDir on disk (and reports their syntax errors)', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-runner-'));
      try {
        fs.writeFileSync(path.join(dir, 'helper.ts'), 'export const triple = (n: number): number => n * 3;\n');
        const r = await runner.check({
          files: { 'calc.test.ts': "import { triple } from './helper';\nit('triples', () => { expect(triple(2)).toBe(6); });\n" },
          entry: 'calc.test.ts',
          rootDir: dir,
        });
        assert.equal(r.verdict, 'passed', explain(r));
        fs.writeFileSync(path.join(dir, 'broken.ts'), 'export const f = (x: number => x;\n');
        const broken = await runner.check({
          files: { 'b.test.ts': "import { f } from './broken';\nit('f', () => { expect(f(1)).toBe(1); });\n" },
          entry: 'b.test.ts',
          rootDir: dir,
        });
        assert.equal(broken.verdict, 'compile-error', explain(broken));
        assert.deepEqual(broken.compileErrors, [{ file: 'broken.ts', line: 1, column: 29, message: 'Unexpected token, expected ","' }]);
        assert.deepEqual(broken.tests, []);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('lets tests require Node built-ins, with or without node:', async () => {
      const r = await run(
        "import * as path from 'node:path';\nimport { EventEmitter } from 'events';\nconst os = require('os');\n" +
          "it('built-ins', () => { expect(path.posix.join('a', 'b')).toBe('a/b'); expect(typeof os.platform()).toBe('string'); expect(new EventEmitter().listenerCount('x')).toBe(0); });\n" +
          "it('Node globals', () => { expect(typeof fetch).toBe('function'); expect(Buffer.from('hi').toString('hex')).toBe('6869'); expect(new URL('http://x/y').pathname).toBe('/y'); });\n" +
          "it('a replaceable fetch', () => { (globalThis as { fetch: unknown }).fetch = jest.fn(); expect(jest.isMockFunction(fetch)).toBe(true); });\n",
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });

    it('reports a missing module as a failed suite', async () => {
      const r = await run("import { nope } from './missing';\nit('x', () => { expect(nope).toBe(1); });\n");
      assert.equal(r.verdict, 'failed');
      assert.equal(r.tests[0].fullName, 'Test suite failed to run');
      assert.match(r.tests[0].message ?? '', /Cannot find module '\.\/missing' from 'solution\.test\.ts'/);
    });

    it('runs hooks in Jest order, scoped to their describe block', async () => {
      const r = await run(
        [
          "const log = (s: string) => console.log(s);",
          "beforeAll(() => log('beforeAll'));",
          "afterAll(() => log('afterAll'));",
          "beforeEach(() => log('beforeEach'));",
          "afterEach(() => log('afterEach'));",
          "it('top', () => log('top'));",
          "describe('block', () => {",
          "  beforeAll(() => log('block beforeAll'));",
          "  afterAll(() => log('block afterAll'));",
          "  beforeEach(async () => { await Promise.resolve(); log('block beforeEach'); });",
          "  afterEach(() => log('block afterEach'));",
          "  it('inner', () => log('inner'));",
          '});',
          "describe('skipped block', () => { beforeAll(() => log('never')); it.skip('s', () => {}); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
      assert.deepEqual(r.output.trim().split('\n'), [
        'beforeAll',
        'beforeEach', 'top', 'afterEach',
        'block beforeAll',
        'beforeEach', 'block beforeEach', 'inner', 'block afterEach', 'afterEach',
        'block afterAll',
        'afterAll',
      ]);
    });

    it('fails every test of a block whose beforeAll throws; a failing afterEach fails its test', async () => {
      const r = await run(
        [
          "describe('broken', () => {",
          "  beforeAll(() => { throw new Error('setup failed'); });",
          "  it('a', () => {});",
          "  it('b', () => {});",
          '});',
          "describe('teardown', () => {",
          "  afterEach(() => { throw new Error('teardown failed'); });",
          "  it('c', () => {});",
          '});',
          "it('d', () => {});",
          '',
        ].join('\n'),
      );
      assert.deepEqual(statuses(r), [
        ['broken › a', 'failed'],
        ['broken › b', 'failed'],
        ['teardown › c', 'failed'],
        ['d', 'passed'],
      ]);
      assert.match(r.tests[0].message ?? '', /setup failed/);
      assert.match(r.tests[2].message ?? '', /teardown failed/);
      assert.equal(r.summary, '1 of 4 tests passed');
    });

    it('supports .skip, .only and .todo (todo and skipped tests count as skipped)', async () => {
      const r = await run(
        [
          "it('not focused', () => { throw new Error('must not run'); });",
          "it.only('focused', () => {});",
          "describe.only('focused block', () => { it('runs', () => {}); it.skip('skipped', () => {}); });",
          "test.todo('write me');",
          "xit('x-skipped', () => {});",
          "describe.skip('skipped block', () => { it('inside', () => {}); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
      assert.deepEqual(statuses(r), [
        ['not focused', 'skipped'],
        ['focused', 'passed'],
        ['focused block › runs', 'passed'],
        ['focused block › skipped', 'skipped'],
        ['write me', 'skipped'],
        ['x-skipped', 'skipped'],
        ['skipped block › inside', 'skipped'],
      ]);
      assert.equal(r.tests[4].message, 'todo');
      assert.equal(r.summary, 'All 2 tests passed, 5 skipped');
    });

    it('formats .each titles from array tables with printf placeholders', async () => {
      const r = await run(
        [
          "it.each([[1, 2, 3], [2.5, 2, 4.5]])('add(%d, %i) = %s #%#', (a, b, sum) => { expect(Number(a) + Number(b)).toBeCloseTo(Number(sum)); });",
          "it.each([['x', { k: [1] }, { j: 1 }, [2], 'unused']])('%s %p %j %o 100%%', (s, o) => { expect(s).toBe('x'); expect(o).toEqual({ k: [1] }); });",
          "test.each(['solo', 'duo'])('bare %s', (word) => { expect(typeof word).toBe('string'); });",
          "describe.each([[1], [2]])('block %i', (n) => { it('is positive', () => { expect(n).toBeGreaterThan(0); }); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
      assert.deepEqual(
        r.tests.map((t) => t.fullName),
        [
          'add(1, 2) = 3 #0',
          'add(2.5, 2) = 4.5 #1',
          'x {"k": [Array]} {"j":1} [ 2, [length]: 1 ] 100%',
          'bare solo',
          'bare duo',
          'block 1 › is positive',
          'block 2 › is positive',
        ],
      );
    });

    it('formats .each titles from object tables ($key, $key.path, $#) and tagged templates', async () => {
      const r = await run(
        [
          "it.each([{ a: 1, b: { c: 'deep' } }, { a: 2, b: { c: 'er' } }])('$# a=$a c=$b.c', ({ a, b }) => { expect(a).toBeGreaterThan(0); expect(typeof b.c).toBe('string'); });",
          'it.each`',
          '  a    | b    | sum',
          '  ${1} | ${2} | ${3}',
          "  ${'x'} | ${'y'} | ${'xy'}",
          "`('$a + $b = $sum', ({ a, b, sum }) => { expect(a + b).toBe(sum); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
      assert.deepEqual(
        r.tests.map((t) => t.fullName),
        ['0 a=1 c=deep', '1 a=2 c=er', '1 + 2 = 3', 'x + y = xy'],
      );
    });

    it('awaits async tests, .resolves / .rejects, and done callbacks', async () => {
      const r = await run(
        [
          "it('async', async () => { const v = await new Promise((r) => setTimeout(() => r(5), 5)); expect(v).toBe(5); });",
          "it('resolves', async () => { await expect(Promise.resolve(1)).resolves.toBe(1); });",
          "it('rejects', () => expect(Promise.reject(new Error('no'))).rejects.toThrow('no'));",
          "it('done', (done) => { setTimeout(() => done(), 5); });",
          "it('done with an error', (done) => { setTimeout(() => done(new Error('via done')), 5); });",
          "it('bad resolves', async () => { await expect(Promise.resolve(1)).resolves.toBe(2); });",
          '',
        ].join('\n'),
      );
      assert.deepEqual(r.tests.map((t) => t.status), ['passed', 'passed', 'passed', 'passed', 'failed', 'failed']);
      assert.match(r.tests[4].message ?? '', /via done/);
      assert.match(r.tests[5].message ?? '', /resolves/);
    });

    it('enforces expect.assertions and expect.hasAssertions', async () => {
      const r = await run(
        [
          "it('too few', async () => { expect.assertions(2); expect(1).toBe(1); });",
          "it('none', () => { expect.hasAssertions(); });",
          "it('enough', () => { expect.assertions(1); expect(1).toBe(1); });",
          '',
        ].join('\n'),
      );
      assert.deepEqual(r.tests.map((t) => t.status), ['failed', 'failed', 'passed']);
      assert.match(r.tests[0].message ?? '', /Expected two assertions to be called but received one assertion call/);
      assert.match(r.tests[1].message ?? '', /Expected at least one assertion to be called/);
    });

    it('gives Jest messages without colours, expected/actual, and the location in the user file', async () => {
      const r = await run(
        [
          "import { parse } from './solution';",
          "it('equal', () => {",
          "  expect(parse('a=1')).toEqual({ a: 2 });",
          '});',
          "it('throws in the solution', () => {",
          "  parse('');",
          '});',
          '',
        ].join('\n'),
        {
          'solution.ts': [
            'export function parse(text: string): Record<string, number> {',
            "  if (text === '') throw new TypeError('empty input');",
            "  const [k, v] = text.split('=');",
            '  return { [k]: Number(v) };',
            '}',
            '',
          ].join('\n'),
        },
      );
      assert.equal(r.verdict, 'failed');
      const [equal, thrown] = r.tests;
      assert.ok(!(equal.message ?? '').includes('\u001b'), 'no ANSI codes');
      assert.match(equal.message ?? '', /^expect\(received\)\.toEqual\(expected\)/);
      assert.equal(equal.expected, 'Object {\n  "a": 2,\n}');
      assert.equal(equal.actual, 'Object {\n  "a": 1,\n}');
      assert.deepEqual(equal.location, { file: 'solution.test.ts', line: 3, column: 24 });
      assert.match(thrown.message ?? '', /^TypeError: empty input\n {4}at parse \(solution\.ts:2:26\)/);
      assert.deepEqual(thrown.location, { file: 'solution.ts', line: 2, column: 26 });
    });

    it('provides jest.fn, jest.spyOn and mock matchers', async () => {
      const r = await run(
        [
          "it('mocks', () => {",
          '  const fn = jest.fn((n: number) => n * 2);',
          '  expect(fn(2)).toBe(4);',
          '  expect(fn).toHaveBeenCalledWith(2);',
          "  const target = { greet: (n: string) => `hi ${n}` };",
          "  const spy = jest.spyOn(target, 'greet').mockReturnValue('mocked');",
          "  expect(target.greet('x')).toBe('mocked');",
          '  expect(spy).toHaveBeenCalledTimes(1);',
          '  spy.mockRestore();',
          "  expect(target.greet('x')).toBe('hi x');",
          '});',
          "it('fake timers are refused with a clear message', () => { expect(() => jest.useFakeTimers()).toThrow(/not available/); });",
          '',
        ].join('\n'),
      );
      assert.equal(r.verdict, 'passed', explain(r));
    });

    it('honours a per-test timeout argument and jest.setTimeout', async () => {
      const r = await run(
        [
          "it('slow', () => new Promise((r) => setTimeout(r, 400)), 100);",
          'jest.setTimeout(50);',
          "it('slower', () => new Promise((r) => setTimeout(r, 400)));",
          "it('quick', () => {});",
          '',
        ].join('\n'),
      );
      assert.deepEqual(r.tests.map((t) => t.status), ['failed', 'failed', 'passed']);
      assert.match(r.tests[0].message ?? '', /Exceeded timeout of 100 ms/);
      assert.match(r.tests[1].message ?? '', /Exceeded timeout of 50 ms/);
    });

    it('captures console output and process.stdout writes', async () => {
      const r = await run("it('prints', () => { console.log('a', 1, { b: 2 }); console.error('err'); process.stdout.write('raw\\n'); });\n");
      assert.equal(r.output, "a 1 { b: 2 }\nerr\nraw\n");
      assert.equal(r.outputTruncated, false);
    });

    it('reports no-tests for an empty file and for a file whose tests are all skipped', async () => {
      const empty = await run('export {};\n');
      assert.equal(empty.verdict, 'no-tests');
      assert.equal(empty.summary, 'No tests found in solution.test.ts');
      const skipped = await run("it.skip('a', () => {});\n");
      assert.equal(skipped.verdict, 'no-tests');
      assert.equal(skipped.summary, 'No tests ran (1 skipped)');
    });

    it('reports a syntax error inside an arrow function at its real position, TypeScript accepted elsewhere', async () => {
      const r = await run("it('x', () => {\n  expect(1).toBe(1)\n);\n", { 'solution.ts': 'export type T = { a: number };\nexport const v = <T>{ a: 1 };\n' });
      assert.equal(r.verdict, 'compile-error');
      assert.equal(r.compileErrors.length, 1);
      assert.equal(r.compileErrors[0].file, 'solution.test.ts');
      assert.deepEqual(r.compileErrors[0], { file: 'solution.test.ts', line: 3, column: 1, message: 'Unexpected token' });
      assert.equal(r.summary, 'Syntax error in solution.test.ts:3:1: Unexpected token');
    });

    it('reports errors V8 finds after the transform (a duplicate declaration) as compile errors', async () => {
      const r = await run("it('x', () => {});\n", { 'solution.ts': 'export const a = 1;\nlet b = 1;\nlet b = 2;\n' });
      assert.equal(r.verdict, 'compile-error');
      assert.deepEqual(r.compileErrors.map((e) => [e.file, e.line]), [['solution.ts', 3]]);
      assert.match(r.compileErrors[0].message, /already been declared/);
    });
  });

  describe('isolation between checks', () => {
    it('does not leak globals, built-in module changes or spies into the next check', async () => {
      const first = await run(
        [
          "import * as path from 'path';",
          "it('pollutes', () => {",
          '  (globalThis as Record<string, unknown>).leak = 1;',
          "  (path as { join: unknown }).join = () => 'hijacked';",
          "  jest.spyOn(console, 'log').mockImplementation(() => undefined);",
          "  (Array.prototype as unknown as Record<string, unknown>).extra = 1;",
          '});',
          '',
        ].join('\n'),
      );
      assert.equal(first.verdict, 'passed', explain(first));
      const second = await run(
        [
          "import * as path from 'path';",
          "it('is clean', () => {",
          '  expect((globalThis as Record<string, unknown>).leak).toBeUndefined();',
          "  expect(path.join('a', 'b')).toBe(['a', 'b'].join(path.sep));",
          "  expect((Array.prototype as unknown as Record<string, unknown>).extra).toBeUndefined();",
          "  console.log('visible');",
          '});',
          '',
        ].join('\n'),
      );
      assert.equal(second.verdict, 'passed', explain(second));
      assert.equal(second.output, 'visible\n');
    });

    it('replaces the sandbox after expect.extend, so custom matchers do not carry over', async () => {
      const first = await run(
        "expect.extend({ toBeEven(n: number) { return { pass: n % 2 === 0, message: () => `${n} is odd` }; } });\n" +
          "it('uses it', () => { (expect(4) as unknown as { toBeEven(): void }).toBeEven(); });\n",
      );
      assert.equal(first.verdict, 'passed', explain(first));
      const used = runner.lastSandboxPid;
      const second = await run("it('has no custom matcher', () => { expect((expect(4) as unknown as Record<string, unknown>).toBeEven).toBeUndefined(); });\n");
      assert.equal(second.verdict, 'passed', explain(second));
      assert.notEqual(runner.lastSandboxPid, used);
    });

    it('reuses the warm sandbox after a clean check', async () => {
      await run("it('a', () => {});\n");
      const first = runner.lastSandboxPid;
      await run("it('b', () => { expect(1).toBe(2); });\n");
      assert.equal(runner.lastSandboxPid, first);
    });
  });

  describe('queueing, cancellation and failure to start', () => {
    it('queues concurrent checks and answers each with its own result', async () => {
      const results = await Promise.all([
        run("it('one', () => {});\n"),
        run("it('two', () => { expect(1).toBe(2); });\n"),
        run("it('three', async () => { await new Promise((r) => setTimeout(r, 20)); });\n"),
      ]);
      assert.deepEqual(results.map((r) => [r.verdict, r.tests[0]?.fullName]), [
        ['passed', 'one'],
        ['failed', 'two'],
        ['passed', 'three'],
      ]);
    });

    it('answers a check cancelled while queued at once, and skips it', async () => {
      const controller = new AbortController();
      const slow = run("it('slow', () => new Promise((r) => setTimeout(r, 300)));\n");
      const queued = run("it('never runs', () => {});\n", {}, { signal: controller.signal });
      controller.abort();
      const cancelled = await queued;
      assert.equal(cancelled.verdict, 'cancelled');
      assert.equal(cancelled.tests.length, 0);
      assert.equal((await slow).verdict, 'passed');
    });

    it('returns cancelled for an already aborted signal', async () => {
      const r = await run("it('x', () => {});\n", {}, { signal: AbortSignal.abort() });
      assert.equal(r.verdict, 'cancelled');
    });

    it('never rejects when the sandbox script cannot start: crashed, with the reason', async () => {
      const broken = new SandboxRunner({ sandboxScript: path.join(os.tmpdir(), 'no-such-sandbox.js') });
      try {
        const r = await broken.check(drillCheckRequest({ tests: "it('x', () => {});\n" }, 'export {};\n'));
        assert.equal(r.verdict, 'crashed');
        assert.match(r.summary, /^The sandbox could not start/);
      } finally {
        broken.dispose();
      }
    });

    it('dispose while the sandbox is still starting: cancelled, and no process is left', async () => {
      const starting = new SandboxRunner({ sandboxScript });
      const pid = starting.sandboxPid;
      assert.ok(pid);
      const pending = starting.check({ files: { 'a.test.ts': "it('x', () => {});\n" }, entry: 'a.test.ts' });
      await new Promise((r) => setTimeout(r, 50));
      starting.dispose();
      assert.equal((await pending).verdict, 'cancelled');
      assert.deepEqual(await leftInGroup(pid), []);
      assert.equal(starting.sandboxPid, undefined);
    });

    it('answers checks after dispose with cancelled', async () => {
      const disposable = new SandboxRunner({ sandboxScript });
      const inflight = disposable.check({ files: { 'a.test.ts': "it('slow', () => new Promise((r) => setTimeout(r, 2000)));\n" }, entry: 'a.test.ts' });
      await new Promise((r) => setTimeout(r, 400));
      disposable.dispose();
      assert.equal((await inflight).verdict, 'cancelled');
      assert.equal((await disposable.check({ files: { 'a.test.ts': '' }, entry: 'a.test.ts' })).verdict, 'cancelled');
    });
  });
});

describe('drillCheckRequest', () => {
  it('puts the code in solution.ts beside the drill tests', () => {
    assert.deepEqual(drillCheckRequest({ tests: 'T' }, 'C'), { files: { 'solution.ts': 'C', 'solution.test.ts': 'T' }, entry: 'solution.test.ts' });
  });
});

describe('verdicts and reports', () => {
  const base = { entry: 'solution.test.ts', compileErrors: [], output: '', outputTruncated: false, durationMs: 12.4 };
  const passed: TestResult = { fullName: 'a', titlePath: ['a'], status: 'passed', durationMs: 1 };
  const failed: TestResult = {
    fullName: 'g › b',
    titlePath: ['g', 'b'],
    status: 'failed',
    durationMs: 2,
    message: 'expect(received).toBe(expected)\n\nExpected: 2\nReceived: 1',
    location: { file: 'solution.test.ts', line: 4, column: 13 },
  };

  it('summarises each ending', () => {
    const summary = (ending: Parameters<typeof buildResult>[0]['ending'], tests: TestResult[] = [passed, failed]) => {
      const r = buildResult({ ...base, ending, tests });
      return [r.verdict, r.summary];
    };
    assert.deepEqual(summary({ kind: 'completed' }), ['failed', '1 of 2 tests passed']);
    assert.deepEqual(summary({ kind: 'completed' }, [passed]), ['passed', 'All 1 test passed']);
    assert.deepEqual(summary({ kind: 'timeout', timeoutMs: 5000 }), ['timeout', 'Timed out after 5 s (an endless loop?) (1 of 2 tests passed before that)']);
    assert.deepEqual(summary({ kind: 'timeout', timeoutMs: 1500 }, []), ['timeout', 'Timed out after 1.5 s (an endless loop?)']);
    assert.deepEqual(summary({ kind: 'out-of-memory', memoryMb: 256 }, []), ['out-of-memory', 'Ran out of memory (the limit is 256 MB)']);
    assert.deepEqual(summary({ kind: 'output-limit', limitBytes: 1048576 }, []), ['output-limit', 'Stopped after printing more than 1 MiB of output']);
    assert.deepEqual(summary({ kind: 'crashed', reason: 'The sandbox process ended unexpectedly (exit code 3)' }, []), ['crashed', 'The sandbox process ended unexpectedly (exit code 3)']);
    assert.deepEqual(summary({ kind: 'cancelled' }, []), ['cancelled', 'Cancelled']);
    const suite: TestResult = { fullName: 'Test suite failed to run', titlePath: ['Test suite failed to run'], status: 'failed', durationMs: 0, message: "Error: Cannot find module './x'\n    at a.ts:1:1" };
    assert.deepEqual(summary({ kind: 'completed' }, [suite]), ['failed', "Test suite failed to run: Error: Cannot find module './x'"]);
    const r = buildResult({ ...base, ending: { kind: 'completed' }, tests: [passed] });
    assert.equal(r.durationMs, 12);
  });

  it('renders one line per test, failures indented with their location, then the summary', () => {
    const r = buildResult({ ...base, ending: { kind: 'completed' }, tests: [passed, failed], output: 'hello\n' });
    assert.equal(
      formatCheckReport(r, { displayFile: (f) => (f === 'solution.test.ts' ? 'tests.ts' : f) }),
      [
        '✓ a (1 ms)',
        '✗ g › b (2 ms)',
        '    expect(received).toBe(expected)',
        '',
        '    Expected: 2',
        '    Received: 1',
        '    at tests.ts:4:13',
        '',
        '',
        'Output:',
        '  hello',
        '',
        '1 of 2 tests passed',
      ].join('\n'),
    );
  });
});
