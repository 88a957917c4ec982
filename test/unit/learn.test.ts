// "What this drill tests" in the core: the lock rule, which tests catch each kept mistake (worked out through the real
// sandboxes, TypeScript and Python, and pinned for a few mistakes read against their tests), the cache, the reference
// beside the scratch header, and the page's markdown.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { findTraps, learnAccess, learnMarkdown, referenceText, TrapCache, trapOf, type RunCheck, type TrapReport } from '../../src/core/learn';
import type { Drill } from '../../src/core/model';
import { loadPackFromDirSync } from '../../src/core/pack';
import { PythonRunner } from '../../src/core/python/runner';
import { buildResult, drillCheckRequest, SandboxRunner, SUITE_FAILURE_TITLE, type CheckResult, type TestResult } from '../../src/core/runner';
import { pythonScratchText, scratchText } from '../../src/core/scratch';
import { questionsDir, sandboxScript } from '../fixtures/runner/support';
import { harnessDir, pythonForTests } from './pythonSupport';

const bank = loadPackFromDirSync(questionsDir).drills;
const bankDrill = (id: string): Drill => {
  const d = bank.find((x) => x.id === id);
  assert.ok(d, `the bank has ${id}`);
  return d;
};

const test = (fullName: string, status: TestResult['status']): TestResult => ({ fullName, titlePath: fullName.split(' › '), status, durationMs: 1 });
const result = (tests: TestResult[], extra: Partial<Parameters<typeof buildResult>[0]> = {}): CheckResult =>
  buildResult({ ending: { kind: 'completed' }, entry: 'solution.test.ts', tests, compileErrors: [], output: '', outputTruncated: false, durationMs: 1, ...extra });

describe('what this drill tests: the lock rule', () => {
  const base = { title: 'Retry a flaky call', language: 'typescript' as const, answerRevealed: false };

  it('opens once the drill is solved in the language asked about, or its answer revealed', () => {
    assert.deepEqual(learnAccess({ ...base, status: { typescript: 'passed' } }), { open: true, via: 'solved' });
    assert.deepEqual(learnAccess({ ...base, status: { typescript: 'untried' }, answerRevealed: true }), { open: true, via: 'revealed' });
  });

  it('stays locked before, says why, and offers Reveal Answer', () => {
    const untried = learnAccess({ ...base, status: { typescript: 'untried' } });
    assert.equal(untried.open, false);
    assert.ok(!untried.open && untried.canReveal);
    assert.match(!untried.open ? untried.reason : '', /"Retry a flaky call" is not tried yet\. .*unlocks once a check passes, or when you reveal the answer/);
    const failed = learnAccess({ ...base, status: { typescript: 'failed' } });
    assert.match(!failed.open ? failed.reason : '', /is not solved yet\./);
  });

  it('counts a drill as solved only in the language it was checked in, and names the other', () => {
    const a = learnAccess({ ...base, language: 'python', status: { typescript: 'passed', python: 'failed' } });
    assert.ok(!a.open);
    assert.equal(a.solvedIn, 'typescript');
    assert.match(a.reason, /is not solved yet in Python \(you solved it in TypeScript\)/);
    assert.deepEqual(learnAccess({ ...base, language: 'python', status: { typescript: 'failed', python: 'passed' } }), { open: true, via: 'solved' });
  });

  it('stays locked during a mock interview, solved or revealed, in every phase, and offers no reveal then', () => {
    for (const interviewPhase of ['spoken', 'checklist', 'coding']) {
      const a = learnAccess({ ...base, status: { typescript: 'passed' }, answerRevealed: true, interviewPhase });
      assert.ok(!a.open, interviewPhase);
      assert.equal(a.canReveal, false);
      assert.match(a.reason, /A mock interview is running .*stay locked until it ends\. Finish it \(Interview Drills: Finish Mock Interview\)/);
    }
    const coding = learnAccess({ ...base, status: { typescript: 'passed' }, answerRevealed: false, interviewPhase: 'coding' });
    assert.match(!coding.open ? coding.reason : '', /\(coding phase\)/);
  });
});

