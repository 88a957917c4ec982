// Messages between the host (SandboxRunner) and the sandbox process (dist/sandbox.js): one JSON object per line,
// host -> sandbox on the sandbox's stdin, sandbox -> host on its fd 3. Not Node's IPC channel: code under test can
// write to any of its file descriptors, and bytes that are not a message must be ignored by the host, never crash it
// (Node's IPC parser throws in the parent on a malformed line). Structured JSON only: nothing is ever parsed out of
// human-readable output.
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

/** A line longer than this is not a message: the host ends the sandbox (results are capped far below it). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Splits a stream of text into lines and parses each as JSON; lines that are not JSON are dropped. Returns false
 * (and keeps nothing) once a line grows past `maxBytes`.
 */
export class LineDecoder {
  private pending = '';

  constructor(
    private readonly onValue: (value: unknown) => void,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  push(chunk: string): boolean {
    let text = this.pending + chunk;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n')) {
      const line = text.slice(0, nl);
      text = text.slice(nl + 1);
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      this.onValue(value);
    }
    this.pending = text;
    if (this.pending.length > this.maxBytes) {
      this.pending = '';
      return false;
    }
    return true;
  }
}

export function encodeMessage(message: HostMessage | SandboxEvent): string {
  return `${JSON.stringify(message)}\n`;
}
