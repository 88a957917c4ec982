// Entry of the sandbox process (bundled to dist/sandbox.js, started by SandboxRunner with child_process.fork in its
// own process group). It loads everything a check needs once, warms it up, says `ready`, then runs the checks the
// host sends over IPC one at a time. It exits when the host goes away.
import { isHostMessage, type CheckMessage, type DoneEvent, type ReadyEvent, type TestEvent } from '../core/runner/protocol';
import { recordBaseline, runCheck, type ActiveCheck } from './check';

Error.stackTraceLimit = 30;

let active: ActiveCheck | undefined;

// Errors from user timers, callbacks and promises nobody awaited: they fail the running test, never the sandbox.
process.on('uncaughtException', (error) => active?.noteUncaught(error));
process.on('unhandledRejection', (reason) => active?.noteUncaught(reason));

// The host is gone (closed the channel or died): take the whole process group down with us.
process.on('disconnect', () => {
  try {
    if (process.platform !== 'win32') process.kill(-process.pid, 'SIGKILL');
  } finally {
    process.exit(0);
  }
});

function send(event: ReadyEvent | TestEvent | DoneEvent): void {
  try {
    process.send?.(event);
  } catch {
    // The channel is closing; the 'disconnect' handler ends the process.
  }
}

const sinks = { send, setActive: (check: ActiveCheck | undefined) => (active = check) };

let queue: Promise<void> = Promise.resolve();
process.on('message', (message: unknown) => {
  if (!isHostMessage(message)) return;
  const check: CheckMessage = message;
  queue = queue.then(() => runCheck(check, sinks)).catch(() => undefined);
});

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
    await runCheck({ ...WARM_UP, id: -i }, { send: () => undefined, setActive: sinks.setActive });
  }
  recordBaseline();
  send({ type: 'ready', pid: process.pid });
}

void start();
