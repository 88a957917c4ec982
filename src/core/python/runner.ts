// The host side of the Python checker. User code never runs in this process, nor in the warm Python process itself:
// the warm `python3 -I drills_server.py` (resources/python) forks a child per check (see that file), and this class
// only sends it requests on stdin and reads JSON events from its fd 3. Checks are queued and run one at a time;
// `check` never rejects. When the warm process misbehaves (no answer past the time limit plus a grace, a result
// channel flooded), its process group and every descendant are killed and a new one is started.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import type { Socket } from 'node:net';
import type { Drill, PythonTrack } from '../model';
import { killDescendants, newMarker, sandboxEnvironment } from '../runner/containment';
import { isSandboxEvent, LineDecoder, type DoneEvent } from '../runner/protocol';
import {
  DEFAULT_MEMORY_MB, DEFAULT_OUTPUT_LIMIT_BYTES, DEFAULT_TIMEOUT_MS, type CheckRequest, type CheckResult, type CompileError, type TestResult,
} from '../runner/types';
import { buildResult, type Ending } from '../runner/verdict';

/** The files of the bundled harness, in the folder given as `harnessDir`. */
export const PYTHON_SERVER_SCRIPT = 'drills_server.py';
export const PYTHON_TEST_FILE = 'test_solution.py';
export const PYTHON_SOLUTION_FILE = 'solution.py';

/** How long past its own time limit the warm process gets to report a timeout before the host kills it. */
const GRACE_MS = 1500;
const STDERR_TAIL = 16 * 1024;

export interface PythonRunnerOptions {
  /** The interpreter: an absolute path or a command, plus arguments that come before ours (e.g. `py -3`). */
  python: { command: string; args?: readonly string[] };
  /** The folder holding drills_server.py, drills_harness.py and pytest_subset.py (resources/python). */
  harnessDir: string;
  timeoutMs?: number;
  memoryMb?: number;
  outputLimitBytes?: number;
  /** Tests only: run each check in a fresh process (the non-POSIX way) even where fork() exists. */
  isolation?: 'fork' | 'spawn';
}

/** The files of a Python drill check: the user's code as solution.py beside the drill's pytest file. */
export function pythonCheckRequest(drill: { python?: Pick<PythonTrack, 'tests'> } | Pick<Drill, 'python'>, code: string): CheckRequest {
  if (!drill.python) throw new Error('this drill has no Python version');
  return { files: { [PYTHON_SOLUTION_FILE]: code, [PYTHON_TEST_FILE]: drill.python.tests }, entry: PYTHON_TEST_FILE };
}

type PythonOutcome = 'completed' | 'timeout' | 'output-limit' | 'out-of-memory' | 'crashed';
interface PythonDone extends Omit<DoneEvent, 'outcome'> {
  outcome: PythonOutcome;
  reason?: string;
}

/** One warm Python process. */
class WarmPython {
  readonly child: ChildProcess;
  readonly ready: Promise<number>;
  readonly marker = newMarker();
  listener?: (event: unknown) => void;
  exitListener?: (description: string) => void;
  exited = false;
  exitDescription = '';
  private stderrTail = '';

