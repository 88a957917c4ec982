// Entry of the sandbox process (bundled to dist/sandbox.js, started by SandboxRunner as the leader of its own
// process group). It loads everything a check needs once, warms it up, says `ready`, then runs the checks the host
// sends on stdin one at a time, answering on fd 3. It exits when the host goes away.
import * as net from 'node:net';
import { encodeMessage, isHostMessage, LineDecoder, type CheckMessage, type DoneEvent, type ReadyEvent, type TestEvent } from '../core/runner/protocol';
import { killDescendants, MARKER_VARIABLE } from '../core/runner/containment';
import { runCheck, type ActiveCheck } from './check';
import { recordBaseline, watchChannel } from './cleanliness';
import { lockDown } from './lockdown';
import { LAZY_GLOBALS } from './realm';

Error.stackTraceLimit = 30;

let active: ActiveCheck | undefined;
/** Set when something of a finished check surfaces later: the sandbox is replaced after the check in progress. */
let poisoned: string | undefined;

// Errors from user timers, callbacks and promises nobody awaited: they fail the running test of the check they
// belong to, never the sandbox; one that belongs to a finished check is nobody's failure, but the sandbox is replaced.
function uncaught(error: unknown, owner: unknown): void {
  if (active?.owns(owner)) active.noteUncaught(error);
  else poisoned ??= 'an earlier check left work that failed later';
}
process.on('uncaughtException', (error) => uncaught(error, error));
process.on('unhandledRejection', (reason, promise) => uncaught(reason, promise));

// The host's messages arrive on stdin, one JSON line each; events go back on fd 3 (see core/runner/protocol.ts).
// Both streams are taken here, before any user code ran; user code sees neither.
const events = new net.Socket({ fd: 3, readable: false, writable: true });
events.on('error', () => shutDown());
watchChannel(events);

/** The host is gone (closed our stdin, or the event pipe broke): take every descendant down with us. */
function shutDown(): void {
  try {
    killDescendants(process.pid, process.env[MARKER_VARIABLE]);
    if (process.platform !== 'win32') process.kill(-process.pid, 'SIGKILL');
  } finally {
    process.exit(0);
  }
}

function send(event: ReadyEvent | TestEvent | DoneEvent): void {
  try {
    events.write(encodeMessage(event));
  } catch {
    // The pipe is closing; shutDown ends the process.
  }
}

const sinks = { send, setActive: (check: ActiveCheck | undefined) => (active = check), poisoned: () => poisoned };

let queue: Promise<void> = Promise.resolve();
const decoder = new LineDecoder((message) => {
  if (!isHostMessage(message)) return;
  const check: CheckMessage = message;
  queue = queue.then(() => runCheck(check, sinks)).catch(() => undefined);
});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => decoder.push(chunk));
process.stdin.on('end', shutDown);
process.stdin.on('error', shutDown);

/** A small check run before `ready`: JIT-warms the transform, the harness and expect so the first real check is fast. */
const WARM_UP: CheckMessage = {
  type: 'check',
  id: 0,
  entry: 'warm.test.ts',
  files: {
    'warm.ts': 'export interface Pair { a: number; b: number }\nexport const add = ({ a, b }: Pair): number => a + b;\n',
    'warm.test.ts': [
      "import { describe, expect, it } from '@jest/globals';",
      "import { add } from './warm';",
      "describe('add', () => {",
      '  it.each([[1, 2, 3], [2, 2, 4]])("%i + %i = %i", (a, b, sum) => { expect(add({ a, b })).toBe(sum); });',
      "  it('fails', () => { expect({ v: add({ a: 1, b: 1 }) }).toEqual({ v: 3 }); });",
      "  it('async', async () => { await Promise.resolve(); expect([1, 2]).toContain(2); });",
      '});',
      '',
    ].join('\n'),
  },
  timeoutMs: 5000,
  testTimeoutMs: 2500,
  outputLimitBytes: 1024,
};

async function start(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await runCheck({ ...WARM_UP, id: -i }, { send: () => undefined, setActive: sinks.setActive, poisoned: () => undefined });
  }
  // Node defines these on first use: touched now, so the snapshot below sees them as they stay.
  for (const name of LAZY_GLOBALS) void (globalThis as Record<string, unknown>)[name];
  disarmFunctionConstructors();
  lockDown();
  recordBaseline();
  send({ type: 'ready', pid: process.pid });
}

/**
 * Defence in depth: should an object of the checker ever reach user code, its `.constructor.constructor` must not
 * compile code in the checker's realm. Nothing in the sandbox compiles code through these properties.
 */
function disarmFunctionConstructors(): void {
  const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const sample of kinds) {
    const proto = Object.getPrototypeOf(sample) as { constructor: { name: string } };
    const name = proto.constructor.name;
    const disarmed = {
      [name]: function () {
        throw new EvalError(`${name} is not available to code under test`);
      },
    }[name];
    Object.defineProperty(disarmed, 'prototype', { value: proto });
    Object.defineProperty(proto, 'constructor', { value: disarmed, writable: false, configurable: false });
  }
}

void start();