describe('what this drill tests: reading a mistake\'s check', () => {
  it('lists the failed tests, once each, in the order they ran, and keeps failures outside the tests apart', () => {
    const r = result([test('a › one', 'passed'), test('a › two', 'failed'), test('b › three', 'failed'), test('Uncaught error outside of a test', 'failed'), test('a › two', 'failed')]);
    assert.deepEqual(trapOf('T', r, new Set(['a › one', 'a › two', 'b › three'])), { title: 'T', caughtBy: ['a › two', 'b › three'], also: ['Uncaught error outside of a test'] });
    // Without the reference's test names, only the suite's own failure is set apart.
    assert.deepEqual(trapOf('T', result([test(SUITE_FAILURE_TITLE, 'failed'), test('x', 'failed')])), { title: 'T', caughtBy: ['x'], also: [SUITE_FAILURE_TITLE] });
  });

  it('says how it was rejected when no test failed, and says so plainly when nothing catches it', () => {
    assert.match(trapOf('T', result([test('x', 'passed')])).other!, /^No test catches it/);
    const compile = trapOf('T', result([], { compileErrors: [{ file: 'solution.ts', line: 1, column: 1, message: 'Unexpected token' }] }));
    assert.deepEqual(compile, { title: 'T', caughtBy: [], other: 'It does not compile: Unexpected token.' });
    assert.match(trapOf('T', result([], { ending: { kind: 'timeout', timeoutMs: 5000 } })).other!, /time limit: it never finishes/);
    const suite = trapOf('T', result([test(SUITE_FAILURE_TITLE, 'failed')]), new Set(['x']));
    assert.deepEqual(suite.caughtBy, []);
    assert.match(suite.other!, /Test suite failed to run/);
  });

  it('works through the reference first, then each mistake in order; an unfinished check makes the report incomplete', async () => {
    const drill = { id: 'd', tests: 'T', solution: 'REF', mistakes: [{ title: 'M1', code: 'one' }, { title: 'M2', code: 'two' }] };
    const seen: string[] = [];
    const run = (verdicts: Record<string, CheckResult>): RunCheck => (req) => {
      const code = req.files['solution.ts']!;
      seen.push(code);
      return Promise.resolve(verdicts[code]!);
    };
    const ok = { REF: result([test('t1', 'passed'), test('t2', 'passed')]), one: result([test('t1', 'failed'), test('t2', 'passed')]), two: result([test('t1', 'passed'), test('t2', 'failed')]) };
    const report = await findTraps(drill, 'typescript', run(ok));
    assert.deepEqual(seen, ['REF', 'one', 'two']);
    assert.deepEqual(report, { drillId: 'd', language: 'typescript', complete: true, traps: [{ title: 'M1', caughtBy: ['t1'] }, { title: 'M2', caughtBy: ['t2'] }] });
    const crashed = await findTraps(drill, 'typescript', run({ ...ok, two: result([], { ending: { kind: 'crashed', reason: 'gone' } }) }));
    assert.equal(crashed.complete, false);
    // A reference that fails its own tests is said, and its failing tests never count as catching a mistake.
    const broken = await findTraps(drill, 'typescript', run({ ...ok, REF: result([test('t1', 'failed'), test('t2', 'passed')]) }));
    assert.match(broken.referenceProblem!, /reference solution does not pass its own tests/);
    assert.deepEqual(broken.traps[0], { title: 'M1', caughtBy: [], other: '1 of 2 tests passed (t1).' });
  });
});

describe('what this drill tests: the cache', () => {
  const drill = { id: 'd', tests: 'T', solution: 'REF', mistakes: [{ title: 'M1', code: 'one' }] };
  const counting = (verdict: 'completed' | 'crashed' = 'completed') => {
    const calls = { n: 0 };
    const run: RunCheck = () => {
      calls.n++;
      return Promise.resolve(result([test('t', calls.n === 1 ? 'passed' : 'failed')], { ending: verdict === 'crashed' ? { kind: 'crashed', reason: 'x' } : { kind: 'completed' } }));
    };
    return { calls, run };
  };

  it('works a drill out once per language: asking while it runs shares the run, asking later reads the cache', async () => {
    const cache = new TrapCache();
    const { calls, run } = counting();
    const [a, b] = await Promise.all([cache.get(drill, 'typescript', run), cache.get(drill, 'typescript', run)]);
    assert.equal(a, b);
    assert.equal(calls.n, 2, 'the reference and one mistake, once');
    assert.equal(await cache.get(drill, 'typescript', run), a);
    assert.equal(cache.peek(drill, 'typescript'), a);
    assert.equal(calls.n, 2);
  });

  it('works it out again when the drill\'s tests, reference or mistakes changed, and never keeps an incomplete report', async () => {
    const cache = new TrapCache();
    const { calls, run } = counting();
    await cache.get(drill, 'typescript', run);
    await cache.get({ ...drill, mistakes: [{ title: 'M1', code: 'changed' }] }, 'typescript', run);
    await cache.get({ ...drill, tests: 'T2' }, 'typescript', run);
    assert.equal(calls.n, 6);
    const crashing = counting('crashed');
    const fresh = new TrapCache();
    const report = await fresh.get(drill, 'typescript', crashing.run);
    assert.equal(report.complete, false);
    assert.equal(fresh.peek(drill, 'typescript'), undefined);
  });
});

