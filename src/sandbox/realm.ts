// The realm one check's code runs in: a fresh vm context whose globals are per-check stand-ins (console, an
// allowlisted `process`, tracked timers, per-check copies of Node's built-in modules, `expect` and `jest`), every
// checker object handed over through the membrane (see membrane.ts), so that nothing user code can reach leads back
// to the checker's own process, result channel or matchers.
import { Console } from 'node:console';
import { EventEmitter } from 'node:events';
import { builtinModules, createRequire } from 'node:module';
import * as vm from 'node:vm';
import { expect as realExpect } from 'expect';
import { ModuleMocker } from 'jest-mock';
import { MARKER_VARIABLE } from '../core/runner/containment';
import type { CheckMessage } from '../core/runner/protocol';
import { formatBytes } from '../core/runner/verdict';
import type { Harness } from './harness';
import { Membrane, realmParts } from './membrane';

const hostRequire = createRequire(__filename);
const BUILTINS = new Set(builtinModules);

/** Node globals a test may expect besides the language built-ins every vm context has. */
const SHARED_GLOBALS = [
  'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'Event',
  'EventTarget', 'MessageChannel', 'MessagePort', 'MessageEvent', 'atob', 'btoa', 'performance',
  'Blob', 'queueMicrotask',
] as const;
/** Node loads these on first access (fetch pulls in undici): handed over only if user code touches them. */
export const LAZY_GLOBALS = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'crypto'] as const;

const CONSOLE_METHODS = [
  'log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'groupEnd',
  'time', 'timeEnd', 'timeLog', 'count', 'countReset', 'assert',
] as const;

/**
 * Built-in modules that reach the checker's own realm or process by design (vm runs code in it, module hands out
 * its require, inspector/v8/async_hooks expose its internals, worker_threads/cluster start more runtimes).
 */
