// Messages between the host (SandboxRunner) and the sandbox process (dist/sandbox.js), over the IPC channel that
// child_process.fork opens. Structured JSON only: nothing is ever parsed out of human-readable output.
import type { CompileError, TestResult } from './types';

/** Title of the result reported when the test file cannot be loaded (as Jest words it). */
export const SUITE_FAILURE_TITLE = 'Test suite failed to run';

/** Host -> sandbox: run one check. */
export interface CheckMessage {
  type: 'check';
  id: number;
  files: Record<string, string>;
  entry: string;
  rootDir?: string;
  /** Budget of the whole check, counted from when the sandbox receives the message. */
  timeoutMs: number;
  /** Default budget of one test or hook (Jest's third argument and jest.setTimeout override it). */
  testTimeoutMs: number;
  outputLimitBytes: number;
}

export type HostMessage = CheckMessage;

/** How a check ended, as seen from inside the sandbox. */
export type SandboxOutcome = 'completed' | 'timeout' | 'output-limit';

/** Sandbox -> host: loaded and warmed up; checks can be sent. */
export interface ReadyEvent {
  type: 'ready';
  pid: number;
}

/** Sandbox -> host: one finished test, sent as soon as it finishes so a killed check still reports what ran. */
export interface TestEvent {
  type: 'test';
  id: number;
  result: TestResult;
  /** Output printed since the previous event. */
  output: string;
}

/** Sandbox -> host: the check is over. */
export interface DoneEvent {
  type: 'done';
  id: number;
  outcome: SandboxOutcome;
  compileErrors: CompileError[];
  /** Output printed since the previous event. */
  output: string;
  outputTruncated: boolean;
  /**
   * Why this process must not run another check (a timeout, a spawned child process, expect.extend, tampered
   * built-ins, ...); undefined when it is clean and can be reused.
   */
  dirty?: string;
  /**
   * Why the check does not count whatever its tests say (the checker's objects were tampered with, a file other than
   * the tests declared tests or called expect.extend); undefined when it stands.
   */
  refused?: string;
}

export type SandboxEvent = ReadyEvent | TestEvent | DoneEvent;

export function isSandboxEvent(value: unknown): value is SandboxEvent {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'test' || type === 'done';
}

export function isHostMessage(value: unknown): value is HostMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'check';
}
