import * as vscode from 'vscode';
import type { Drill, Language } from '../core/model';
import {
  drillIdOfScratchFile, pythonScratchText, SCRATCH_ENV_DTS, SCRATCH_ENV_FILE, SCRATCH_TSCONFIG, SCRATCH_TSCONFIG_FILE, scratchFileName, scratchFileOf, scratchText,
} from '../core/scratch';
import { config, displayPath, type RefusedFolder, refusedScratchFolderNotice } from './config';

const MOVE = 'Move Them';
/** Set in the workspace state once the user chose to leave their files in the old default folder. */
const LEGACY_LEFT_KEY = 'interviewDrills.legacyScratchFolder.left';
/** Written into a new `.drills` folder of the workspace: git ignores the folder, the user's .gitignore is untouched. */
export const DRILLS_GITIGNORE = `# Written by Interview Drills: git ignores this folder (your drill solutions).
# Delete this file to commit them, or set interviewDrills.scratchFolder to a folder of your choice.
*
`;
const LEAVE = 'Leave Them';
const encoder = new TextEncoder();
type Say = (message: string, level: 'info' | 'warning') => void;
const decoder = new TextDecoder();

/**
 * One real, persistent TypeScript file per drill, in a short folder (`.drills` in the workspace, else
 * `~/.interview-drills`) or a folder of the user's choice, beside a tsconfig.json that makes the editor type-check
 * them strictly with no @types installed.
 */
export class ScratchFiles {
  private current: vscode.Uri;
  private refusedNow: RefusedFolder | undefined;
  private lastRefusal: string | undefined;
  /** Folders that held scratch files earlier in this session and may still have open tabs: still scratch files. */
  private readonly earlier = new Map<string, vscode.Uri>();

  /**
   * `legacy` is where versions before 0.1.0 kept scratch files (the extension's storage): its files stay scratch
   * files (their restored tabs keep working) and are offered a move (`offerLegacyMove`).
   */
  constructor(readonly legacy: vscode.Uri, private readonly state: vscode.Memento) {
    this.current = this.resolve();
    this.keepRecognising(legacy);
  }

  /** Where new scratch files go: the setting's folder (when usable), else the default folder. */
  folder(): vscode.Uri {
    return this.current;
  }

  /** The workspace's scratch folder setting when it was refused (outside the workspace), else undefined. */
  get refused(): RefusedFolder | undefined {
    return this.refusedNow;
  }

  /** The default folder: `.drills` in a trusted workspace folder, else `~/.interview-drills`. */
  get defaultFolder(): vscode.Uri {
    return config.defaultScratchFolder().uri;
  }

  /** Reads the settings again; returns the previous folder when the folder changed. */
  reread(): vscode.Uri | undefined {
    const previous = this.current;
    this.current = this.resolve();
    this.earlier.delete(key(this.current));
    return key(previous) === key(this.current) ? undefined : previous;
  }

  /** The drill's scratch file in a language: `<id>.ts`, or `<id>.py` for its Python version. */
  uriFor(drill: Drill | string, language: Language = 'typescript'): vscode.Uri {
    return vscode.Uri.joinPath(this.folder(), scratchFileName(typeof drill === 'string' ? drill : drill.id, language));
  }

  /** The drill id and language of a scratch file (`<id>.ts` or `<id>.py`), or undefined for any other document. */
  scratchOf(uri: vscode.Uri): { id: string; language: Language } | undefined {
    const parent = key(vscode.Uri.joinPath(uri, '..'));
    if (parent !== key(this.current) && !this.earlier.has(parent)) return undefined;
    return scratchFileOf(uri.path.slice(uri.path.lastIndexOf('/') + 1));
  }

  /**
   * The drill id of a scratch file, or undefined for any other document. A file in a folder the setting pointed to
   * earlier in this session still counts, so its open tab keeps its ▶, CodeLens and shortcut.
   */
  drillIdFor(uri: vscode.Uri): string | undefined {
    return this.scratchOf(uri)?.id;
  }