const REFUSED_BUILTINS = new Set([
  'vm', 'module', 'inspector', 'inspector/promises', 'repl', 'v8', 'async_hooks', 'domain', 'trace_events',
  'worker_threads', 'cluster', 'wasi',
]);

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
export class OutputSink extends EventEmitter {
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
export class UserTimers {
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

/** What the realm needs from the rest of the check. */
export interface RealmHooks {
  harness: () => Harness;
  /** The sandbox must not run another check after this one. */
  markDirty(reason: string): void;
  /** The check must not count as a pass (and the sandbox is replaced). */
  refuse(reason: string): void;
  /** Throws (and refuses the check) when `what` is called from a file other than a test file. */
  requireTestFile(what: string): void;
  /** Runs a timer callback under the check's remaining time. */
  runTimer(fn: () => void): void;
}

export interface Realm {
  context: vm.Context;
  membrane: Membrane;
  sink: OutputSink;
  timers: UserTimers;
  /** The harness API and expect, as `@jest/globals` hands them out (an object of the user's realm). */
  jestGlobals: object;
  /** A built-in module by bare id, or undefined when it is not one. */
  builtin(id: string): unknown;
  newObject(): Record<string, unknown>;
  /** Restores spied-on methods; false if that failed. */
  restoreMocks(): boolean;
}

/** `timers/promises` of the user's realm, on top of the check's tracked timers. */
const timersPromisesScript = new vm.Script(
  `((setTimeout, setImmediate) => ({
    setTimeout: (ms, value) => new Promise((resolve) => setTimeout(resolve, ms, value)),
    setImmediate: (value) => new Promise((resolve) => setImmediate(resolve, value)),
    setInterval() { throw new Error('timers/promises setInterval is not available in a check'); },
    scheduler: { wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), yield: () => new Promise((resolve) => setImmediate(resolve)) },
  }))`,
  { filename: 'drills:timers' },
);
const globalThisScript = new vm.Script('globalThis');

/**
 * structuredClone, made inside the check's own realm: Node's would build the copy with the checker's constructors,
 * which user code may only see through the read-only membrane, so a copy could not be changed. This one follows the
 * structured clone rules for what drills use (primitives, plain objects and arrays, Date, RegExp, Map, Set, Error,
 * ArrayBuffer and typed arrays, boxed primitives; shared and circular references kept; other objects copied as plain
 * objects of their own enumerable properties) and throws a DataCloneError for functions and symbols, as Node does.
 */
const structuredCloneScript = new vm.Script(
  `(function () {
    const ERRORS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
    function dataCloneError(what) {
      const e = new Error(what + ' could not be cloned.');
      e.name = 'DataCloneError';
      return e;
    }
    return function structuredClone(value) {
      if (arguments.length === 0) throw new TypeError('The value argument must be specified');
      const seen = new Map();
      const copy = (v) => {
        if (typeof v === 'function') throw dataCloneError(String(v).slice(0, 60));
        if (typeof v === 'symbol') throw dataCloneError(String(v));
        if (typeof v !== 'object' || v === null) return v;
        if (seen.has(v)) return seen.get(v);
        const tag = Object.prototype.toString.call(v).slice(8, -1);
        let out;
        if (Array.isArray(v)) {
          out = new Array(v.length);
          seen.set(v, out);
          for (const k of Object.keys(v)) out[k] = copy(v[k]);
          return out;
        }
        switch (tag) {
          case 'Date': out = new Date(Date.prototype.getTime.call(v)); seen.set(v, out); return out;
          case 'RegExp': out = new RegExp(v.source, v.flags); seen.set(v, out); return out;
          case 'Boolean': case 'Number': case 'String': case 'BigInt': out = Object(v.valueOf()); seen.set(v, out); return out;
          case 'Map': out = new Map(); seen.set(v, out); for (const [k, x] of v) out.set(copy(k), copy(x)); return out;
          case 'Set': out = new Set(); seen.set(v, out); for (const x of v) out.add(copy(x)); return out;
          case 'ArrayBuffer': out = v.slice(0); seen.set(v, out); return out;
          case 'Error': {
            const Ctor = ERRORS[v.name] || Error;
            out = new Ctor(v.message);
            seen.set(v, out);
            if (typeof v.stack === 'string') out.stack = v.stack;
            if ('cause' in v) out.cause = copy(v.cause);
            return out;
          }
          default:
            if (ArrayBuffer.isView(v)) {
              const Ctor = globalThis[tag];
              if (typeof Ctor !== 'function') throw dataCloneError(tag);
              out = new Ctor(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
              seen.set(v, out);
              return out;
            }
            if (tag === 'WeakMap' || tag === 'WeakSet' || tag === 'Promise' || tag === 'WeakRef') throw dataCloneError('#<' + tag + '>');
            out = {};
            seen.set(v, out);
            for (const k of Object.keys(v)) out[k] = copy(v[k]);
            return out;
        }
      };
      return copy(value);
    };
  })()`,
  { filename: 'drills:structuredClone' },
);

export function createRealm(msg: CheckMessage, hooks: RealmHooks): Realm {
  const context = vm.createContext({}, { name: `check ${msg.id}` });
  const parts = realmParts(context);
  const membrane = new Membrane(parts, [globalThis, process]);
  const give = (v: unknown): unknown => membrane.exportValue(v);
  const userGlobal = globalThisScript.runInContext(context) as Record<string, unknown>;

  const sink = new OutputSink(msg.outputLimitBytes, () => {
    hooks.markDirty('output limit');
    hooks.harness().stop('output-limit');
  });

  // ---- timers: callbacks run under the check's remaining time; their errors fail the running test
  const timers = new UserTimers((fn) => hooks.runTimer(fn));
  const timerGlobals: Record<string, unknown> = {
    setTimeout: give(timers.setTimeout),
    setInterval: give(timers.setInterval),
    setImmediate: give(timers.setImmediate),
    clearTimeout: give(timers.clearTimeout),
    clearInterval: give(timers.clearTimeout),
    clearImmediate: give(timers.clearImmediate),
  };

  // ---- console and the standard streams, captured (custom inspect functions are never called: they would be
  // handed the checker's inspect options)
  const nodeConsole = new Console({
    stdout: sink as unknown as NodeJS.WritableStream,
    stderr: sink as unknown as NodeJS.WritableStream,
    colorMode: false,
    inspectOptions: { customInspect: false },
  });
  const checkOutput = () => {
    if (sink.truncated) throw new OutputLimitError(msg.outputLimitBytes);
  };
  const userConsole = parts.newObject();
  for (const method of CONSOLE_METHODS) {
    const impl = nodeConsole[method] as (...args: unknown[]) => void;
    userConsole[method] = give((...args: unknown[]) => {
      checkOutput();
      impl.apply(nodeConsole, method === 'dir' ? args.slice(0, 1) : args);
      checkOutput();
    });
  }
  userConsole.clear = give(() => undefined);
  const fakeStream = (fd: number) => {
    const stream = parts.newObject();
    const self = give(() => stream);
    Object.assign(stream, {
      fd,
      isTTY: false,
      columns: 80,
      rows: 24,
      writable: true,
      write: give((chunk: unknown, ...rest: unknown[]) => {
        checkOutput();
        sink.write(chunk);
        checkOutput();
        const cb = rest.find((r) => typeof r === 'function') as Callback | undefined;
        if (cb) process.nextTick(cb);
        return true;
      }),
      end: give(() => undefined),
      cork: give(() => undefined),
      uncork: give(() => undefined),
      hasColors: give(() => false),
      getColorDepth: give(() => 1),
      on: self,
      once: self,
      off: self,
      addListener: self,
      removeListener: self,
      removeAllListeners: self,
      emit: give(() => false),
    });
    return stream;
  };

  // ---- process: a plain object of the user's realm, with only what a test needs (nothing real behind it)
  const exit = (code?: unknown): never => {
    const error = new ProcessExitError(typeof code === 'number' || typeof code === 'string' ? code : undefined);
    hooks.harness().noteExit(error.code, error);
    throw error;
  };
  const userProcess = parts.newObject();
  const returnsProcess = give(() => userProcess);
  const env = parts.newObject();
  for (const [k, v] of Object.entries(process.env)) if (typeof v === 'string') env[k] = v;
  const versions = parts.newObject();
  Object.assign(versions, process.versions);
  const argv = parts.newArray();
  argv.push(process.execPath, msg.entry);
  Object.assign(userProcess, {
    title: 'node',
    version: process.version,
    versions,
    platform: process.platform,
    arch: process.arch,
    pid: process.pid,
    ppid: process.ppid,
    argv,
    execArgv: parts.newArray(),
    execPath: process.execPath,
    env,
    exitCode: undefined,
    release: give(process.release),
    config: parts.newObject(),
    features: parts.newObject(),
    exit: give(exit),
    reallyExit: give(exit),
    abort: give(() => exit('abort')),
    kill: give((pid: unknown, signal?: unknown) => {
      const n = Number(pid);
      if (n === process.pid || n === 0 || n === -process.pid || n === process.ppid || n === -1) {
        throw new Error('process.kill() of the checker or its host is not allowed in a check');
      }
      hooks.markDirty('process.kill');
      return process.kill(n, signal as NodeJS.Signals | number | undefined);
    }),
    cwd: give(() => process.cwd()),
    chdir: give((dir: string) => {
      hooks.markDirty('process.chdir');
      process.chdir(String(dir));
    }),
    umask: give(() => process.umask()),
    uptime: give(() => process.uptime()),
    hrtime: give(process.hrtime),
    cpuUsage: give((prev?: NodeJS.CpuUsage) => process.cpuUsage(prev)),
    memoryUsage: give(() => process.memoryUsage()),
    resourceUsage: give(() => process.resourceUsage()),
    nextTick: give((cb: unknown, ...args: unknown[]) => {
      const fn = callback(cb);
      process.nextTick(() => hooks.runTimer(() => fn(...args)));
    }),
    emitWarning: give((warning: unknown) => {
      sink.write(`Warning: ${warning instanceof Error ? warning.message : String(warning)}\n`);
    }),
    setUncaughtExceptionCaptureCallback: give(() => undefined),
    hasUncaughtExceptionCaptureCallback: give(() => false),
    stdout: fakeStream(1),
    stderr: fakeStream(2),
    // The IPC channel belongs to the checker: there is none here.
    send: undefined,
    channel: undefined,
    connected: false,
    disconnect: give(() => undefined),
    on: returnsProcess,
    once: returnsProcess,
    off: returnsProcess,
    addListener: returnsProcess,
    prependListener: returnsProcess,
    prependOnceListener: returnsProcess,
    removeListener: returnsProcess,
    removeAllListeners: returnsProcess,
    setMaxListeners: returnsProcess,
    emit: give(() => false),
    listeners: give(() => parts.newArray()),
    listenerCount: give(() => 0),
  });

  // ---- Node built-ins: per-check copies (so a reassigned export does not leak into the next check), handed over
  const timersModule = parts.newObject();
  Object.assign(timersModule, timerGlobals);
  const timersPromises = (timersPromisesScript.runInContext(context) as (a: unknown, b: unknown) => object)(timerGlobals.setTimeout, timerGlobals.setImmediate);

  const builtinCopies = new Map<string, unknown>();
  /** This check's own copies of built-in modules (spying on them is fine). */
  const ownCopies = new Set<object>();
  const ownCopy = <T extends object>(copy: T): T => {
    ownCopies.add(copy);
    return copy;
  };
  const builtin = (id: string): unknown => {
    if (!BUILTINS.has(id)) return undefined;
    if (REFUSED_BUILTINS.has(id)) {
      throw new Error(`The '${id}' module is not available in a check: it reaches into the checker's own process.`);
    }
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
        value = timersModule;
        break;
      case 'timers/promises':
        value = timersPromises;
        break;
      case 'child_process':
        value = give(ownCopy(guardedChildProcess(() => hooks.markDirty('a child process was started'))));
        break;
      case 'util':
        value = give(ownCopy(safeUtil()));
        break;
      default:
        value = give(ownCopy(copyModule(hostRequire(id) as object)));
    }
    builtinCopies.set(id, value);
    return value;
  };

