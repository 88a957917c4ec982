// One check inside the warm sandbox process, from start to end: build the check's realm (realm.ts), compile and load
// the files (modules.ts), run the tests (harness.ts) and stream each result to the host, then revoke the realm,
// clear what the check started and judge whether the check stands (nothing of the checker was tampered with, only
// test files declared tests) and whether the sandbox may run another one (cleanliness.ts).
import { types } from 'node:util';
import { expect as realExpect } from 'expect';
import type { CheckMessage, DoneEvent, SandboxOutcome, TestEvent } from '../core/runner/protocol';
import type { TestResult } from '../core/runner/types';
import { checkIntegrity, leftoverResources } from './cleanliness';
import { GuardTimeout, runGuarded } from './guard';
import { Harness, type ExpectState } from './harness';
import { CompileFailure, ModuleLoader } from './modules';
import { createRealm, OutputLimitError, type Realm } from './realm';

/** What a check leaves for the sandbox's process-wide handlers while it runs. */
export interface ActiveCheck {
  /** True when an uncaught error or rejected promise is this check's (not a leftover of an earlier one). */
  owns(value: unknown): boolean;
  noteUncaught(error: unknown): void;
}

export interface CheckSinks {
  send(event: TestEvent | DoneEvent): void;
  setActive(check: ActiveCheck | undefined): void;
  /** Why the sandbox is unfit for further checks regardless of this one (work left behind by an earlier check). */
  poisoned(): string | undefined;
}

/** Files that may declare tests, hooks, .only/.skip and expect.extend: the entry and other *.test / *.spec files. */
function isTestFile(file: string, entry: string): boolean {
  return file === entry || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(file);
}

const captureStackTrace = Error.captureStackTrace;

