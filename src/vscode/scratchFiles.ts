import * as vscode from 'vscode';
import type { Drill } from '../core/model';
import {
  drillIdOfScratchFile, SCRATCH_ENV_DTS, SCRATCH_ENV_FILE, SCRATCH_TSCONFIG, SCRATCH_TSCONFIG_FILE, scratchFileName, scratchText,
} from '../core/scratch';
import { config } from './config';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * One real, persistent TypeScript file per drill, in the extension's storage or a folder of the user's choice,
 * beside a tsconfig.json that makes the editor type-check them strictly with no @types installed.
 */
export class ScratchFiles {
  constructor(private readonly storage: vscode.Uri) {}

  folder(): vscode.Uri {
    return config.scratchFolder() ?? vscode.Uri.joinPath(this.storage, 'scratch');
  }

  uriFor(drill: Drill | string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder(), scratchFileName(typeof drill === 'string' ? drill : drill.id));
  }

  /** The drill id of a scratch file, or undefined for any other document. */
  drillIdFor(uri: vscode.Uri): string | undefined {
    const folder = this.folder();
    const parent = vscode.Uri.joinPath(uri, '..');
    if (parent.scheme !== folder.scheme || trimSlash(parent.path) !== trimSlash(folder.path)) return undefined;
    return drillIdOfScratchFile(uri.path.slice(uri.path.lastIndexOf('/') + 1));
  }

  async exists(drill: Drill): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(this.uriFor(drill));
      return true;
    } catch {
      return false;
    }
  }

  /** Opens the drill's scratch file, creating it from the stub only when it does not exist yet. */
  async open(drill: Drill, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
    await this.prepareFolder();
    const uri = this.uriFor(drill);
    if (!(await this.exists(drill))) await vscode.workspace.fs.writeFile(uri, encoder.encode(scratchText(drill, { header: config.scratchHeader() })));
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false, ...options });
  }

  /** Puts the stub back, in the file and in an open editor (leaving nothing unsaved). */
  async reset(drill: Drill): Promise<void> {
    await this.prepareFolder();
    const uri = this.uriFor(drill);
    const text = scratchText(drill, { header: config.scratchHeader() });
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
  async currentText(drill: Drill): Promise<string | undefined> {
    const uri = this.uriFor(drill);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  /** Writes tsconfig.json and the ambient globals beside the scratch files, when missing or outdated. */
  async prepareFolder(): Promise<void> {
    const folder = this.folder();
    await vscode.workspace.fs.createDirectory(folder);
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

function trimSlash(p: string): string {
  return p.endsWith('/') ? p.slice(0, -1) : p;
}

async function writeIfMissing(uri: vscode.Uri, text: string): Promise<void> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  }
}