  // ---- expect and jest
  const expectFn = function expect(actual: unknown): unknown {
    const expectation = realExpect(actual) as unknown as Record<string, unknown>;
    // `.resolves` / `.rejects` on a thenable of the user's realm: adopted by that realm's own Promise, so no
    // checker callback is ever handed to user code.
    if (!isPrimitiveValue(actual) && membrane.isUserValue(actual as object) && typeof safeThen(actual) === 'function') {
      const viaPromise = realExpect(membrane.adopt(actual)) as unknown as Record<string, unknown>;
      expectation.resolves = viaPromise.resolves;
      expectation.rejects = viaPromise.rejects;
    }
    return expectation;
  };
  // expect's statics. Those that make asymmetric matchers (expect.anything(), objectContaining, ...) belong to the
  // tests: returned by a solution, one would claim to equal whatever the test expects.
  const testOnly = (name: string, fn: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      hooks.requireTestFile(`expect.${name}`);
      return Reflect.apply(fn, this, args);
    };
  const anyFile = new Set(['getState', 'setState', 'assertions', 'hasAssertions', 'extractExpectedAssertionsErrors']);
  for (const key of Reflect.ownKeys(realExpect)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    const d = Reflect.getOwnPropertyDescriptor(realExpect, key);
    if (!d) continue;
    if (typeof key === 'string' && typeof d.value === 'function' && !anyFile.has(key)) {
      d.value = testOnly(key, d.value as (...a: unknown[]) => unknown);
    } else if (key === 'not' && typeof d.value === 'object' && d.value !== null) {
      const not: Record<string, unknown> = {};
      for (const [name, fn] of Object.entries(d.value as Record<string, unknown>)) {
        not[name] = typeof fn === 'function' ? testOnly(`not.${name}`, fn as (...a: unknown[]) => unknown) : fn;
      }
      d.value = not;
    }
    Reflect.defineProperty(expectFn, key, d);
  }
  // A matcher or tester of the user's realm, called by expect with `this` and the arguments handed over.
  const toHostFunction = (fn: unknown): unknown =>
    typeof fn === 'function'
      ? function (this: unknown, ...args: unknown[]) {
          return membrane.importResult(membrane.callUser(fn, this, args));
        }
      : fn;
  Object.assign(expectFn, {
    extend: (matchers: Record<string, unknown>) => {
      hooks.requireTestFile('expect.extend');
      hooks.markDirty('expect.extend');
      const wrapped: Record<string, unknown> = {};
      for (const [name, fn] of Object.entries(matchers ?? {})) wrapped[name] = toHostFunction(fn);
      realExpect.extend(wrapped as Parameters<typeof realExpect.extend>[0]);
    },
    addEqualityTesters: (testers: unknown[]) => {
      hooks.requireTestFile('expect.addEqualityTesters');
      hooks.markDirty('expect.addEqualityTesters');
      const list = Array.from(testers ?? [], (t) => toHostFunction(t));
      realExpect.addEqualityTesters(list as Parameters<typeof realExpect.addEqualityTesters>[0]);
    },
    addSnapshotSerializer: () => {
      throw new Error('expect.addSnapshotSerializer() is not available in Interview Drills checks.');
    },
  });