  /** The scratch files (by drill id) in a folder. */
  async filesIn(folder: vscode.Uri): Promise<Map<string, vscode.Uri>> {
    const out = new Map<string, vscode.Uri>();
    let entries: [string, vscode.FileType][] = [];
    // A folder that does not exist holds none (asking for its entries would log an error in the extension host).
    if (!(await exists(folder))) return out;
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return out;
    }
    for (const [name, type] of entries) {
      const id = type === vscode.FileType.File ? drillIdOfScratchFile(name) : undefined;
      if (id) out.set(id, vscode.Uri.joinPath(folder, name));
    }
    return out;
  }

  /**
   * Moves the scratch files of `from` into the current folder, and re-points their open tabs (same group, same place
   * in the file); unsaved edits are saved first. A drill that already has a file in the current folder keeps it, and
   * its old file stays where it was. Returns the drill ids moved and those left behind.
   *
   * The files are renamed on disk rather than through a WorkspaceEdit: a WorkspaceEdit rename makes the TypeScript
   * extension ask whether to "update imports" of files that import nothing.
   */
  async moveFrom(from: vscode.Uri): Promise<{ moved: string[]; left: string[] }> {
    const files = await this.filesIn(from);
    if (files.size === 0) return { moved: [], left: [] };
    await this.prepareFolder();
    const moved: string[] = [];
    const left: string[] = [];
    for (const [id, oldUri] of files) {
      const newUri = this.uriFor(id);
      if (await exists(newUri)) {
        left.push(id);
        continue;
      }
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === oldUri.toString());
      if (open?.isDirty && !(await open.save())) {
        left.push(id);
        continue;
      }
      await vscode.workspace.fs.rename(oldUri, newUri, { overwrite: false });
      moved.push(id);
      await repointTabs(oldUri, newUri);
    }
    if (left.length > 0) this.keepRecognising(from);
    else this.earlier.delete(key(from));
    return { moved, left };
  }

  /**
   * Follows a change of the scratchFolder setting (or of workspace trust): a refused workspace folder is reported
   * once; when the folder changed and the old one holds scratch files, offers to move them (open tabs follow) or
   * says where they stay (their tabs keep working). `say` shows and logs a sentence. Resolves when done.
   */
  async followSetting(say: Say): Promise<void> {
    const previous = this.reread();
    const refused = this.refusedNow;
    const defaultRefused = config.defaultScratchFolder().refused;
    const refusal = (refused || defaultRefused) && JSON.stringify([refused, defaultRefused]);
    if (refusal && refusal !== this.lastRefusal) {
      if (refused) say(refusedScratchFolderNotice(refused), 'warning');
      else if (defaultRefused && key(this.current) === key(this.defaultFolder)) say(`Interview Drills: ${defaultRefused}; scratch files go to ${displayPath(this.current)}.`, 'warning');
    }
    this.lastRefusal = refusal;
    if (!previous) return;
    // Until the files are moved (or for good, if they stay), their open tabs keep working.
    this.keepRecognising(previous);
    await this.offerMove(previous, 'scratch files now go to', say);
  }

  /**
   * Versions before 0.1.0 kept scratch files in the extension's storage, a long path in the breadcrumb. When the
   * default folder is in use and that old folder still holds scratch files, offers to move them to it (open tabs
   * follow); left there, they stay scratch files and the user is told where they are, once.
   */
  async offerLegacyMove(say: Say): Promise<void> {
    if (config.scratchFolder() || this.refusedNow || key(this.current) === key(this.legacy)) return;
    if (this.state.get<boolean>(LEGACY_LEFT_KEY) === true) return;
    const kept = await this.offerMove(this.legacy, 'scratch files now live in a shorter folder,', say);
    if (kept) await this.state.update(LEGACY_LEFT_KEY, true);
  }

  /**
   * Asks whether to move the scratch files of `from` to the current folder, moves them or says where they stay.
   * Returns true when the user chose to leave them.
   */
  private async offerMove(from: vscode.Uri, lead: string, say: Say): Promise<boolean> {
    const files = await this.filesIn(from);
    if (files.size === 0) return false;
    const to = displayPath(this.folder());
    const old = displayPath(from);
    const n = files.size === 1 ? '1 scratch file' : `${files.size} scratch files`;
    const pick = await vscode.window.showInformationMessage(
      `Interview Drills: ${lead} ${to}. Move your ${n} from ${old} there? Open tabs follow their files.`,
      MOVE, LEAVE,
    );
    if (pick === MOVE) {
      const { moved, left } = await this.moveFrom(from);
      const stayed = left.length === 0 ? '' : ` ${left.length === 1 ? '1 file stays' : `${left.length} files stay`} in ${old}, because ${to} already has ${left.length === 1 ? 'one' : 'them'} (${left.join(', ')}).`;
      say(`Interview Drills: moved ${moved.length === 1 ? '1 scratch file' : `${moved.length} scratch files`} to ${to}.${stayed}`, 'info');
      return false;
    }
    say(`Interview Drills: your ${n} ${files.size === 1 ? 'stays' : 'stay'} in ${old}; their open tabs keep working. Drills you open from now on start in ${to} (move the files there to continue them).`, 'info');
    return true;
  }

  /** Files in `folder` keep counting as scratch files for the rest of the session (their tabs keep working). */
  keepRecognising(folder: vscode.Uri): void {
    if (key(folder) !== key(this.current)) this.earlier.set(key(folder), folder);
  }

  private resolve(): vscode.Uri {
    const choice = config.scratchFolderChoice();
    this.refusedNow = choice.refused;
    return choice.uri ?? this.defaultFolder;
  }

  exists(drill: Drill, language: Language = 'typescript'): Promise<boolean> {
    return exists(this.uriFor(drill, language));
  }

  /** The text a scratch file starts with in a language (and returns to on Reset Drill). */
  startingText(drill: Drill, language: Language = 'typescript'): string {
    const options = { header: config.scratchHeader() };
    return language === 'python' ? pythonScratchText(drill, options) : scratchText(drill, options);
  }

  /** Opens the drill's scratch file, creating it from the stub only when it does not exist yet. */
  async open(drill: Drill, options: vscode.TextDocumentShowOptions = {}, language: Language = 'typescript'): Promise<vscode.TextEditor> {
    await this.prepareFolder();
    const uri = this.uriFor(drill, language);
    if (!(await this.exists(drill, language))) await vscode.workspace.fs.writeFile(uri, encoder.encode(this.startingText(drill, language)));
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false, ...options });
  }

  /** Puts the stub back, in the file and in an open editor (leaving nothing unsaved). */
  async reset(drill: Drill, language: Language = 'typescript'): Promise<void> {
    await this.prepareFolder();
    const uri = this.uriFor(drill, language);
    const text = this.startingText(drill, language);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      // Through the editor, so it shows the stub at once; saving writes the file.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
      if ((await vscode.workspace.applyEdit(edit)) && (await open.save())) return;
    }
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  }

  /** The user's current code for a drill: the editor's text (unsaved edits included), else the file, else undefined. */
  async currentText(drill: Drill, language: Language = 'typescript'): Promise<string | undefined> {
    const uri = this.uriFor(drill, language);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  /**
   * Writes tsconfig.json and the ambient globals beside the scratch files, when missing or outdated. A `.drills`
   * folder this creates in the workspace also gets a .gitignore that keeps it out of git (written once: a user who
   * deletes it to commit the solutions keeps it deleted).
   */
  async prepareFolder(): Promise<void> {
    const folder = this.folder();
    const created = !(await exists(folder));
    await vscode.workspace.fs.createDirectory(folder);
    const byDefault = config.defaultScratchFolder();
    if (created && byDefault.inWorkspace && key(folder) === key(byDefault.uri)) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.gitignore'), encoder.encode(DRILLS_GITIGNORE));
    }
    // The tsconfig is the user's to adjust once written; the ambient globals file is ours and kept current.
    await writeIfMissing(vscode.Uri.joinPath(folder, SCRATCH_TSCONFIG_FILE), SCRATCH_TSCONFIG);
    await writeIfChanged(vscode.Uri.joinPath(folder, SCRATCH_ENV_FILE), SCRATCH_ENV_DTS);
  }
}

