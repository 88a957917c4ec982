// One sandbox process, seen from the host: spawned with fork() as the leader of its own process group (so killing
// the group also kills anything user code started), with a V8 heap cap, its stdio counted and capped, and a
// best-effort resident-memory watchdog (Linux) for memory V8's heap cap does not see (Buffers, ArrayBuffers).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import type { Socket } from 'node:net';
import { killDescendants, newMarker, sandboxEnvironment } from './containment';
import { encodeMessage, isSandboxEvent, LineDecoder, type HostMessage, type SandboxEvent } from './protocol';

export interface SandboxSpawnOptions {
  sandboxScript: string;
  execPath: string;
  memoryMb: number;
  /** Cap on what the process itself writes to stdout/stderr (user output normally goes through IPC). */
  stdioLimitBytes: number;
}

export interface SandboxExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** V8 reported running out of heap. */
  outOfMemory: boolean;
  /** Why the host killed it, if it did. */
  killedBecause?: string;
  /** The tail of the process's stderr (for crash reports). */
  stderr: string;
}

const STDERR_TAIL = 16 * 1024;
const OOM_MARKERS = ['JavaScript heap out of memory', 'Reached heap limit', 'Allocation failed - process out of memory'];

export class SandboxProcess {
  readonly child: ChildProcess;
  /** Resolves with the pid once the sandbox has loaded and warmed up; rejects if it dies first. */
  readonly ready: Promise<number>;
  /** Resolves once the process has exited and its stdio is drained. */
  readonly exited: Promise<SandboxExit>;
  private listener?: (event: SandboxEvent) => void;
  private exitListener?: (exit: SandboxExit) => void;
  private exitInfo?: SandboxExit;
  private stdioListener?: (chunk: string) => void;
  private stderrTail = '';
  private stdioBytes = 0;
  private killedBecause?: string;
  private memoryTimer?: NodeJS.Timeout;
  private isReady = false;
  private readonly marker = newMarker();
  isExited = false;

