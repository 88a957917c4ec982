import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InterviewDrillsApi } from '../../../src/extension';

export const EXTENSION_ID = 'interview-drills.interview-drills';
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export async function api(): Promise<InterviewDrillsApi> {
  const ext = vscode.extensions.getExtension<InterviewDrillsApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Replaces a modal/notification answer for the duration of `fn`, recording what was asked. */
export async function answering<T>(
  method: 'showWarningMessage' | 'showInformationMessage' | 'showQuickPick',
  answer: unknown,
  fn: () => PromiseLike<T>,
): Promise<{ result: T; asked: string[] }> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[method];
  const asked: string[] = [];
  window[method] = (message: unknown) => {
    asked.push(String(message));
    return Promise.resolve(answer);
  };
  try {
    return { result: await fn(), asked };
  } finally {
    window[method] = original;
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Replaces the whole text of an editor without saving it. */
export async function typeInto(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const ok = await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), text));
  if (!ok) throw new Error('edit was not applied');
}

/** One action in the visible webview (see webviewProbe in scripts/run-integration.mjs). */
export type WebviewStep =
  | { count: string }
  | { attrs: string; name: string }
  | { focus: string }
  | { click: string }
  | { press: string }
  | { active: string }
  | { visible: string }
  | { style: string; prop: string }
  | { text: string };

let probes = 0;

/** Whether the runner can act in webviews for the tests (code-server + Chromium: `npm run test:integration`). */
export function webviewProbeAvailable(): boolean {
  return process.env.DRILLS_WEBVIEW_PROBE === '1';
}

/**
 * Runs `steps` in the visible webview's page with real focus and key presses, through the test runner's browser
 * (the extension host cannot reach a webview's DOM). Resolves to one result per step.
 */
export async function inWebview(steps: WebviewStep[], timeoutMs = 30_000): Promise<unknown[]> {
  if (!webviewProbeAvailable()) throw new Error('no webview probe: run the suite with `npm run test:integration`');
  const reply = path.join(os.tmpdir(), `drills-webview-probe-${process.pid}-${++probes}.json`);
  fs.rmSync(reply, { force: true });
  console.log(`DRILLS_WEBVIEW_PROBE ${JSON.stringify({ reply, steps })}`);
  const text = await waitFor('the webview probe to answer', () => (fs.existsSync(reply) ? fs.readFileSync(reply, 'utf8') : undefined), timeoutMs);
  fs.rmSync(reply, { force: true });
  const answer = JSON.parse(text) as { results?: unknown[]; error?: string };
  if (answer.error !== undefined) throw new Error(`in the webview: ${answer.error}`);
  return answer.results!;
}
