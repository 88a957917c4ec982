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