  const mocker = new ModuleMocker(userGlobal as typeof globalThis);
  const unsupported = (name: string) => () => {
    throw new Error(`jest.${name}() is not available in Interview Drills checks: pass fakes (a fake clock, file system, client) to the code instead.`);
  };
  /** A spied-on property now holds a mock of the checker's realm: hand it over. */
  const handOverProperty = (object: unknown, key: unknown) => {
    if (isPrimitiveValue(object) || !membrane.isUserValue(object as object)) return;
    const k = key as PropertyKey;
    const d = Reflect.getOwnPropertyDescriptor(object as object, k);
    if (!d) return;
    if ('value' in d) d.value = give(d.value);
    if (d.get) d.get = give(d.get) as () => unknown;
    if (d.set) d.set = give(d.set) as (v: unknown) => void;
    Reflect.defineProperty(object as object, k, d);
  };
  /** Objects of the checker shared by every check (Buffer, performance, ...): not to be replaced, even for a while. */
  const refuseShared = (object: unknown, what: string) => {
    if (isPrimitiveValue(object) || membrane.isUserValue(object as object) || ownCopies.has(object as object)) return;
    throw new TypeError(`${what}() cannot replace a property of a built-in shared by the checker: spy on objects of the test, or on a required module`);
  };
  const jestObject: Record<string, unknown> = {};
  Object.assign(jestObject, {
    fn: (implementation?: (...args: unknown[]) => unknown) => mocker.fn(implementation),
    spyOn: (object: unknown, key: unknown, accessType?: unknown) => {
      refuseShared(object, 'jest.spyOn');
      const spy = (mocker.spyOn as (...a: unknown[]) => unknown).call(mocker, object, key, ...(accessType === undefined ? [] : [accessType]));
      handOverProperty(object, key);
      return spy;
    },
    replaceProperty: (...args: unknown[]) => {
      refuseShared(args[0], 'jest.replaceProperty');
      return (mocker.replaceProperty as (...a: unknown[]) => unknown).apply(mocker, args);
    },
    isMockFunction: (fn: unknown) => mocker.isMockFunction(fn),
    mocked: (source: unknown) => source,
    clearAllMocks: () => (mocker.clearAllMocks(), jestObject),
    resetAllMocks: () => (mocker.resetAllMocks(), jestObject),
    restoreAllMocks: () => (mocker.restoreAllMocks(), jestObject),
    setTimeout: (ms: number) => (hooks.harness().setDefaultTimeout(ms), jestObject),
  });
  for (const name of [
    'useFakeTimers', 'useRealTimers', 'advanceTimersByTime', 'advanceTimersByTimeAsync', 'runAllTimers', 'runAllTimersAsync',
    'runOnlyPendingTimers', 'runAllTicks', 'setSystemTime', 'getRealSystemTime', 'now', 'clearAllTimers', 'getTimerCount',
    'mock', 'unmock', 'doMock', 'dontMock', 'requireActual', 'requireMock', 'resetModules', 'isolateModules', 'createMockFromModule',
  ]) {
    jestObject[name] = unsupported(name);
  }

