// One check inside the warm sandbox process: a fresh vm context (so reassigned globals never leak into the next
// check), the user's console / process / timers replaced by per-check stand-ins, the files loaded as modules, the
// tests run by the harness and streamed to the host, then everything the check started is cleared and the process
// is judged clean (reusable) or dirty (the host replaces it).
import { Console } from 'node:console';
import { EventEmitter } from 'node:events';
import { builtinModules, createRequire } from 'node:module';
import * as vm from 'node:vm';
import { expect as realExpect } from 'expect';
import { ModuleMocker } from 'jest-mock';
import type { CheckMessage, DoneEvent, SandboxOutcome, TestEvent } from '../core/runner/protocol';
import type { TestResult } from '../core/runner/types';
import { GuardTimeout, runGuarded } from './guard';
import { formatBytes, Harness, type ExpectState } from './harness';
import { CompileFailure, ModuleLoader } from './modules';

const hostRequire = createRequire(__filename);
const BUILTINS = new Set(builtinModules);

/** Node globals a test may expect besides the language built-ins every vm context has. */
const SHARED_GLOBALS = [
  'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'Event',
  'EventTarget', 'MessageChannel', 'MessagePort', 'MessageEvent', 'structuredClone', 'atob', 'btoa', 'performance',
  'Blob', 'queueMicrotask',
] as const;
/** Node loads these on first access (fetch pulls in undici): handed over only if user code touches them. */
const LAZY_GLOBALS = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'crypto'] as const;

const CONSOLE_METHODS = [
  'log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'groupEnd',
  'time', 'timeEnd', 'timeLog', 'count', 'countReset', 'assert',
] as const;

/** Thrown into user code once it has printed more than the output limit, so a printing loop stops at once. */
export class OutputLimitError extends Error {
  constructor(limit: number) {
    super(`Output limit reached: the code printed more than ${formatBytes(limit)}`);
    this.name = 'OutputLimitError';
  }
}

/** Thrown into user code by process.exit(): a check must never end by exiting (and never pass because of it). */
export class ProcessExitError extends Error {
  constructor(readonly code: number | string | undefined) {
    super(`process.exit(${code === undefined ? '' : String(code)}) was called: code under test must not end the process`);
    this.name = 'ProcessExitError';
  }
}

/** Captured output: kept up to the limit; the part not yet sent to the host is handed out by take(). */
class OutputSink extends EventEmitter {
  private pending = '';
  private bytes = 0;
  truncated = false;

  constructor(
    private readonly limit: number,
    private readonly onExceeded: () => void,
  ) {
    super();
  }

  write(chunk: unknown): boolean {
    if (this.truncated) return false;
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);
    const size = Buffer.byteLength(text);
    if (this.bytes + size <= this.limit) {
      this.pending += text;
      this.bytes += size;
      return true;
    }
    const room = this.limit - this.bytes;
    this.pending += Buffer.from(text.slice(0, room)).subarray(0, room).toString('utf8');
    this.bytes = this.limit;
    this.truncated = true;
    this.onExceeded();
    return false;
  }

  take(): string {
    const text = this.pending;
    this.pending = '';
    return text;
  }
}

type TimerHandle = ReturnType<typeof setTimeout>;
type ImmediateHandle = ReturnType<typeof setImmediate>;
type Callback = (...args: unknown[]) => unknown;

/** The user's timers: callbacks run guarded, errors fail the running test, and all are cleared after the check. */
class UserTimers {
  private readonly timeouts = new Set<TimerHandle>();
  private readonly immediates = new Set<ImmediateHandle>();

  constructor(private readonly run: (fn: () => void) => void) {}

  setTimeout = (cb: unknown, ms?: unknown, ...args: unknown[]): TimerHandle => {
    const fn = callback(cb);
    const handle: TimerHandle = setTimeout(() => {
      this.timeouts.delete(handle);
      this.run(() => fn(...args));
    }, toDelay(ms));
    this.timeouts.add(handle);
    return handle;
  };