describe('what this drill tests: the reference beside the scratch file', () => {
  const drill = bankDrill('retry-flaky-call');
  const pyDrill = bankDrill('guaranteed-cleanup');

  it('puts the reference under the scratch file\'s own header, so the diff shows only the code', () => {
    for (const header of ['short', 'full'] as const) {
      const scratch = scratchText(drill, { header });
      const ref = referenceText(drill.solution, scratch);
      const headerLines = scratch.split('\n').slice(0, scratch.split('\n').indexOf(' */') + 1);
      assert.deepEqual(ref.split('\n').slice(0, headerLines.length + 1), [...headerLines, '']);
      assert.ok(ref.endsWith(drill.solution.endsWith('\n') ? drill.solution : `${drill.solution}\n`));
      // The same header and the same blank line as the scratch file: its stub starts where the reference does.
      assert.equal(scratch.indexOf(drill.stub.split('\n')[0]!), ref.indexOf(drill.solution.split('\n')[0]!));
    }
    const py = pythonScratchText(pyDrill);
    const pyRef = referenceText(pyDrill.python!.solution, py);
    assert.ok(pyRef.startsWith(py.slice(0, py.indexOf('\n"""\n') + 5)), pyRef.slice(0, 200));
    assert.ok(pyRef.endsWith(pyDrill.python!.solution));
  });

  it('gives the reference alone when the scratch file has no header (or there is none)', () => {
    assert.equal(referenceText('export const a = 1;', 'export const a = 2;\n'), 'export const a = 1;\n');
    assert.equal(referenceText('x = 1\n', undefined), 'x = 1\n');
  });
});

