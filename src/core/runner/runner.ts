// The host side of the solution checker. User code never runs in this process: every check goes to a sandbox
// process (dist/sandbox.js). One sandbox is kept warm, so a check does not pay for a process start; it is reused
// after a clean check and replaced (its process group killed, a new one spawned in the background) after anything
// dirty. Checks are queued and run one at a time; `check` never rejects.
import { randomInt } from 'node:crypto';
import type { CheckMessage, SandboxEvent } from './protocol';
import { SandboxProcess, describeExit, type SandboxExit } from './process';
import {
  DEFAULT_MEMORY_MB,
  DEFAULT_OUTPUT_LIMIT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type CheckRequest,
  type CheckResult,
  type CompileError,
  type RunnerOptions,
  type TestResult,
} from './types';
import { buildResult, type Ending } from './verdict';

/** How long past its own deadline the sandbox gets to report a timeout before the host kills it. */
const GRACE_MS = 750;

export class SandboxRunner {
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly outputLimitBytes: number;
  private readonly execPath: string;
  private warm?: SandboxProcess;
  private tail: Promise<void> = Promise.resolve();
  private disposed = false;
  private cancelInflight?: (reason: string) => void;
  /** Diagnostics (not part of the contract): the pid, and process group, of the sandbox that ran the last check. */
  lastSandboxPid?: number;

  constructor(private readonly options: RunnerOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
    this.outputLimitBytes = options.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES;
    this.execPath = options.execPath ?? process.execPath;
    this.ensureWarm();
  }

  /** Diagnostics (not part of the contract): the pid of the warm sandbox, if one is running. */
  get sandboxPid(): number | undefined {
    return this.warm && !this.warm.isExited ? this.warm.pid : undefined;
  }

