import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { languageSetting } from '../core/language';
import type { Language } from '../core/model';

/** The default scratch folder's name in a trusted workspace folder, and in the home folder otherwise. */
export const WORKSPACE_SCRATCH_FOLDER = '.drills';
export const HOME_SCRATCH_FOLDER = '.interview-drills';

export type TypeErrorPolicy = 'ignore' | 'report' | 'fail';

const SECTION = 'interviewDrills';

/**
 * Settings a workspace must not choose for the user unless it is trusted (package.json
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`): a question folder runs its tests with the user's
 * rights, a scratch folder decides where the extension writes files, and a Python path is a program the extension runs.
 */
export const RESTRICTED_SETTINGS = ['extraQuestionFolders', 'scratchFolder', 'python.path'] as const;
export type RestrictedSetting = (typeof RESTRICTED_SETTINGS)[number];

function cfg(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function clamp(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Where a restricted setting's value comes from: the workspace (trusted only), the user, or nowhere. */
interface Sourced<T> {
  value: T | undefined;
  fromWorkspace: boolean;
}

/**
 * A restricted setting, read explicitly: the workspace's value only in a trusted workspace (VS Code already hides it
 * in an untrusted one; this keeps it so if that ever changes), else the user's.
 */
function restricted<T>(key: RestrictedSetting): Sourced<T> {
  const i = cfg().inspect<T>(key);
  const workspace = i?.workspaceFolderValue ?? i?.workspaceValue;
  if (workspace !== undefined && vscode.workspace.isTrusted) return { value: workspace, fromWorkspace: true };
  return { value: i?.globalValue, fromWorkspace: false };
}

/** Why a configured scratch folder is not used. */
export interface RefusedFolder {
  setting: string;
  resolved: string;
  reason: string;
}

/** The scratch folder the settings ask for: a URI, undefined for the default folder, or a refusal. */
export type ScratchFolderChoice = { uri: vscode.Uri | undefined; refused?: RefusedFolder };

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
  /**
   * The configured scratch folder. A folder set by the workspace's own settings must stay inside the workspace
   * (no `..`, no absolute path elsewhere, no symbolic link leading out); one the user set in their own settings
   * may be anywhere.
   */
  scratchFolderChoice: (): ScratchFolderChoice => {
    const s = restricted<string>('scratchFolder');
    const value = typeof s.value === 'string' ? s.value.trim() : '';
    const uri = resolveFolder(value);
    if (!uri || !s.fromWorkspace) return { uri };
    const reason = outsideWorkspace(uri);
    return reason ? { uri: undefined, refused: { setting: value, resolved: uri.fsPath, reason } } : { uri };
  },
  /** The window's language (interviewDrills.language): TypeScript unless set to python. */
  language: (): Language => languageSetting(cfg().get('language')),
  /** interviewDrills.python.path, trimmed ('' when unset); a workspace's value only once the workspace is trusted. */
  pythonPath: (): string => {
    const s = restricted<unknown>('python.path');
    return typeof s.value === 'string' ? s.value.trim() : '';
  },
  /** How much of the prompt a new scratch file's header holds. */
  scratchHeader: (): 'short' | 'full' => (cfg().get<string>('scratchHeader') === 'full' ? 'full' : 'short'),
  /** The configured scratch folder as a URI, or undefined for the default folder. */
  scratchFolder: (): vscode.Uri | undefined => config.scratchFolderChoice().uri,
  /**
   * Where scratch files go when the setting is empty: `.drills` in the first workspace folder of a trusted workspace
   * (short in the breadcrumb, beside the user's code), else `~/.interview-drills`. An untrusted workspace never gets
   * files the extension would later run, and a `.drills` that is a symbolic link leading out of the workspace is not
   * used (`refused` says why).
   */
  defaultScratchFolder: (): { uri: vscode.Uri; inWorkspace: boolean; refused?: string } => {
    const home = { uri: vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), HOME_SCRATCH_FOLDER), inWorkspace: false };
    const root = workspaceRoot();
    if (!root || root.scheme !== 'file' || !vscode.workspace.isTrusted) return home;
    const uri = vscode.Uri.joinPath(root, WORKSPACE_SCRATCH_FOLDER);
    const reason = outsideWorkspace(uri);
    return reason ? { ...home, refused: `${uri.fsPath} is not used: ${reason}` } : { uri, inWorkspace: true };
  },
  extraQuestionFolders: (): vscode.Uri[] => {
    const s = restricted<unknown>('extraQuestionFolders');
    return (Array.isArray(s.value) ? s.value : []).flatMap((f) => {
      const uri = typeof f === 'string' ? resolveFolder(f) : undefined;
      return uri ? [uri] : [];
    });
  },
};