  setInterval = (cb: unknown, ms?: unknown, ...args: unknown[]): TimerHandle => {
    const fn = callback(cb);
    const handle: TimerHandle = setInterval(() => this.run(() => fn(...args)), toDelay(ms));
    this.timeouts.add(handle);
    return handle;
  };

  setImmediate = (cb: unknown, ...args: unknown[]): ImmediateHandle => {
    const fn = callback(cb);
    const handle: ImmediateHandle = setImmediate(() => {
      this.immediates.delete(handle);
      this.run(() => fn(...args));
    });
    this.immediates.add(handle);
    return handle;
  };

  clearTimeout = (handle: unknown): void => {
    if (handle === undefined || handle === null) return;
    this.timeouts.delete(handle as TimerHandle);
    clearTimeout(handle as TimerHandle);
  };

  clearImmediate = (handle: unknown): void => {
    if (handle === undefined || handle === null) return;
    this.immediates.delete(handle as ImmediateHandle);
    clearImmediate(handle as ImmediateHandle);
  };

  clearAll(): void {
    for (const h of this.timeouts) clearTimeout(h);
    for (const h of this.immediates) clearImmediate(h);
    this.timeouts.clear();
    this.immediates.clear();
  }
}

function callback(cb: unknown): Callback {
  if (typeof cb !== 'function') throw new TypeError('The "callback" argument must be of type function');
  return cb as Callback;
}