  constructor(private readonly o: SandboxSpawnOptions) {
    // A minimal environment (no credentials of the editor's), with a marker its descendants inherit. NODE_OPTIONS
    // is not on the allowlist: debuggers and loaders injected into the host (VS Code's auto-attach) stay out.
    const env = sandboxEnvironment(this.marker);
    // stdin carries the host's messages, fd 3 the sandbox's events (see protocol.ts).
    this.child = spawn(o.execPath, [`--max-old-space-size=${o.memoryMb}`, o.sandboxScript], {
      env,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    this.child.stdin?.on('error', () => undefined);
    this.child.stdout?.setEncoding('utf8');
    this.child.stderr?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => this.receiveStdio(chunk, false));
    this.child.stderr?.on('data', (chunk: string) => this.receiveStdio(chunk, true));

    this.exited = new Promise<SandboxExit>((resolve) => {
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      const finish = () => {
        if (this.exitInfo) return;
        this.isExited = true;
        this.stopMemoryWatch();
        this.exitInfo = {
          code: exit?.code ?? null,
          signal: exit?.signal ?? null,
          outOfMemory: OOM_MARKERS.some((m) => this.stderrTail.includes(m)) || this.killedBecause === 'memory',
          killedBecause: this.killedBecause,
          stderr: this.stderrTail,
        };
        this.exitListener?.(this.exitInfo);
        resolve(this.exitInfo);
      };
      this.child.once('error', (error) => {
        this.stderrTail += `\n${error.message}`;
        exit ??= { code: null, signal: null };
        finish();
      });
      this.child.once('exit', (code, signal) => {
        exit = { code, signal };
        // Give the stdio pipes a moment to drain (for the out-of-memory report), but never wait on a grandchild
        // that still holds them.
        const timer = setTimeout(finish, 250);
        timer.unref();
        this.child.once('close', () => {
          clearTimeout(timer);
          finish();
        });
      });
    });

    this.ready = new Promise<number>((resolve, reject) => {
      const events = this.child.stdio[3] as NodeJS.ReadableStream | null | undefined;
      const decoder = new LineDecoder((message) => {
        if (!isSandboxEvent(message)) return;
        if (message.type === 'ready') {
          this.isReady = true;
          resolve(message.pid);
          return;
        }
        this.listener?.(message);
      });
      events?.setEncoding('utf8');
      events?.on('data', (chunk: string) => {
        if (!decoder.push(chunk)) this.kill('channel');
      });
      events?.on('error', () => undefined);
      void this.exited.then((exit) => {
        if (!this.isReady) {
          const detail = exit.stderr.trim().split('\n').slice(-3).join(' ').trim();
          reject(new Error(`the sandbox process exited before it was ready (${describeExit(exit)})${detail ? `: ${detail}` : ''}`));
        }
      });
    });
    // An idle warm sandbox must not keep the host (a CLI, a test run) alive.
    this.setActive(false);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Routes the sandbox's events (tests, done) to the check in progress. */
  onEvent(listener: ((event: SandboxEvent) => void) | undefined): void {
    this.listener = listener;
  }

  /** Tells the check in progress that the process ended (at once if it already has). */
  onExit(listener: ((exit: SandboxExit) => void) | undefined): void {
    this.exitListener = listener;
    const info = this.exitInfo;
    if (listener && info) queueMicrotask(() => listener(info));
  }

  /** Routes whatever the process writes to its own stdout to the check in progress. */
  onStdio(listener: ((chunk: string) => void) | undefined): void {
    this.stdioListener = listener;
  }

  private receiveStdio(chunk: string, isStderr: boolean): void {
    if (isStderr) this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    this.stdioBytes += Buffer.byteLength(chunk);
    if (this.stdioBytes > this.o.stdioLimitBytes) this.kill('output');
    // What reaches the real stdout is the user's (fs.writeSync(1, ...), an inheriting child); stderr carries Node's
    // and V8's own diagnostics, kept for crash reports but not shown as output.
    if (!isStderr) this.stdioListener?.(chunk);
  }

  send(message: HostMessage): boolean {
    const stdin = this.child.stdin;
    if (this.isExited || !stdin || !stdin.writable) return false;
    try {
      stdin.write(encodeMessage(message));
      return true;
    } catch {
      return false;
    }
  }

  /** While a check runs, the process keeps the host alive and its memory is watched. */
  setActive(active: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdio[3], this.child.stdout, this.child.stderr] as Array<Partial<Pick<Socket, 'ref' | 'unref'>> | null | undefined>;
    for (const h of handles) {
      if (active) h?.ref?.();
      else h?.unref?.();
    }
    if (active) {
      this.stdioBytes = 0;
      this.startMemoryWatch();
    } else {
      this.stopMemoryWatch();
    }
  }

  /** Kills the whole process group (the sandbox and anything it spawned). Safe to call repeatedly. */
  kill(reason: string): void {
    this.killedBecause ??= reason;
    const pid = this.child.pid;
    if (pid === undefined) return;
    if (process.platform === 'win32') {
      // No process groups on Windows: taskkill /T ends the process tree.
      try {
        spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
      } catch {
        // Fall through to killing the process itself.
      }
    } else {
      // The group, then (Linux) every descendant that left it: setsid, detached spawns, double forks.
      killDescendants(pid, this.marker);
    }
    try {
      this.child.kill('SIGKILL');
    } catch {
      // Already exited.
    }
  }

  private startMemoryWatch(): void {
    const pid = this.child.pid;
    if (process.platform !== 'linux' || pid === undefined || this.memoryTimer) return;
    // V8's --max-old-space-size caps the JavaScript heap; this catches memory outside it (Buffers, typed arrays).
    // At the heap cap the process is about memoryMb + ~90 MB resident, so this only fires for memory outside the heap.
    const limitBytes = (1.5 * this.o.memoryMb + 128) * 1024 * 1024;
    this.memoryTimer = setInterval(() => {
      fs.readFile(`/proc/${pid}/statm`, 'utf8', (error, text) => {
        if (error) return;
        const residentPages = Number(text.split(' ')[1]);
        if (residentPages * 4096 > limitBytes) this.kill('memory');
      });
    }, 100);
  }

  private stopMemoryWatch(): void {
    if (this.memoryTimer) clearInterval(this.memoryTimer);
    this.memoryTimer = undefined;
  }
}

export function describeExit(exit: Pick<SandboxExit, 'code' | 'signal'>): string {
  if (exit.signal) return `killed by ${exit.signal}`;
  if (exit.code !== null) return `exit code ${exit.code}`;
  return 'it could not be started';
}