  const harness = () => hooks.harness();
  const api = (pick: (h: Harness) => unknown) => give(pick(harness()));
  const jestGlobals = parts.newObject();
  Object.assign(jestGlobals, {
    describe: api((h) => h.describe),
    fdescribe: api((h) => h.fdescribe),
    xdescribe: api((h) => h.xdescribe),
    it: api((h) => h.it),
    test: api((h) => h.it),
    fit: api((h) => h.fit),
    xit: api((h) => h.xit),
    xtest: api((h) => h.xit),
    beforeAll: api((h) => h.beforeAll),
    afterAll: api((h) => h.afterAll),
    beforeEach: api((h) => h.beforeEach),
    afterEach: api((h) => h.afterEach),
    expect: give(expectFn),
    jest: give(jestObject),
  });
  Object.freeze(jestGlobals);

  // ---- the user's global object
  for (const name of SHARED_GLOBALS) {
    const value: unknown = (globalThis as Record<string, unknown>)[name];
    if (value !== undefined) userGlobal[name] = give(value);
  }
  for (const name of LAZY_GLOBALS) {
    Object.defineProperty(userGlobal, name, {
      configurable: true,
      enumerable: false,
      get: give(() => give((globalThis as Record<string, unknown>)[name])) as () => unknown,
      set: give((value: unknown) => Object.defineProperty(userGlobal, name, { value: give(value), writable: true, configurable: true })) as (v: unknown) => void,
    });
  }
  Object.assign(userGlobal, { global: userGlobal, console: userConsole, process: userProcess, ...timerGlobals });
  Object.defineProperty(userGlobal, 'structuredClone', {
    value: structuredCloneScript.runInContext(context) as unknown, writable: true, configurable: true, enumerable: false,
  });
  // The test API cannot be reassigned by the code under test (a solution must not be able to swap `expect`).
  for (const [name, value] of Object.entries(jestGlobals)) {
    Object.defineProperty(userGlobal, name, { value, writable: false, configurable: false, enumerable: true });
  }
  // Sources of work that would run after the check without passing through the checker: refused at the call, so
  // the check that used them is the one that fails.
  const notInCheck = (what: string) =>
    give(() => {
      throw new Error(`${what} is not available in a check: it would run after the check is over.`);
    });
  const atomics = userGlobal.Atomics as Record<string, unknown>;
  Object.defineProperty(atomics, 'waitAsync', { value: notInCheck('Atomics.waitAsync'), writable: false, configurable: false });
  Object.defineProperty(userGlobal, 'FinalizationRegistry', { value: notInCheck('FinalizationRegistry'), writable: false, configurable: false });
  delete userGlobal.WebAssembly;
  // Node formats a stack with the prepareStackTrace of the error's realm, handing it frames of the checker: fixed.
  const userError = userGlobal.Error as ErrorConstructor;
  userError.stackTraceLimit = 30;
  Object.defineProperty(userError, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
  Object.defineProperty(userGlobal, 'Error', { value: userError, writable: false, configurable: false, enumerable: false });

  return {
    context,
    membrane,
    sink,
    timers,
    jestGlobals,
    builtin,
    newObject: () => parts.newObject(),
    restoreMocks: () => {
      try {
        mocker.restoreAllMocks();
        return true;
      } catch {
        return false;
      }
    },
  };
}

function isPrimitiveValue(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

function safeThen(v: unknown): unknown {
  try {
    return (v as { then?: unknown }).then;
  } catch {
    return undefined;
  }
}

/** A copy of a module object (its own properties, getters included), so assignments to it stay in this check. */
function copyModule(mod: object): object {
  try {
    return Object.defineProperties({}, Object.getOwnPropertyDescriptors(mod));
  } catch {
    return { ...mod };
  }
}

/** util with custom inspect functions turned off: they would be handed the checker's own options and inspect. */
function safeUtil(): object {
  const util = hostRequire('util') as typeof import('node:util');
  const copy = copyModule(util) as Record<string, unknown>;
  const safeInspect = (value: unknown, options?: unknown) =>
    util.inspect(value, { ...(typeof options === 'object' && options !== null ? (options as object) : {}), customInspect: false });
  copy.inspect = Object.assign(safeInspect, { custom: util.inspect.custom, defaultOptions: { ...util.inspect.defaultOptions } });
  copy.format = (...args: unknown[]) => util.formatWithOptions({ customInspect: false }, ...args);
  copy.formatWithOptions = (options: unknown, ...args: unknown[]) =>
    util.formatWithOptions({ ...(typeof options === 'object' && options !== null ? (options as object) : {}), customInspect: false }, ...args);
  return copy;
}

/**
 * child_process for user code: every use marks the sandbox dirty (the host then ends the sandbox's process group and
 * every process that descends from it), and `detached` is forced off.
 */
function guardedChildProcess(onUse: () => void): object {
  const marker = process.env[MARKER_VARIABLE];
  const childProcess = hostRequire('child_process') as Record<string, unknown>;
  const copy = copyModule(childProcess) as Record<string, unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    const original = childProcess[name];
    if (typeof original !== 'function') continue;
    const wrapped = (...args: unknown[]) => {
      onUse();
      // Not detached, and whatever environment is given, the marker the host uses to find descendants stays in it.
      const safeArgs = args.map((a) => {
        if (typeof a !== 'object' || a === null || Array.isArray(a)) return a;
        const options: Record<string, unknown> = { ...(a as object), detached: false };
        if (typeof options.env === 'object' && options.env !== null && marker !== undefined) {
          options.env = { ...(options.env as object), [MARKER_VARIABLE]: marker };
        }
        return options;
      });
      return (original as (...a: unknown[]) => unknown).apply(childProcess, safeArgs);
    };
    Object.defineProperty(copy, name, { value: wrapped, writable: true, configurable: true, enumerable: true });
  }
  return copy;
}