  constructor(o: PythonRunnerOptions) {
    const args = [...(o.python.args ?? []), '-I', path.join(o.harnessDir, PYTHON_SERVER_SCRIPT)];
    const env = sandboxEnvironment(this.marker);
    delete env.ELECTRON_RUN_AS_NODE;
    env.PYTHONIOENCODING = 'utf-8';
    this.child = spawn(o.python.command, args, {
      env,
      cwd: o.harnessDir,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    this.child.stdin?.on('error', () => undefined);
    this.child.stdout?.on('data', () => undefined);
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    const exited = new Promise<string>((resolve) => {
      this.child.once('error', (e) => resolve(`it could not be started: ${e.message}`));
      this.child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit code ${code}`));
    });
    void exited.then((description) => {
      this.exited = true;
      const detail = this.stderrTail.trim().split('\n').slice(-3).join(' ');
      this.exitDescription = detail ? `${description}: ${detail}` : description;
      this.exitListener?.(this.exitDescription);
    });
    this.ready = new Promise<number>((resolve, reject) => {
      const events = this.child.stdio[3] as NodeJS.ReadableStream | null | undefined;
      const decoder = new LineDecoder((message) => {
        if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready') {
          resolve(Number((message as { pid?: unknown }).pid));
          return;
        }
        this.listener?.(message);
      });
      events?.setEncoding('utf8');
      events?.on('data', (chunk: string) => {
        if (!decoder.push(chunk)) this.kill();
      });
      events?.on('error', () => undefined);
      void exited.then(() => setImmediate(() => reject(new Error(`the Python sandbox exited before it was ready (${this.exitDescription})`))));
    });
    this.ready.catch(() => undefined);
    this.setActive(false);
  }

  setActive(active: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdio[3], this.child.stdout, this.child.stderr] as Array<Partial<Pick<Socket, 'ref' | 'unref'>> | null | undefined>;
    for (const h of handles) {
      if (active) h?.ref?.();
      else h?.unref?.();
    }
  }

  send(message: unknown): boolean {
    const stdin = this.child.stdin;
    if (this.exited || !stdin?.writable) return false;
    stdin.write(`${JSON.stringify(message)}\n`);
    return true;
  }

  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    if (process.platform === 'win32') {
      try {
        spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
      } catch {
        // Fall through.
      }
    } else {
      killDescendants(pid, this.marker);
    }
    try {
      this.child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

export class PythonRunner {
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly outputLimitBytes: number;
  private warm?: WarmPython;
  private tail: Promise<void> = Promise.resolve();
  private disposed = false;
  private cancelInflight?: (reason: string) => void;

  constructor(private readonly options: PythonRunnerOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
    this.outputLimitBytes = options.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES;
  }

  /** Diagnostics: the pid of the warm Python process, once it is ready. */
  async warmPid(): Promise<number | undefined> {
    try {
      return await this.ensureWarm().ready;
    } catch {
      return undefined;
    }
  }

  /** Diagnostics: the marker every process of this runner's checks carries in its environment. */
  get marker(): string | undefined {
    return this.warm?.marker;
  }

  /** Starts the warm process now rather than on the first check. */
  warmUp(): void {
    if (!this.disposed) this.ensureWarm();
  }

  check(request: CheckRequest): Promise<CheckResult> {
    return new Promise<CheckResult>((resolve) => {
      let settled = false;
      const settle = (r: CheckResult) => {
        if (settled) return;
        settled = true;
        request.signal?.removeEventListener('abort', onQueuedAbort);
        resolve(r);
      };
      const onQueuedAbort = () => settle(this.ended(request, { kind: 'cancelled' }));
      request.signal?.addEventListener('abort', onQueuedAbort);
      this.tail = this.tail.then(async () => {
        if (settled) return;
        request.signal?.removeEventListener('abort', onQueuedAbort);
        try {
          settle(await this.run(request));
        } catch (error) {
          settle(this.ended(request, { kind: 'crashed', reason: `The checker failed: ${error instanceof Error ? error.message : String(error)}` }));
        }
      });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelInflight?.('The checker was shut down');
    this.warm?.kill();
    this.warm = undefined;
  }

  private ensureWarm(): WarmPython {
    if (!this.warm || this.warm.exited) this.warm = new WarmPython(this.options);
    return this.warm;
  }

  private replace(warm: WarmPython): void {
    warm.kill();
    if (this.warm === warm) this.warm = undefined;
  }

  private async run(request: CheckRequest): Promise<CheckResult> {
    if (this.disposed) return this.ended(request, { kind: 'cancelled', reason: 'The checker was shut down' });
    if (request.signal?.aborted) return this.ended(request, { kind: 'cancelled' });
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    let warm = this.ensureWarm();
    for (let attempt = 1; ; attempt++) {
      warm.setActive(true);
      try {
        await warm.ready;
        break;
      } catch (error) {
        warm.setActive(false);
        this.replace(warm);
        if (attempt === 2 || this.disposed) {
          return this.ended(request, { kind: 'crashed', reason: `The Python sandbox could not start: ${error instanceof Error ? error.message : String(error)}` });
        }
        warm = this.ensureWarm();
      }
    }

    const id = randomInt(1, 2 ** 47);
    const tests: TestResult[] = [];
    let compileErrors: CompileError[] = [];
    let output = '';
    let outputTruncated = false;
    let refused: string | undefined;
    const started = performance.now();
    const ending = await new Promise<Ending>((resolve) => {
      let finished = false;
      const finish = (e: Ending) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        this.cancelInflight = undefined;
        warm.listener = undefined;
        warm.exitListener = undefined;
        resolve(e);
      };
      // The warm process enforces the time limit itself; this is for a warm process that stopped answering.
      const timer = setTimeout(() => {
        this.replace(warm);
        finish({ kind: 'timeout', timeoutMs });
      }, timeoutMs + GRACE_MS);
      const onAbort = () => {
        this.replace(warm);
        finish({ kind: 'cancelled' });
      };
      request.signal?.addEventListener('abort', onAbort);
      this.cancelInflight = (reason) => {
        this.replace(warm);
        finish({ kind: 'cancelled', reason });
      };
      warm.listener = (message) => {
        if (!isSandboxEvent(message) || message.type === 'ready' || message.id !== id) return;
        output += typeof message.output === 'string' ? message.output : '';
        if (message.type === 'test') {
          tests.push(message.result);
          return;
        }
        const done = message as unknown as PythonDone;
        outputTruncated = done.outputTruncated === true;
        compileErrors = Array.isArray(done.compileErrors) ? done.compileErrors : [];
        refused = typeof done.refused === 'string' ? done.refused : undefined;
        switch (done.outcome) {
          case 'timeout':
            return finish({ kind: 'timeout', timeoutMs });
          case 'output-limit':
            return finish({ kind: 'output-limit', limitBytes: this.outputLimitBytes });
          case 'out-of-memory':
            return finish({ kind: 'out-of-memory', memoryMb: this.memoryMb });
          case 'crashed':
            return finish({ kind: 'crashed', reason: done.reason ?? 'The check crashed' });
          default:
            return finish({ kind: 'completed' });
        }
      };
      warm.exitListener = (description) => {
        this.warm = undefined;
        finish({ kind: 'crashed', reason: `The Python sandbox ended unexpectedly (${description})` });
      };
      const sent = warm.send({
        type: 'check', id, files: request.files, entry: request.entry, timeoutMs, memoryMb: this.memoryMb,
        outputLimitBytes: this.outputLimitBytes, marker: newMarker(), isolation: this.options.isolation ?? 'fork',
      });
      if (!sent) finish({ kind: 'crashed', reason: 'The Python sandbox could not be reached' });
    });
    warm.setActive(false);
    if (ending.kind === 'output-limit') outputTruncated = true;
    if (this.warm === undefined && !this.disposed) setImmediate(() => !this.disposed && this.ensureWarm());
    return buildResult({ ending, entry: request.entry, tests, compileErrors, output, outputTruncated, durationMs: performance.now() - started, refused });
  }

  private ended(request: CheckRequest, ending: Ending): CheckResult {
    return buildResult({ ending, entry: request.entry, tests: [], compileErrors: [], output: '', outputTruncated: false, durationMs: 0 });
  }
}