function toDelay(ms: unknown): number {
  const n = Number(ms);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** What a check leaves for the sandbox's process-wide handlers while it runs. */
export interface ActiveCheck {
  noteUncaught(error: unknown): void;
}

export interface CheckSinks {
  send(event: TestEvent | DoneEvent): void;
  setActive(check: ActiveCheck | undefined): void;
}

export async function runCheck(msg: CheckMessage, sinks: CheckSinks): Promise<void> {
  const started = performance.now();
  const deadline = started + msg.timeoutMs;
  const dirty: string[] = [];
  const markDirty = (reason: string) => {
    if (!dirty.includes(reason)) dirty.push(reason);
  };
  const before = fingerprint();

  const sink = new OutputSink(msg.outputLimitBytes, () => {
    markDirty('output limit');
    harness.stop('output-limit');
  });

  const results: TestResult[] = [];
  const expectState: ExpectState = {
    reset(currentTestName) {
      realExpect.setState({
        assertionCalls: 0,
        expectedAssertionsNumber: null,
        expectedAssertionsNumberError: undefined,
        isExpectingAssertions: false,
        isExpectingAssertionsError: undefined,
        numPassingAsserts: 0,
        suppressedErrors: [],
        currentTestName,
        testPath: msg.entry,
      });
    },
    collectErrors() {
      const errors: unknown[] = realExpect.extractExpectedAssertionsErrors().map((e) => e.error);
      return [...errors, ...realExpect.getState().suppressedErrors];
    },
  };

  const context = vm.createContext({}, { name: `check ${msg.id}` });
  const userGlobal = vm.runInContext('globalThis', context) as typeof globalThis & Record<string, unknown>;
  let finished = false;

  const harness: Harness = new Harness({
    entry: msg.entry,
    files: {
      isUserFile: (file: string): boolean => loader.isUserFile(file),
      mapPosition: (file: string, line: number, column: number) => loader.mapPosition(file, line, column),
    },
    testTimeoutMs: msg.testTimeoutMs,
    deadline,
    checkTimeoutMs: msg.timeoutMs,
    outputLimitBytes: msg.outputLimitBytes,
    expectState,
    reportedElsewhere: (error) => error instanceof CompileFailure,
    report(result) {
      results.push(result);
      sinks.send({ type: 'test', id: msg.id, result, output: sink.take() });
    },
    setTimeout,
    clearTimeout,
  });

  // ---- timers: callbacks run under the check's remaining time; their errors fail the running test
  const userTimers = new UserTimers((fn) => {
    if (finished || harness.stopped) return;
    try {
      runGuarded(fn, deadline - performance.now());
    } catch (error) {
      if (error instanceof GuardTimeout) harness.stop('timeout');
      else if (!(error instanceof OutputLimitError)) harness.noteUncaught(error);
    }
  });

  // The tracked timers, both as globals and as the `timers` module (clearTimeout also clears intervals, as in Node).
  const timerGlobals = {
    setTimeout: userTimers.setTimeout,
    setInterval: userTimers.setInterval,
    setImmediate: userTimers.setImmediate,
    clearTimeout: userTimers.clearTimeout,
    clearInterval: userTimers.clearTimeout,
    clearImmediate: userTimers.clearImmediate,
  };

  // ---- console and the standard streams, captured
  const nodeConsole = new Console({ stdout: sink as unknown as NodeJS.WritableStream, stderr: sink as unknown as NodeJS.WritableStream, colorMode: false });
  const userConsole: Record<string, unknown> = {};
  for (const method of CONSOLE_METHODS) {
    const impl = nodeConsole[method] as (...args: unknown[]) => void;
    userConsole[method] = (...args: unknown[]) => {
      if (sink.truncated) throw new OutputLimitError(msg.outputLimitBytes);
      impl.apply(nodeConsole, args);
      if (sink.truncated) throw new OutputLimitError(msg.outputLimitBytes);
    };
  }
  userConsole.clear = () => undefined;
  const fakeStream = (fd: number) =>
    Object.assign(new EventEmitter(), {
      fd,
      isTTY: false,
      columns: 80,
      rows: 24,
      writable: true,
      write(chunk: unknown, ...rest: unknown[]) {
        if (sink.truncated) throw new OutputLimitError(msg.outputLimitBytes);
        sink.write(chunk);
        if (sink.truncated) throw new OutputLimitError(msg.outputLimitBytes);
        const cb = rest.find((r) => typeof r === 'function') as Callback | undefined;
        if (cb) process.nextTick(cb);
        return true;
      },
      end: () => undefined,
      cork: () => undefined,
      uncork: () => undefined,
      hasColors: () => false,
      getColorDepth: () => 1,
    });

  // ---- process: exit throws, listeners and env stay per check, streams are captured
  const exit = (code?: unknown): never => {
    const error = new ProcessExitError(typeof code === 'number' || typeof code === 'string' ? code : undefined);
    harness.noteExit(error.code, error);
    throw error;
  };
  const self = (): unknown => userProcess;
  const userProcess: NodeJS.Process = Object.create(process, {
    exit: { value: exit, writable: true, configurable: true },
    reallyExit: { value: exit, writable: true, configurable: true },
    abort: { value: () => exit('abort'), writable: true, configurable: true },
    exitCode: { value: undefined, writable: true, configurable: true },
    env: { value: { ...process.env }, writable: true, configurable: true, enumerable: true },
    stdout: { value: fakeStream(1), writable: true, configurable: true, enumerable: true },
    stderr: { value: fakeStream(2), writable: true, configurable: true, enumerable: true },
    chdir: {
      value: (dir: string) => {
        markDirty('process.chdir');
        process.chdir(dir);
      },
      writable: true,
      configurable: true,
    },
    setUncaughtExceptionCaptureCallback: { value: () => undefined, writable: true, configurable: true },
    // The IPC channel belongs to the checker: user code must not be able to post results of its own.
    send: { value: undefined, writable: true, configurable: true },
    disconnect: { value: () => undefined, writable: true, configurable: true },
    channel: { value: undefined, writable: true, configurable: true },
    connected: { value: false, writable: true, configurable: true },
    ...Object.fromEntries(
      ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener', 'removeAllListeners'].map((k) => [
        k,
        { value: self, writable: true, configurable: true },
      ]),
    ),
    emit: { value: () => false, writable: true, configurable: true },
    listeners: { value: () => [], writable: true, configurable: true },
    listenerCount: { value: () => 0, writable: true, configurable: true },
  }) as NodeJS.Process;

  // ---- Node built-ins: per-check copies, so a reassigned export does not leak into the next check
  const builtinCopies = new Map<string, unknown>();
  const builtin = (id: string): unknown => {
    if (!BUILTINS.has(id)) return undefined;
    const known = builtinCopies.get(id);
    if (known !== undefined) return known;
    let value: unknown;
    switch (id) {
      case 'process':
        value = userProcess;
        break;
      case 'console':
        value = userConsole;
        break;
      case 'timers':
        value = { ...copyModule(hostRequire('timers') as object), ...timerGlobals };
        break;
      case 'child_process':
        value = guardedChildProcess(() => markDirty('a child process was started'));
        break;
      case 'worker_threads':
      case 'cluster':
        markDirty(`${id} was used`);
        value = copyModule(hostRequire(id) as object);
        break;
      default:
        value = copyModule(hostRequire(id) as object);
    }
    builtinCopies.set(id, value);
    return value;
  };

  // ---- expect and jest
  const userExpect = Object.assign((actual: unknown) => realExpect(actual), realExpect, {
    not: { ...realExpect.not },
    extend: (matchers: Parameters<typeof realExpect.extend>[0]) => {
      markDirty('expect.extend');
      realExpect.extend(matchers);
    },
    addEqualityTesters: (testers: Parameters<typeof realExpect.addEqualityTesters>[0]) => {
      markDirty('expect.addEqualityTesters');
      realExpect.addEqualityTesters(testers);
    },
  });
  const mocker = new ModuleMocker(userGlobal);
  const unsupported = (name: string) => () => {
    throw new Error(`jest.${name}() is not available in Interview Drills checks: pass fakes (a fake clock, file system, client) to the code instead.`);
  };
  const jestObject: Record<string, unknown> = {
    fn: (implementation?: (...args: unknown[]) => unknown) => mocker.fn(implementation),
    spyOn: (...args: unknown[]) => (mocker.spyOn as (...a: unknown[]) => unknown).apply(mocker, args),
    replaceProperty: (...args: unknown[]) => (mocker.replaceProperty as (...a: unknown[]) => unknown).apply(mocker, args),
    isMockFunction: (fn: unknown) => mocker.isMockFunction(fn),
    mocked: (source: unknown) => source,
    clearAllMocks: () => (mocker.clearAllMocks(), jestObject),
    resetAllMocks: () => (mocker.resetAllMocks(), jestObject),
    restoreAllMocks: () => (mocker.restoreAllMocks(), jestObject),
    setTimeout: (ms: number) => (harness.setDefaultTimeout(ms), jestObject),
  };
  for (const name of [
    'useFakeTimers', 'useRealTimers', 'advanceTimersByTime', 'advanceTimersByTimeAsync', 'runAllTimers', 'runAllTimersAsync',
    'runOnlyPendingTimers', 'runAllTicks', 'setSystemTime', 'getRealSystemTime', 'now', 'clearAllTimers', 'getTimerCount',
    'mock', 'unmock', 'doMock', 'dontMock', 'requireActual', 'requireMock', 'resetModules', 'isolateModules', 'createMockFromModule',
  ]) {
    jestObject[name] = unsupported(name);
  }

  const jestGlobals: Readonly<Record<string, unknown>> = Object.freeze({
    describe: harness.describe,
    fdescribe: harness.fdescribe,
    xdescribe: harness.xdescribe,
    it: harness.it,
    test: harness.it,
    fit: harness.fit,
    xit: harness.xit,
    xtest: harness.xit,
    beforeAll: harness.beforeAll,
    afterAll: harness.afterAll,
    beforeEach: harness.beforeEach,
    afterEach: harness.afterEach,
    expect: userExpect,
    jest: jestObject,
  });

  // ---- the user's global object
  for (const name of SHARED_GLOBALS) {
    const value: unknown = (globalThis as Record<string, unknown>)[name];
    if (value !== undefined) (userGlobal as Record<string, unknown>)[name] = value;
  }
  for (const name of LAZY_GLOBALS) {
    Object.defineProperty(userGlobal, name, {
      configurable: true,
      enumerable: false,
      get: () => (globalThis as Record<string, unknown>)[name],
      set: (value: unknown) => Object.defineProperty(userGlobal, name, { value, writable: true, configurable: true }),
    });
  }
  Object.assign(userGlobal, {
    global: userGlobal,
    console: userConsole,
    process: userProcess,
    ...timerGlobals,
  });
  // The test API cannot be reassigned by the code under test (a solution must not be able to swap `expect`).
  for (const [name, value] of Object.entries(jestGlobals)) {
    Object.defineProperty(userGlobal, name, { value, writable: false, configurable: false, enumerable: true });
  }
  (userGlobal.Error as ErrorConstructor).stackTraceLimit = 30;

  const loader: ModuleLoader = new ModuleLoader(msg.files, msg.rootDir, {
    context,
    newObject: () => new (userGlobal.Object as ObjectConstructor)(),
    builtin,
    jestGlobals,
  });

  let outcome: SandboxOutcome = 'completed';
  sinks.setActive({ noteUncaught: (error) => harness.noteUncaught(error) });
  try {
    const compileErrors = loader.compileAll();
    if (compileErrors.length === 0) {
      await harness.run(() => loader.loadEntry(msg.entry));
    }
    if (harness.stopped) outcome = harness.stopped;
  } finally {
    finished = true;
    sinks.setActive(undefined);
    userTimers.clearAll();
    try {
      mocker.restoreAllMocks();
    } catch {
      markDirty('mocks could not be restored');
    }
  }
  if (outcome === 'timeout') markDirty('timeout');
  if (loader.compileErrors.length === 0 && results.length === 0 && !harness.stopped) {
    // Nothing ran and nothing failed: the host reports 'no-tests'.
  }
  const leftovers = leftoverResources();
  if (leftovers) markDirty(`left ${leftovers} running`);
  if (fingerprint() !== before) markDirty('built-in objects of the sandbox were modified');

  sinks.send({
    type: 'done',
    id: msg.id,
    outcome,
    compileErrors: loader.compileErrors,
    output: sink.take(),
    outputTruncated: sink.truncated,
    dirty: dirty.length > 0 ? dirty.join(', ') : undefined,
  });
}