  check(request: CheckRequest): Promise<CheckResult> {
    return new Promise<CheckResult>((resolve) => {
      let settled = false;
      const settle = (result: CheckResult) => {
        if (settled) return;
        settled = true;
        request.signal?.removeEventListener('abort', onQueuedAbort);
        resolve(result);
      };
      // Cancelled while still waiting for its turn: answer at once; the queue skips it later.
      const onQueuedAbort = () => settle(this.cancelled(request, 0));
      request.signal?.addEventListener('abort', onQueuedAbort);
      this.tail = this.tail.then(async () => {
        if (settled) return;
        request.signal?.removeEventListener('abort', onQueuedAbort);
        try {
          settle(await this.run(request));
        } catch (error) {
          settle(this.crashed(request, `The checker failed: ${error instanceof Error ? error.message : String(error)}`, 0));
        }
      });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelInflight?.('The checker was shut down');
    this.warm?.kill('disposed');
    this.warm = undefined;
  }

  private ensureWarm(): SandboxProcess {
    if (!this.warm || this.warm.isExited) {
      const sandbox = new SandboxProcess({
        sandboxScript: this.options.sandboxScript,
        execPath: this.execPath,
        memoryMb: this.memoryMb,
        stdioLimitBytes: this.outputLimitBytes,
      });
      // A sandbox that dies while idle (or fails to start) is simply replaced on the next check.
      sandbox.ready.catch(() => undefined);
      this.warm = sandbox;
    }
    return this.warm;
  }

  private async run(request: CheckRequest): Promise<CheckResult> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    if (this.disposed) return this.cancelled(request, 0, 'The checker was shut down');
    if (request.signal?.aborted) return this.cancelled(request, 0);
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;

    // While a check waits on it, the sandbox keeps the host alive (an idle one does not). Two tries: the warm
    // process may have died while idle.
    let sandbox = this.ensureWarm();
    for (let attempt = 1; ; attempt++) {
      sandbox.setActive(true);
      try {
        await withAbort(sandbox.ready, request.signal);
        break;
      } catch (error) {
        sandbox.setActive(false);
        if (request.signal?.aborted) return this.cancelled(request, elapsed());
        if (this.disposed) return this.cancelled(request, elapsed(), 'The checker was shut down');
        if (attempt === 2) {
          this.warm = undefined;
          return this.crashed(request, `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}`, elapsed());
        }
        sandbox.kill('failed to start');
        this.warm = undefined;
        sandbox = this.ensureWarm();
      }
    }
    if (this.disposed) {
      sandbox.setActive(false);
      return this.cancelled(request, elapsed(), 'The checker was shut down');
    }

    // Unguessable, so a result posted by anything but the sandbox's own harness is ignored.
    const id = randomInt(1, 2 ** 47);
    const tests: TestResult[] = [];
    let compileErrors: CompileError[] = [];
    let output = '';
    let outputBytes = 0;
    let outputTruncated = false;
    let dirty: string | undefined;
    let refused: string | undefined;
    const appendOutput = (text: string) => {
      if (text === '' || outputTruncated) return;
      const room = this.outputLimitBytes - outputBytes;
      const size = Buffer.byteLength(text);
      if (size <= room) {
        output += text;
        outputBytes += size;
      } else {
        output += Buffer.from(text).subarray(0, Math.max(0, room)).toString('utf8');
        outputBytes = this.outputLimitBytes;
        outputTruncated = true;
      }
    };

    this.lastSandboxPid = sandbox.pid;
    const checkStarted = performance.now();
    const ending = await new Promise<Ending>((resolve) => {
      let finished = false;
      const finish = (e: Ending) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        this.cancelInflight = undefined;
        sandbox.onEvent(undefined);
        sandbox.onStdio(undefined);
        sandbox.onExit(undefined);
        resolve(e);
      };
      const timer = setTimeout(() => {
        sandbox.kill('timeout');
        finish({ kind: 'timeout', timeoutMs });
      }, timeoutMs + GRACE_MS);
      const onAbort = () => {
        sandbox.kill('cancelled');
        finish({ kind: 'cancelled' });
      };
      request.signal?.addEventListener('abort', onAbort);
      this.cancelInflight = (reason) => {
        sandbox.kill('cancelled');
        finish({ kind: 'cancelled', reason });
      };
      sandbox.onEvent((event: SandboxEvent) => {
        if (event.type === 'ready' || event.id !== id) return;
        appendOutput(event.output);
        if (event.type === 'test') {
          tests.push(event.result);
          return;
        }
        outputTruncated ||= event.outputTruncated;
        compileErrors = event.compileErrors;
        dirty = event.dirty;
        refused = event.refused;
        if (event.outcome === 'timeout') finish({ kind: 'timeout', timeoutMs });
        else if (event.outcome === 'output-limit') finish({ kind: 'output-limit', limitBytes: this.outputLimitBytes });
        else finish({ kind: 'completed' });
      });
      sandbox.onStdio(appendOutput);
      sandbox.onExit((exit) => finish(this.endingOfExit(exit, timeoutMs)));
      const message: CheckMessage = {
        type: 'check',
        id,
        files: request.files,
        entry: request.entry,
        rootDir: request.rootDir,
        timeoutMs,
        testTimeoutMs: Math.max(50, Math.floor(timeoutMs / 2)),
        outputLimitBytes: this.outputLimitBytes,
      };
      if (!sandbox.send(message)) finish({ kind: 'crashed', reason: 'The sandbox process could not be reached' });
    });
    const durationMs = performance.now() - checkStarted;
    sandbox.setActive(false);
    if (ending.kind === 'output-limit') outputTruncated = true;

    const replaceBecause = ending.kind === 'completed' ? dirty : ending.kind;
    if (replaceBecause !== undefined) {
      sandbox.kill(replaceBecause);
      if (this.warm === sandbox) this.warm = undefined;
      // Spawn the next sandbox in the background, after this result has been handed back.
      if (!this.disposed) setImmediate(() => !this.disposed && this.ensureWarm());
    }
    return buildResult({ ending, entry: request.entry, tests, compileErrors, output, outputTruncated, durationMs, refused });
  }

  private endingOfExit(exit: SandboxExit, timeoutMs: number): Ending {
    switch (exit.killedBecause) {
      case 'timeout':
        return { kind: 'timeout', timeoutMs };
      case 'output':
        return { kind: 'output-limit', limitBytes: this.outputLimitBytes };
      case 'channel':
        return { kind: 'crashed', reason: 'The sandbox sent something other than results (a line over 16 MiB on its result channel)' };
      case 'cancelled':
      case 'disposed':
        return { kind: 'cancelled' };
      default:
        break;
    }
    if (exit.outOfMemory) return { kind: 'out-of-memory', memoryMb: this.memoryMb };
    return { kind: 'crashed', reason: `The sandbox process ended unexpectedly (${describeExit(exit)})` };
  }

  private cancelled(request: CheckRequest, durationMs: number, reason?: string): CheckResult {
    return buildResult({ ending: { kind: 'cancelled', reason }, entry: request.entry, tests: [], compileErrors: [], output: '', outputTruncated: false, durationMs });
  }

  private crashed(request: CheckRequest, reason: string, durationMs: number): CheckResult {
    return buildResult({ ending: { kind: 'crashed', reason }, entry: request.entry, tests: [], compileErrors: [], output: '', outputTruncated: false, durationMs });
  }
}

function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('cancelled'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
