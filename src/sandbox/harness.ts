// A small Jest-compatible test harness: describe / it / test with .skip / .only / .each / .todo, scoped
// beforeAll / afterAll / beforeEach / afterEach, done callbacks, async tests with a per-test timeout, and results
// streamed one test at a time.
//
// The run is a generator that only yields when user code hands back a promise. The driver advances it inside one
// guarded (vm timeout) call per synchronous stretch, so a check whose tests are synchronous pays for one watchdog,
// and an endless synchronous loop anywhere (module body, describe body, hook, test) is cut off at the check's
// deadline with the results so far intact.
import { SUITE_FAILURE_TITLE } from '../core/runner/protocol';
import { formatBytes, formatSeconds } from '../core/runner/verdict';
import type { SourceLocation, TestResult } from '../core/runner/types';
import { expandEach } from './each';
import { describeThrown, safeGet, userFrames, type Frame, type UserFiles } from './errors';
import { GuardTimeout, runGuarded } from './guard';

export type UserFn = (...args: unknown[]) => unknown;
type Mode = 'skip' | 'only' | 'todo' | undefined;
type HookKind = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach';

interface Hook {
  kind: HookKind;
  fn: UserFn;
  timeoutMs?: number;
}

interface Block {
  kind: 'block';
  title: string;
  parent?: Block;
  children: Array<Block | TestCase>;
  hooks: Record<HookKind, Hook[]>;
  mode: Mode;
}

interface TestCase {
  kind: 'test';
  title: string;
  parent: Block;
  fn?: UserFn;
  args: unknown[];
  mode: Mode;
  timeoutMs?: number;
  /** Captured where the test was declared; formatted only if a failure has no frame of its own (it is costly). */
  site: { stack?: string };
}

/** What the generator waits for: a promise returned by user code. */
interface Wait {
  promise: PromiseLike<unknown>;
  timeoutMs: number;
}

type WaitOutcome =
  | { kind: 'resolved' }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'timeout'; ms: number }
  | { kind: 'interrupted' };

type Failure =
  | { kind: 'error'; error: unknown; assertion?: boolean }
  | { kind: 'timeout'; ms: number; what: string }
  | { kind: 'message'; message: string };

type Run = Generator<Wait, void, WaitOutcome>;
type Invoke = Generator<Wait, Failure | undefined, WaitOutcome>;

type EachFactory<R> = (table: unknown, ...values: unknown[]) => R;

export interface DescribeFn {
  (title: unknown, fn: unknown): void;
  each: EachFactory<(title: unknown, fn: unknown) => void>;
}

export interface DescribeApi extends DescribeFn {
  skip: DescribeFn;
  only: DescribeFn;
}

export interface TestFn {
  (title: unknown, fn?: unknown, timeout?: unknown): void;
  each: EachFactory<(title: unknown, fn: unknown, timeout?: unknown) => void>;
  todo: (title: unknown, ...rest: unknown[]) => void;
}

export interface TestApi extends TestFn {
  skip: TestFn;
  only: TestFn;
  concurrent: TestFn & { skip: TestFn; only: TestFn };
}

export type StopReason = 'timeout' | 'output-limit';

/** The assertion-count bookkeeping of `expect` (expect.assertions / hasAssertions), reset around each test. */
export interface ExpectState {
  reset(currentTestName: string): void;
  /** Errors for unmet expect.assertions(n) / expect.hasAssertions() and suppressed errors of the last test. */
  collectErrors(): unknown[];
}

export interface HarnessOptions {
  entry: string;
  files: UserFiles;
  testTimeoutMs: number;
  /** performance.now() value at which the whole check is out of time. */
  deadline: number;
  checkTimeoutMs: number;
  outputLimitBytes: number;
  expectState: ExpectState;
  /** Errors already reported another way (a syntax error is a CompileError): not repeated as a failed suite. */
  reportedElsewhere(error: unknown): boolean;
  report(result: TestResult): void;
  /** Calls a function of the user's realm, handing its arguments over (see membrane.ts). */
  callUser(fn: UserFn, args: unknown[]): unknown;
  /** Waits for a value returned by user code without handing it a checker function. */
  settle(value: unknown, onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void): void;
  /** A value thrown by user code, as checker code reads it. */
  toHost(error: unknown): unknown;
  /** Throws when `what` (a test, hook, .only, .skip) is declared from a file other than a test file. */
  mayDeclare(what: string): void;
  /** Timers of the harness itself (the user's timers are wrapped and cleared separately). */
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
}

