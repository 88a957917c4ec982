// Runs synchronous work under the vm `timeout` option, so an endless synchronous loop in user code is stopped by
// V8 (TerminateExecution: no try/catch in user code can swallow it) instead of freezing the sandbox.
//
// `timeout` only applies to `script.runInContext`, so a tiny script in a private context calls back into the
// function to guard. Starting a watchdog costs a few tenths of a millisecond, so callers batch: the harness runs
// every synchronous test of a check in one guarded call (see Harness.drive).
import * as vm from 'node:vm';

interface GuardGlobals {
  run?: () => void;
}

const guardGlobals: GuardGlobals = {};
const guardContext = vm.createContext(guardGlobals);
const guardScript = new vm.Script('run()', { filename: 'drills-guard' });
let depth = 0;

export class GuardTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Execution timed out after ${timeoutMs} ms`);
    this.name = 'GuardTimeout';
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Calls `fn` and returns its value or rethrows its error; throws GuardTimeout when it runs longer than `timeoutMs`.
 * Nested calls simply run inside the outer guard.
 */
export function runGuarded<T>(fn: () => T, timeoutMs: number): T {
  if (depth > 0) return fn();
  let outcome: Outcome<T> | undefined;
  guardGlobals.run = () => {
    try {
      outcome = { ok: true, value: fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
  };
  const timeout = Math.max(1, Math.ceil(timeoutMs));
  depth++;
  try {
    guardScript.runInContext(guardContext, { timeout });
  } catch {
    // Only a termination gets past the catch above: the watchdog fired.
    throw new GuardTimeout(timeout);
  } finally {
    depth--;
    guardGlobals.run = undefined;
  }
  if (!outcome) throw new GuardTimeout(timeout);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