/** A copy of a module object (its own properties, getters included), so assignments to it stay in this check. */
function copyModule(mod: object): object {
  try {
    return Object.defineProperties({}, Object.getOwnPropertyDescriptors(mod));
  } catch {
    return { ...mod };
  }
}

/**
 * child_process for user code: every use marks the sandbox dirty (its process group is killed after the check, so
 * nothing outlives it), and `detached` is forced off so no child can leave the group.
 */
function guardedChildProcess(onUse: () => void): object {
  const childProcess = hostRequire('child_process') as Record<string, unknown>;
  const copy = copyModule(childProcess) as Record<string, unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    const original = childProcess[name];
    if (typeof original !== 'function') continue;
    const wrapped = (...args: unknown[]) => {
      onUse();
      const safeArgs = args.map((a) =>
        typeof a === 'object' && a !== null && !Array.isArray(a) && 'detached' in a ? { ...(a as object), detached: false } : a,
      );
      return (original as (...a: unknown[]) => unknown).apply(childProcess, safeArgs);
    };
    Object.defineProperty(copy, name, { value: wrapped, writable: true, configurable: true, enumerable: true });
  }
  return copy;
}

// ---------------------------------------------------------------- cleanliness checks

const IGNORED_RESOURCES = new Set(['WriteWrap', 'ShutdownWrap']);
let baseline: Map<string, number> | undefined;

function countResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** Records what the idle sandbox has open (its IPC pipe, stdio), to spot what a check leaves behind. */
export function recordBaseline(): void {
  baseline = countResources();
}

function leftoverResources(): string | undefined {
  if (!baseline) return undefined;
  const extra: string[] = [];
  for (const [type, n] of countResources()) {
    if (IGNORED_RESOURCES.has(type)) continue;
    const more = n - (baseline.get(type) ?? 0);
    if (more > 0) extra.push(`${more} ${type}`);
  }
  return extra.length > 0 ? extra.join(', ') : undefined;
}

/** A cheap signature of the sandbox's own built-ins; a change means user code reached out of its context. */
function fingerprint(): string {
  const targets: object[] = [
    globalThis, Object.prototype, Function.prototype, Array.prototype, String.prototype, Promise.prototype,
    Object, Array, JSON, Math, Error, realExpect, process,
  ];
  return targets.map((t) => Reflect.ownKeys(t).length).join(',');
}