interface Running {
  test: TestCase;
  started: number;
  uncaught: unknown[];
  exitCode?: number | string;
  exitError?: unknown;
  reported: boolean;
}

const SEP = ' › ';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof safeGet(value, 'then') === 'function';
}

/** A title longer than this is cut (a 30 MB title must not become 60 MB of messages). */
export const MAX_TITLE = 1024;
/** A check runs at most this many tests (each is a message to the host). */
export const MAX_TESTS = 5000;

function capTitle(title: string): string {
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE)}… (${title.length - MAX_TITLE} more characters)`;
}

function titleOf(title: unknown): string {
  if (typeof title === 'function') {
    const name = safeGet(title, 'name');
    return typeof name === 'string' && name !== '' ? capTitle(name) : '<anonymous>';
  }
  try {
    return capTitle(String(title));
  } catch {
    return '<untitled>';
  }
}

export class Harness {
  private readonly root: Block = newBlock('', undefined, undefined);
  private block: Block = this.root;
  private collecting = true;
  private hasOnly = false;
  private declared = 0;
  private running?: Running;
  private wake?: (outcome: WaitOutcome) => void;
  private readonly fileFailures: Array<{ titlePath: string[]; failure: Failure }> = [];
  private defaultTimeoutMs: number;
  stopped?: StopReason;

  constructor(private readonly o: HarnessOptions) {
    this.defaultTimeoutMs = o.testTimeoutMs;
  }

  // ---------------------------------------------------------------- the API user code sees

  readonly describe: DescribeApi = Object.assign(this.describeVariant(undefined), {
    skip: this.describeVariant('skip'),
    only: this.describeVariant('only'),
  });
  readonly fdescribe: DescribeFn = this.describeVariant('only');
  readonly xdescribe: DescribeFn = this.describeVariant('skip');
  readonly it: TestApi = this.testApi();
  readonly fit: TestFn = this.testVariant('only');
  readonly xit: TestFn = this.testVariant('skip');
  readonly beforeAll = this.makeHook('beforeAll');
  readonly afterAll = this.makeHook('afterAll');
  readonly beforeEach = this.makeHook('beforeEach');
  readonly afterEach = this.makeHook('afterEach');

  /** jest.setTimeout: the default timeout of the tests and hooks that follow. */
  setDefaultTimeout(ms: number): void {
    if (typeof ms === 'number' && ms > 0) this.defaultTimeoutMs = ms;
  }

  private describeVariant(mode: Mode): DescribeFn {
    const register = (title: unknown, fn: unknown, args: unknown[] = []) => this.registerBlock(mode, title, fn, args);
    const each = (table: unknown, ...values: unknown[]) => (title: unknown, fn: unknown) => {
      for (const c of expandEach(titleOf(title), table, values)) register(c.title, fn, c.args);
    };
    return Object.assign((title: unknown, fn: unknown) => register(title, fn), { each });
  }

  private testVariant(mode: Mode): TestFn {
    const register = (title: unknown, fn: unknown, timeout: unknown, args: unknown[] = []) =>
      this.registerTest(mode, title, fn, timeout, args);
    const each = (table: unknown, ...values: unknown[]) => (title: unknown, fn: unknown, timeout?: unknown) => {
      for (const c of expandEach(titleOf(title), table, values)) register(c.title, fn, timeout, c.args);
    };
    const todo = (title: unknown, ...rest: unknown[]) => {
      if (rest.length > 0) throw new Error('test.todo must be called with only a description.');
      this.registerTest('todo', title, undefined, undefined, []);
    };
    return Object.assign((title: unknown, fn?: unknown, timeout?: unknown) => register(title, fn, timeout), { each, todo });
  }

  private testApi(): TestApi {
    const skip = this.testVariant('skip');
    const only = this.testVariant('only');
    // test.concurrent runs like test here: a check runs one test at a time.
    const concurrent = Object.assign(this.testVariant(undefined), { skip, only });
    return Object.assign(this.testVariant(undefined), { skip, only, concurrent });
  }

  private makeHook(kind: HookKind) {
    return (fn: unknown, timeout?: unknown) => {
      this.o.mayDeclare(kind);
      this.assertCollecting(`${kind} hook`);
      if (typeof fn !== 'function') throw new Error(`Invalid first argument to ${kind}: it must be a function; received ${typeof fn}.`);
      this.block.hooks[kind].push({ kind, fn: fn as UserFn, timeoutMs: typeof timeout === 'number' ? timeout : undefined });
    };
  }

  private assertCollecting(what: string): void {
    if (this.collecting) return;
    if (this.running) {
      throw new Error(`A ${what} cannot be declared inside a test ("${this.fullTitle(this.running.test).join(SEP)}").`);
    }
    throw new Error(`A ${what} was declared after the tests started running: declare tests synchronously, at the top level or in describe callbacks.`);
  }

  private registerBlock(mode: Mode, title: unknown, fn: unknown, args: unknown[]): void {
    this.o.mayDeclare(mode ? `describe.${mode}` : 'describe');
    this.assertCollecting('describe block');
    if (typeof fn !== 'function') throw new Error(`describe "${titleOf(title)}": the second argument must be a function.`);
    const block = newBlock(titleOf(title), this.block, mode);
    if (mode === 'only') this.hasOnly = true;
    this.block.children.push(block);
    const outer = this.block;
    this.block = block;
    try {
      const returned: unknown = this.o.callUser(fn as UserFn, args);
      if (isThenable(returned)) {
        throw new Error(`describe "${block.title}" returned a promise: describe callbacks must be synchronous (put async work in tests or hooks).`);
      }
    } finally {
      this.block = outer;
    }
  }

  private registerTest(mode: Mode, title: unknown, fn: unknown, timeout: unknown, args: unknown[]): void {
    this.o.mayDeclare(mode ? `test.${mode}` : 'test');
    this.assertCollecting('test');
    if (++this.declared > MAX_TESTS) {
      throw new Error(`Too many tests: a check runs at most ${MAX_TESTS} tests, and this file declares more.`);
    }
    const name = titleOf(title);
    if (mode !== 'todo' && typeof fn !== 'function') {
      throw new Error(`test "${name}": missing second argument; it must be the test function.`);
    }
    if (timeout !== undefined && typeof timeout !== 'number') {
      throw new Error(`test "${name}": the third argument (timeout) must be a number of milliseconds.`);
    }
    if (mode === 'only') this.hasOnly = true;
    this.block.children.push({
      kind: 'test',
      title: name,
      parent: this.block,
      fn: mode === 'todo' ? undefined : (fn as UserFn),
      args,
      mode,
      timeoutMs: timeout,
      site: captureSite(),
    });
  }

  // ---------------------------------------------------------------- events from the rest of the sandbox

  private addFileFailure(titlePath: string[], failure: Failure, atStart = false): void {
    if (failure.kind === 'error' && this.fileFailures.some((f) => f.failure.kind === 'error' && f.failure.error === failure.error)) return;
    if (atStart) this.fileFailures.unshift({ titlePath, failure });
    else this.fileFailures.push({ titlePath, failure });
  }

  /** An error thrown by a user timer or an unhandled rejection: it fails the running test, else the file. */
  noteUncaught(error: unknown): void {
    if (this.running) {
      this.running.uncaught.push(error);
      this.wake?.({ kind: 'rejected', error });
    } else if (!this.stopped) {
      this.addFileFailure(['Uncaught error outside of a test'], { kind: 'error', error });
    }
  }

  /** process.exit() from user code: it throws in the caller, and the test (or file) fails even if that is caught. */
  noteExit(code: number | string | undefined, error: unknown): void {
    if (this.running) {
      this.running.exitCode ??= code ?? 0;
      this.running.exitError ??= error;
    } else {
      this.addFileFailure([SUITE_FAILURE_TITLE], { kind: 'error', error });
    }
  }

  stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.wake?.({ kind: 'interrupted' });
  }

  // ---------------------------------------------------------------- running

  /** Loads the test file (`load` collects the tests) and runs them; resolves when done or stopped. */
  async run(load: () => void): Promise<void> {
    const gen = this.runAll(load);
    let input: WaitOutcome | undefined;
    for (;;) {
      const remaining = this.o.deadline - performance.now();
      if (remaining <= 0) {
        this.stop('timeout');
        break;
      }
      let step: IteratorResult<Wait, void>;
      try {
        const resumeWith = input;
        step = runGuarded(() => (resumeWith === undefined ? gen.next() : gen.next(resumeWith)), remaining);
      } catch (error) {
        if (error instanceof GuardTimeout) {
          this.stop('timeout');
        } else {
          // A fault of the harness itself: say so rather than hide it.
          this.addFileFailure(['Internal error of the checker'], { kind: 'error', error });
        }
        break;
      }
      if (step.done || this.stopped) break;
      input = await this.wait(step.value);
      if (this.stopped) break;
    }
    if (!this.stopped) {
      // Let late errors (an unhandled rejection, a throwing timer) surface before the file is judged.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (this.running && !this.running.reported) this.finishRunning(this.stopFailure());
    this.collecting = false;
    for (const { titlePath, failure } of this.fileFailures) {
      this.o.report(this.result(titlePath, 'failed', 0, failure, undefined));
    }
  }

  private wait(w: Wait): Promise<WaitOutcome> {
    return new Promise<WaitOutcome>((resolve) => {
      const remaining = this.o.deadline - performance.now();
      const byDeadline = w.timeoutMs >= remaining;
      const ms = Math.max(0, Math.min(w.timeoutMs, remaining));
      let settled = false;
      const finish = (outcome: WaitOutcome) => {
        if (settled) return;
        settled = true;
        this.o.clearTimeout(timer);
        this.wake = undefined;
        resolve(outcome);
      };
      const timer = this.o.setTimeout(() => {
        if (byDeadline) {
          this.stop('timeout');
          finish({ kind: 'interrupted' });
        } else {
          finish({ kind: 'timeout', ms: w.timeoutMs });
        }
      }, ms);
      this.wake = finish;
      try {
        this.o.settle(
          w.promise,
          () => finish({ kind: 'resolved' }),
          (error: unknown) => finish({ kind: 'rejected', error: this.o.toHost(error) }),
        );
      } catch (error) {
        finish({ kind: 'rejected', error: this.o.toHost(error) });
      }
    });
  }

  private *runAll(load: () => void): Run {
    try {
      load();
    } catch (thrown) {
      const error = this.o.toHost(thrown);
      this.collecting = false;
      if (!this.o.reportedElsewhere(error)) this.addFileFailure([SUITE_FAILURE_TITLE], { kind: 'error', error }, true);
      return;
    }
    this.collecting = false;
    if (this.stopped) return;
    yield* this.runBlock(this.root);
  }

  private *runBlock(block: Block): Run {
    if (!this.hasRunnable(block)) {
      this.skipAll(block);
      return;
    }
    let failure: Failure | undefined;
    for (const hook of block.hooks.beforeAll) {
      failure = yield* this.invoke(hook.fn, [], hook.timeoutMs ?? this.defaultTimeoutMs, 'beforeAll hook');
      if (this.stopped) return;
      if (failure) break;
    }
    for (const child of block.children) {
      if (this.stopped) return;
      if (failure) this.failAll(child, failure);
      else if (child.kind === 'block') yield* this.runBlock(child);
      else yield* this.runTest(child);
    }
    for (const hook of block.hooks.afterAll) {
      if (this.stopped) return;
      const f = yield* this.invoke(hook.fn, [], hook.timeoutMs ?? this.defaultTimeoutMs, 'afterAll hook');
      if (f && !this.stopped) this.addFileFailure([...this.blockTitles(block), 'afterAll hook'], f);
    }
  }

  private *runTest(test: TestCase): Run {
    if (!this.isRunnable(test)) {
      this.o.report(this.result(this.fullTitle(test), 'skipped', 0, undefined, test));
      return;
    }
    const running: Running = { test, started: performance.now(), uncaught: [], reported: false };
    this.running = running;
    this.o.expectState.reset(this.fullTitle(test).join(' '));
    const timeout = test.timeoutMs ?? this.defaultTimeoutMs;
    const chain: Block[] = [];
    for (let b: Block | undefined = test.parent; b; b = b.parent) chain.unshift(b);

    let failure: Failure | undefined;
    for (const block of chain) {
      for (const hook of block.hooks.beforeEach) {
        if (failure || this.stopped) break;
        failure = yield* this.invoke(hook.fn, [], hook.timeoutMs ?? this.defaultTimeoutMs, 'beforeEach hook');
      }
    }
    if (!failure && !this.stopped && test.fn) {
      failure = yield* this.invoke(test.fn, test.args, timeout, 'test');
    }
    for (const block of [...chain].reverse()) {
      for (const hook of block.hooks.afterEach) {
        if (this.stopped) break;
        const f = yield* this.invoke(hook.fn, [], hook.timeoutMs ?? this.defaultTimeoutMs, 'afterEach hook');
        failure ??= f;
      }
    }
    if (this.stopped) {
      this.finishRunning(this.stopFailure());
      return;
    }
    if (!failure) {
      const assertionErrors = this.o.expectState.collectErrors();
      if (assertionErrors.length > 0) failure = { kind: 'error', error: assertionErrors[0], assertion: true };
    }
    if (running.uncaught.length > 0) failure ??= { kind: 'error', error: running.uncaught[0] };
    if (running.exitCode !== undefined) failure ??= { kind: 'error', error: running.exitError };
    this.finishRunning(failure);
  }

  /** Calls a test or hook function; a returned promise (or a `done` callback) is awaited with a timeout. */
  private *invoke(fn: UserFn, args: unknown[], timeoutMs: number, what: string): Invoke {
    const takesDone = fn.length > args.length;
    if (takesDone) {
      let settle: (error?: unknown) => void = () => undefined;
      const called = new Promise<void>((resolve, reject) => {
        settle = (error?: unknown) => (error ? reject(error) : resolve());
      });
      const done = (reason?: unknown) => settle(reason);
      let returned: unknown;
      try {
        returned = this.o.callUser(fn, [...args, done]);
      } catch (error) {
        return { kind: 'error', error: this.o.toHost(error) };
      }
      if (isThenable(returned)) {
        return {
          kind: 'message',
          message: 'A test function cannot both take a "done" callback and return a promise: use one or the other.',
        };
      }
      return this.toFailure(yield { promise: called, timeoutMs }, what);
    }
    let returned: unknown;
    try {
      returned = this.o.callUser(fn, args);
    } catch (error) {
      return { kind: 'error', error: this.o.toHost(error) };
    }
    if (!isThenable(returned)) return undefined;
    return this.toFailure(yield { promise: returned, timeoutMs }, what);
  }

  private toFailure(outcome: WaitOutcome, what: string): Failure | undefined {
    switch (outcome.kind) {
      case 'resolved':
      case 'interrupted':
        return undefined;
      case 'rejected':
        return { kind: 'error', error: outcome.error };
      case 'timeout':
        return { kind: 'timeout', ms: outcome.ms, what };
    }
  }

  private stopFailure(): Failure {
    if (this.stopped === 'output-limit') {
      return { kind: 'message', message: `Stopped: the code printed more than ${formatBytes(this.o.outputLimitBytes)} of output.` };
    }
    return {
      kind: 'message',
      message: `Timed out after ${formatSeconds(this.o.checkTimeoutMs)} while this test was running (an endless loop?).`,
    };
  }

  private finishRunning(failure: Failure | undefined): void {
    const running = this.running;
    if (!running || running.reported) return;
    running.reported = true;
    this.running = undefined;
    const duration = performance.now() - running.started;
    this.o.report(this.result(this.fullTitle(running.test), failure ? 'failed' : 'passed', duration, failure, running.test));
  }

  private result(titlePath: string[], status: TestResult['status'], durationMs: number, failure: Failure | undefined, test: TestCase | undefined): TestResult {
    const result: TestResult = { fullName: titlePath.join(SEP), titlePath, status, durationMs: Math.round(durationMs * 100) / 100 };
    if (test?.mode === 'todo') result.message = 'todo';
    if (!failure) return result;
    let frames: Frame[] = [];
    switch (failure.kind) {
      case 'error': {
        const d = describeThrown(failure.error, this.o.files, failure.assertion);
        result.message = cap(d.message);
        if (d.expected !== undefined) result.expected = cap(d.expected);
        if (d.actual !== undefined) result.actual = cap(d.actual);
        frames = d.frames;
        break;
      }
      case 'timeout':
        result.message =
          `Exceeded timeout of ${failure.ms} ms for a ${failure.what}: a promise that never settles, ` +
          'or a done callback that is never called?';
        break;
      case 'message':
        result.message = failure.message;
        break;
    }
    const location = pickLocation(frames, this.o.entry) ?? (test ? userFrames(test.site.stack ?? '', this.o.files)[0] : undefined);
    if (location) result.location = { file: location.file, line: location.line, column: location.column };
    return result;
  }

  private fullTitle(test: TestCase): string[] {
    return [...this.blockTitles(test.parent), test.title];
  }

  private blockTitles(block: Block): string[] {
    const titles: string[] = [];
    for (let b: Block | undefined = block; b && b !== this.root; b = b.parent) titles.unshift(b.title);
    return titles;
  }

  private isRunnable(test: TestCase): boolean {
    if (test.mode === 'skip' || test.mode === 'todo') return false;
    let only = test.mode === 'only';
    for (let b: Block | undefined = test.parent; b; b = b.parent) {
      if (b.mode === 'skip') return false;
      if (b.mode === 'only') only = true;
    }
    return !this.hasOnly || only;
  }

  private hasRunnable(block: Block): boolean {
    return block.children.some((c) => (c.kind === 'block' ? this.hasRunnable(c) : this.isRunnable(c)));
  }

  private skipAll(node: Block | TestCase): void {
    if (node.kind === 'test') {
      this.o.report(this.result(this.fullTitle(node), 'skipped', 0, undefined, node));
    } else {
      for (const child of node.children) this.skipAll(child);
    }
  }

  private failAll(node: Block | TestCase, failure: Failure): void {
    if (node.kind === 'block') {
      for (const child of node.children) this.failAll(child, failure);
    } else if (this.isRunnable(node)) {
      this.o.report(this.result(this.fullTitle(node), 'failed', 0, failure, node));
    } else {
      this.o.report(this.result(this.fullTitle(node), 'skipped', 0, undefined, node));
    }
  }
}

/** A diff of two huge values must not flood the host: messages and printed values are capped. */
const MAX_TEXT = 64 * 1024;

function cap(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}\n… (${text.length - MAX_TEXT} more characters)`;
}

/** Captures the current stack without formatting it: V8 builds the `stack` string on first read. */
function captureSite(): { stack?: string } {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder);
  return holder;
}

function newBlock(title: string, parent: Block | undefined, mode: Mode): Block {
  return { kind: 'block', title, parent, children: [], hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] }, mode };
}

/** The deepest frame in a file other than the test file (the user's code), else the deepest in the test file. */
function pickLocation(frames: Frame[], entry: string): SourceLocation | undefined {
  return frames.find((f) => f.file !== entry) ?? frames[0];
}