/** The first file of the checked ones on the current stack (the caller of the harness API). */
function callerFile(isUserFile: (file: string) => boolean): string | undefined {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  const holder: { stack?: unknown } = {};
  try {
    Error.prepareStackTrace = (_error, sites) => sites;
    // The caller is a handful of frames up (the harness, the membrane); a deeper look only if it is not there.
    for (const limit of [16, 128]) {
      Error.stackTraceLimit = limit;
      captureStackTrace(holder, callerFile);
      const sites = holder.stack as NodeJS.CallSite[];
      for (const site of sites) {
        const file = site.getFileName();
        if (file && isUserFile(file)) return file;
      }
    }
    return undefined;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

/** The membrane of the check in progress, for the gate on asymmetric matchers (see esbuild.mjs). */
let currentMembrane: Realm['membrane'] | undefined;
Object.defineProperty(globalThis, Symbol.for('interview-drills.isUserValue'), {
  value: (value: unknown): boolean =>
    currentMembrane !== undefined && value !== null && (typeof value === 'object' || typeof value === 'function') && currentMembrane.isUserValue(value as object),
});

class Reasons {
  private readonly list: string[] = [];
  add(reason: string): void {
    if (!this.list.includes(reason)) this.list.push(reason);
  }
  get text(): string | undefined {
    return this.list.length > 0 ? this.list.join('; ') : undefined;
  }
}

export async function runCheck(msg: CheckMessage, sinks: CheckSinks): Promise<void> {
  const deadline = performance.now() + msg.timeoutMs;
  const dirty = new Reasons();
  const refused = new Reasons();
  let finished = false;
  let realm: Realm | undefined = undefined;
  let loader: ModuleLoader | undefined = undefined;
  const membrane = () => realm!.membrane;

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

  /** Tests, hooks, .only/.skip and expect.extend belong to test files: from any other file the check does not count. */
  const requireTestFile = (what: string): void => {
    const file = loader ? callerFile(loader.isUserFile) : undefined;
    if (file !== undefined && isTestFile(file, msg.entry)) return;
    const message = `${file ?? 'Code outside the test file'} called ${what}: only the tests (${msg.entry}) may declare tests, hooks, .only or .skip, or use expect.extend and asymmetric matchers`;
    refused.add(message);
    throw new Error(message);
  };

  const results: TestResult[] = [];
  const harness: Harness = new Harness({
    entry: msg.entry,
    files: {
      isUserFile: (file: string): boolean => loader?.isUserFile(file) ?? false,
      mapPosition: (file: string, line: number, column: number) => loader?.mapPosition(file, line, column) ?? { line, column },
    },
    testTimeoutMs: msg.testTimeoutMs,
    deadline,
    checkTimeoutMs: msg.timeoutMs,
    outputLimitBytes: msg.outputLimitBytes,
    expectState,
    reportedElsewhere: (error) => error instanceof CompileFailure,
    report(result) {
      results.push(result);
      sinks.send({ type: 'test', id: msg.id, result, output: realm!.sink.take() });
    },
    callUser: (fn, args) => membrane().callUser(fn, undefined, args),
    settle: (value, onFulfilled, onRejected) => membrane().settle(value, onFulfilled, onRejected),
    toHost: (error) => membrane().importValue(error),
    mayDeclare: requireTestFile,
    setTimeout,
    clearTimeout,
  });

  realm = createRealm(msg, {
    harness: () => harness,
    markDirty: (reason) => dirty.add(reason),
    refuse: (reason) => refused.add(reason),
    requireTestFile,
    runTimer: (fn) => {
      if (finished || harness.stopped) return;
      try {
        runGuarded(fn, deadline - performance.now());
      } catch (error) {
        if (error instanceof GuardTimeout) harness.stop('timeout');
        else if (!(error instanceof OutputLimitError)) harness.noteUncaught(membrane().importValue(error));
      }
    },
  });
  const userRealm = realm;

  loader = new ModuleLoader(msg.files, msg.rootDir, {
    context: userRealm.context,
    newObject: () => userRealm.newObject(),
    handOver: (value) => userRealm.membrane.exportValue(value),
    parseJson: (text) => userRealm.membrane.parts.jsonParse(text),
    builtin: (id) => userRealm.builtin(id),
    jestGlobals: userRealm.jestGlobals,
  });
  const modules = loader;

  let outcome: SandboxOutcome = 'completed';
  currentMembrane = userRealm.membrane;
  sinks.setActive({
    owns: (value) => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return true;
      return userRealm.membrane.isUserValue(value) || userRealm.membrane.isProxyOfHost(value) || isCheckerValue(value);
    },
    noteUncaught: (error) => harness.noteUncaught(userRealm.membrane.importValue(error)),
  });
  try {
    const compileErrors = modules.compileAll();
    if (compileErrors.length === 0) {
      await harness.run(() => modules.loadEntry(msg.entry));
    }
    if (harness.stopped) outcome = harness.stopped;
  } finally {
    finished = true;
    currentMembrane = undefined;
    sinks.setActive(undefined);
    // From here on no checker code calls into this check's code, and its objects answer nothing.
    userRealm.membrane.revoke();
    userRealm.timers.clearAll();
    if (!userRealm.restoreMocks()) dirty.add('mocks could not be restored');
  }
  if (outcome === 'timeout') dirty.add('timeout');
  const leftovers = leftoverResources();
  if (leftovers) dirty.add(`left ${leftovers} running`);
  const tampering = checkIntegrity();
  for (const reason of tampering.refused) refused.add(reason);
  for (const reason of tampering.dirty) dirty.add(reason);
  if (refused.text) dirty.add('the check was not accepted');
  const poisoned = sinks.poisoned();
  if (poisoned) dirty.add(poisoned);

  sinks.send({
    type: 'done',
    id: msg.id,
    outcome,
    compileErrors: modules.compileErrors,
    output: userRealm.sink.take(),
    outputTruncated: userRealm.sink.truncated,
    dirty: dirty.text,
    refused: refused.text,
  });
}

/** An object of the checker's own realm (its prototype chain reaches the checker's Object.prototype). */
function isCheckerValue(value: object): boolean {
  let o: object | null = value;
  for (let i = 0; i < 64 && o !== null; i++) {
    if (types.isProxy(o)) return false;
    if (o === Object.prototype || o === Function.prototype) return true;
    o = Reflect.getPrototypeOf(o);
  }
  return false;
}