function workspaceRoot(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function resolveFolder(setting: string): vscode.Uri | undefined {
  const value = setting.trim();
  if (value === '') return undefined;
  if (path.isAbsolute(value)) return vscode.Uri.file(value);
  const root = workspaceRoot();
  return root ? vscode.Uri.joinPath(root, value) : undefined;
}

function inside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `p`, or of its deepest existing ancestor with the rest appended (the folder may not exist yet). */
function realPath(p: string): string {
  const rest: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...rest.reverse());
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** Why `uri` is not inside one of the workspace folders (following symbolic links), or undefined when it is. */
function outsideWorkspace(uri: vscode.Uri): string | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return 'no folder is open';
  if (uri.scheme !== 'file') {
    return folders.some((f) => f.uri.scheme === uri.scheme && inside(f.uri.path, uri.path)) ? undefined : 'it is outside the workspace';
  }
  const target = path.resolve(uri.fsPath);
  const lexical = folders.filter((f) => f.uri.scheme === 'file' && inside(path.resolve(f.uri.fsPath), target));
  if (lexical.length === 0) return 'it is outside the workspace';
  const real = realPath(target);
  return lexical.some((f) => inside(realPath(f.uri.fsPath), real)) ? undefined : `a symbolic link leads out of the workspace (to ${real})`;
}

export function affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
  return e.affectsConfiguration(`${SECTION}.${key}`);
}

// ---------------------------------------------------------------------------------------------------------------
// What an untrusted workspace asked for and did not get.

/**
 * The restricted settings the workspace's own settings files set (read from the files: in an untrusted workspace VS
 * Code hides their values from extensions). Empty in a trusted workspace.
 */
export function ignoredWorkspaceSettings(): RestrictedSetting[] {
  if (vscode.workspace.isTrusted) return [];
  const files: string[] = [];
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    if (f.uri.scheme === 'file') files.push(path.join(f.uri.fsPath, '.vscode', 'settings.json'));
  }
  const wsFile = vscode.workspace.workspaceFile;
  if (wsFile?.scheme === 'file') files.push(wsFile.fsPath);
  const found = new Set<RestrictedSetting>();
  for (const file of files) {
    let settings: unknown;
    try {
      const parsed = parseJsonc(fs.readFileSync(file, 'utf8')) as unknown;
      settings = file === wsFile?.fsPath ? (parsed as { settings?: unknown } | undefined)?.settings : parsed;
    } catch {
      continue;
    }
    if (typeof settings !== 'object' || settings === null) continue;
    for (const key of RESTRICTED_SETTINGS) {
      if (Object.hasOwn(settings, `${SECTION}.${key}`)) found.add(key);
      const section = (settings as Record<string, unknown>)[SECTION];
      if (typeof section === 'object' && section !== null && Object.hasOwn(section, key)) found.add(key);
    }
  }
  return RESTRICTED_SETTINGS.filter((k) => found.has(k));
}

/** The one sentence said when an untrusted workspace's settings are ignored. */
export function ignoredSettingsNotice(keys: readonly RestrictedSetting[]): string {
  const full = keys.map((k) => `${SECTION}.${k}`);
  const names = full.length <= 2 ? full.join(' and ') : `${full.slice(0, -1).join(', ')} and ${full[full.length - 1]}`;
  const effects = [
    keys.includes('extraQuestionFolders') ? 'the drills come from the bundled pack only' : '',
    keys.includes('scratchFolder') ? `scratch files go to ${displayPath(config.defaultScratchFolder().uri)}` : '',
    keys.includes('python.path') ? 'Python is looked for without its path' : '',
  ].filter(Boolean).join(', and ');
  return `Interview Drills: this workspace is not trusted, so its ${names} ${keys.length === 1 ? 'setting is' : 'settings are'} ignored: ${effects}. ` +
    'Trust the workspace to use them; the drills reload when you do.';
}

/** The one sentence said when a workspace's scratch folder is refused. */
export function refusedScratchFolderNotice(r: RefusedFolder): string {
  return `Interview Drills: the workspace setting ${SECTION}.scratchFolder ("${r.setting}") is not used: ${r.reason}; ` +
    `a workspace may only keep scratch files inside itself (it resolves to ${r.resolved}). Scratch files go to ${displayPath(config.defaultScratchFolder().uri)}; ` +
    'choose a folder inside the workspace, e.g. "drills", or set it in your user settings.';
}

/** A folder as the user reads it in a message: the home folder as `~`. */
export function displayPath(uri: vscode.Uri): string {
  const home = os.homedir();
  const p = uri.fsPath;
  return uri.scheme === 'file' && home && (p === home || p.startsWith(home + path.sep)) ? `~${p.slice(home.length)}` : p;
}