describe('what this drill tests: the page', () => {
  const drill = bankDrill('retry-flaky-call');
  const page = { language: 'typescript' as const, status: 'passed' as const, scratchName: 'retry-flaky-call.ts' };

  it('lists every kept mistake while the traps are worked out, then each with the tests that catch it', () => {
    const pending = learnMarkdown(drill, page);
    assert.match(pending, /Running the 9 kept mistakes through the sandbox/);
    for (const m of drill.mistakes) assert.ok(pending.includes(m.title.replace(/([\\`*_[\]<>#|])/g, '\\$1')), m.title);
    const report: TrapReport = {
      drillId: drill.id, language: 'typescript', complete: true,
      traps: [{ title: 'Uses `||`', caughtBy: ['retry › waits `x`', 'retry › b'] }, { title: 'Hangs', caughtBy: [], other: 'The check\'s time limit: it never finishes.' }],
    };
    const md = learnMarkdown(drill, { ...page, traps: report });
    const html = new MarkdownIt().render(md);
    assert.match(html, /<strong>Uses <code>\|\|<\/code><\/strong>|<strong>Uses \\?`\|\|\\?`<\/strong>/);
    assert.match(html, /<code>retry › waits `x`<\/code>/);
    assert.match(html, /<code>retry › b<\/code>/);
    assert.match(html, /The check’?'?s time limit: it never finishes\./);
  });

  it('shows the model answer and its key points after the traps, as the description renders them', () => {
    const md = learnMarkdown(drill, page);
    const traps = md.indexOf('## The traps its tests catch');
    const answer = md.indexOf('## Model answer');
    const points = md.indexOf('## Key points');
    assert.ok(traps >= 0 && traps < answer && answer < points, md.slice(0, 400));
    for (const p of drill.keyPoints!) assert.ok(md.includes(p.trim().replace(/^(\d+)([.)])/, '$1\\$2')), p);
    assert.ok(md.includes(drill.answer.trim().split('\n')[0]!));
    assert.match(md, /reference solution \(left, read-only\) beside your `retry-flaky-call\.ts` \(right\)/);
  });

  it('says why the traps could not be worked out (no python3), still naming the mistakes', () => {
    const py = bankDrill('guaranteed-cleanup');
    const md = learnMarkdown(py, { language: 'python', status: 'passed', scratchName: 'guaranteed-cleanup.py', trapsProblem: 'No python3 was found.' });
    assert.match(md, /could not be worked out: No python3 was found\./);
    for (const m of py.python!.mistakes) assert.ok(md.includes(m.title.replace(/([\\`*_[\]<>#|])/g, '\\$1')), m.title);
    assert.match(md, /\*Beginner · .* · Python · solved\*/);
  });
});

// The shown list must be true: worked out through the real sandboxes, and held against tests read by hand.
describe('what this drill tests: the traps of real drills, through the real sandboxes', function () {
  this.timeout(120000);

  it('TypeScript: each mistake of retry-flaky-call is caught by exactly the tests that fail on it and pass on the reference', async () => {
    const drill = bankDrill('retry-flaky-call');
    const runner = new SandboxRunner({ sandboxScript });
    try {
      const report = await findTraps(drill, 'typescript', (r) => runner.check(r));
      assert.equal(report.complete, true);
      assert.equal(report.referenceProblem, undefined);
      assert.deepEqual(report.traps.map((t) => t.title), drill.mistakes.map((m) => m.title));
      const byTitle = new Map(report.traps.map((t) => [t.title, t.caughtBy]));
      // Read against solution.test.ts: the only test that awaits each sleep, the only Infinity check, and the tests
      // that count sleeps after the last attempt.
      assert.deepEqual(byTitle.get('Calls sleep() without awaiting it, so the next attempt starts at once'), ['retry › waits for each sleep to finish before the next attempt']);
      assert.deepEqual(byTitle.get('Accepts waitMs = Infinity (only NaN and negatives are rejected)'), ['retry › rejects waitMs = Infinity with a RangeError before calling fn']);
      assert.deepEqual(byTitle.get('Sleeps after the last failed attempt too'), [
        'retry › makes exactly `retries` attempts, sleeps only between them, then gives up with null',
        'retry › defaults to 3 attempts with 2000 ms between them',
        'retry › with retries = 1 makes a single attempt and never sleeps',
        'retry › uses the defaults when retries and waitMs are given as undefined',
      ]);
      // Every trap, checked again one by one: its list is the failing tests of its own check, each passing on the reference.
      const reference = await runner.check(drillCheckRequest(drill, drill.solution));
      const passing = new Set(reference.tests.filter((t) => t.status === 'passed').map((t) => t.fullName));
      for (const [i, m] of drill.mistakes.entries()) {
        const own = await runner.check(drillCheckRequest(drill, m.code));
        const failing = [...new Set(own.tests.filter((t) => t.status === 'failed').map((t) => t.fullName))];
        assert.ok(report.traps[i]!.caughtBy.length > 0, m.title);
        assert.deepEqual(report.traps[i]!.caughtBy, failing.filter((n) => passing.has(n)), m.title);
      }
    } finally {
      runner.dispose();
    }
  });

  it('TypeScript: a failure outside every test (an unawaited body) is kept apart from the tests that catch it', async () => {
    const drill = bankDrill('guaranteed-cleanup');
    const runner = new SandboxRunner({ sandboxScript });
    try {
      const report = await findTraps(drill, 'typescript', (r) => runner.check(r));
      const trap = report.traps.find((t) => t.title.startsWith('Does not await the body'));
      assert.deepEqual(trap, {
        title: 'Does not await the body: an async body is still running when close() is called',
        caughtBy: [
          'withResource › keeps the body\'s error when close() fails too, and reports the close error separately',
          'withResource › waits for a slow async close() on the failure path too, and reports its error before settling',
        ],
        also: ['Uncaught error outside of a test'],
      });
    } finally {
      runner.dispose();
    }
  });

  it('Python: the mistakes of the python: block, caught by the pytest tests that fail on them', async () => {
    const drill = bankDrill('guaranteed-cleanup');
    const runner = new PythonRunner({ python: pythonForTests(), harnessDir, timeoutMs: 10000 });
    try {
      const report = await findTraps(drill, 'python', (r) => runner.check(r));
      assert.equal(report.complete, true);
      assert.deepEqual(report.traps.map((t) => t.title), drill.python!.mistakes.map((m) => m.title));
      const byTitle = new Map(report.traps.map((t) => [t.title, t.caughtBy]));
      // Read against python/test_solution.py.
      assert.deepEqual(byTitle.get('__exit__ returns True, which swallows the body\'s exception'), ['test_held_releases_and_lets_the_body_error_through']);
      assert.deepEqual(byTitle.get('except Exception, so KeyboardInterrupt and SystemExit skip close()'), [
        'test_the_body_error_propagates_itself_after_one_close[KeyboardInterrupt]',
        'test_the_body_error_propagates_itself_after_one_close[SystemExit]',
      ]);
      assert.deepEqual(byTitle.get('close() inside the try, so a failing close is closed again by the except'), ['test_when_only_close_fails_the_close_error_propagates_after_one_close']);
      assert.ok(report.traps.every((t) => t.caughtBy.length > 0 && t.caughtBy.every((n) => n.startsWith('test_'))), JSON.stringify(report.traps, null, 1));
    } finally {
      runner.dispose();
    }
  });
});