async function writeIfChanged(uri: vscode.Uri, text: string): Promise<void> {
  try {
    if (decoder.decode(await vscode.workspace.fs.readFile(uri)) === text) return;
  } catch {
    // missing: write it
  }
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

/** Opens `to` wherever a tab showed `from` (keeping the cursor, and focus where it was), then closes those tabs. */
async function repointTabs(from: vscode.Uri, to: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === from.toString());
  if (tabs.length === 0) return;
  const selections = new Map(vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === from.toString()).map((e) => [e.viewColumn, e.selection]));
  const doc = await vscode.workspace.openTextDocument(to);
  const activeTab = vscode.window.tabGroups.activeTabGroup.activeTab;
  for (const tab of tabs) {
    const selection = selections.get(tab.group.viewColumn);
    await vscode.window.showTextDocument(doc, { viewColumn: tab.group.viewColumn, preview: false, preserveFocus: tab !== activeTab, ...(selection ? { selection } : {}) });
  }
  const stale = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === from.toString());
  await vscode.window.tabGroups.close(stale);
}

function key(folder: vscode.Uri): string {
  const p = folder.path.endsWith('/') && folder.path.length > 1 ? folder.path.slice(0, -1) : folder.path;
  return `${folder.scheme}:${p}`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function writeIfMissing(uri: vscode.Uri, text: string): Promise<void> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  }
}
