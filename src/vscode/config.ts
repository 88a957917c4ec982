import * as path from 'node:path';
import * as vscode from 'vscode';

export type TypeErrorPolicy = 'ignore' | 'report' | 'fail';

const SECTION = 'interviewDrills';

function cfg(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function clamp(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Typed access to the extension's settings. */
export const config = {
  checkTimeoutMs: (): number => clamp(cfg().get('check.timeoutSeconds'), 1, 120, 5) * 1000,
  memoryLimitMb: (): number => clamp(cfg().get('check.memoryLimitMb'), 64, 4096, 256),
  typeErrors: (): TypeErrorPolicy => {
    const v = cfg().get<string>('check.typeErrors');
    return v === 'ignore' || v === 'fail' ? v : 'report';
  },
  confirmRevealAnswer: (): boolean => cfg().get<boolean>('confirmRevealAnswer') !== false,
  openDescriptionWithDrill: (): boolean => cfg().get<boolean>('openDescriptionWithDrill') === true,
  /** How much of the prompt a new scratch file's header holds. */
  scratchHeader: (): 'short' | 'full' => (cfg().get<string>('scratchHeader') === 'full' ? 'full' : 'short'),
  /** The configured scratch folder as a URI, or undefined for the extension's storage. */
  scratchFolder: (): vscode.Uri | undefined => resolveFolder(cfg().get<string>('scratchFolder') ?? ''),
  extraQuestionFolders: (): vscode.Uri[] =>
    (cfg().get<string[]>('extraQuestionFolders') ?? []).flatMap((f) => {
      const uri = typeof f === 'string' ? resolveFolder(f) : undefined;
      return uri ? [uri] : [];
    }),
};

function resolveFolder(setting: string): vscode.Uri | undefined {
  const value = setting.trim();
  if (value === '') return undefined;
  if (path.isAbsolute(value)) return vscode.Uri.file(value);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? vscode.Uri.joinPath(root, value) : undefined;
}

export function affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
  return e.affectsConfiguration(`${SECTION}.${key}`);
}
