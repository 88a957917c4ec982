import * as vscode from 'vscode';
import { type FoundPython, findPython, formatVersion, type PythonDiscovery } from '../core/python/discovery';
import { selectedInterpreter } from '../core/python/extensionApi';
import { PythonRunner } from '../core/python/runner';
import type { CheckRequest, CheckResult } from '../core/runner';
import { config } from './config';

export const PYTHON_EXTENSION_ID = 'ms-python.python';

/** Where the Python track stands in this window. */
export type PythonState =
  | { kind: 'unknown' }
  | { kind: 'available'; python: FoundPython }
  | { kind: 'unavailable'; message: string };

/**
 * The Python track's interpreter and its warm sandbox, one per window: the interpreter is looked for once (the
 * setting interviewDrills.python.path, else the Python extension's selection, else PATH) and again when that setting
 * or the Python extension's selection changes; the warm runner is replaced when the interpreter or the limits change.
 */
export class PythonTrackService implements vscode.Disposable {
  private found: Promise<PythonDiscovery> | undefined;
  private current: PythonState = { kind: 'unknown' };
  private runner: PythonRunner | undefined;
  private runnerKey = '';
  private readonly changed = new vscode.EventEmitter<PythonState>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly harnessDir: vscode.Uri, private readonly output: vscode.LogOutputChannel) {
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('interviewDrills.python.path')) this.rediscover();
    }));
    this.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => this.rediscover()));
    void this.followPythonExtension();
  }

  get state(): PythonState {
    return this.current;
  }

  /** Looks for Python again (a setting changed); the next check uses what is found. */
  rediscover(): void {
    this.found = undefined;
    void this.discover();
  }

  /** Where the Python track stands, looking for the interpreter first when that has not been done yet. */
  async discover(): Promise<PythonState> {
    if (!this.found) {
      const setting = config.pythonPath();
      this.found = (async () => findPython({ setting, extensionInterpreter: setting ? undefined : await this.extensionInterpreter() }))();
      const mine = this.found;
      const result = await mine;
      if (this.found !== mine) return this.discover();
      this.current = result.ok ? { kind: 'available', python: result.python } : { kind: 'unavailable', message: result.message };
      if (result.ok) this.output.info(`Python track: ${result.python.executable} (Python ${formatVersion(result.python.version)}, from ${result.python.source}).`);
      else this.output.warn(`Python track unavailable: ${result.message} Tried: ${result.tried.join('; ')}.`);
      this.changed.fire(this.current);
    }
    await this.found;
    return this.current;
  }

  /** The pid of the warm Python process, when one runs (diagnostics and tests). */
  async warmPid(): Promise<number | undefined> {
    return this.runner?.warmPid();
  }

  /** Starts the warm Python process ahead of the first check. */
  warmUp(): void {
    void this.discover().then((state) => {
      if (state.kind === 'available') this.ensureRunner(state.python).warmUp();
    });
  }

  /** Checks in the warm Python sandbox; undefined (no check run) when the track is unavailable. */
  async check(request: CheckRequest): Promise<CheckResult | { unavailable: string }> {
    const state = await this.discover();
    if (state.kind !== 'available') return { unavailable: state.kind === 'unavailable' ? state.message : 'Python was not looked for yet.' };
    return this.ensureRunner(state.python).check(request);
  }

  /** Shows why the track is unavailable, with a button to the setting. */
  async showUnavailable(message: string): Promise<void> {
    const pick = await vscode.window.showErrorMessage(`Interview Drills: ${message}`, 'Open Settings');
    if (pick === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'interviewDrills.python.path');
  }

  private ensureRunner(python: FoundPython): PythonRunner {
    const memoryMb = config.memoryLimitMb();
    const timeoutMs = config.checkTimeoutMs();
    const key = JSON.stringify([python.command, python.args, memoryMb, timeoutMs]);
    if (this.runner && this.runnerKey !== key) {
      this.runner.dispose();
      this.runner = undefined;
    }
    if (!this.runner) {
      this.runner = new PythonRunner({ python, harnessDir: this.harnessDir.fsPath, memoryMb, timeoutMs });
      this.runnerKey = key;
    }
    return this.runner;
  }

  private async extensionInterpreter(): Promise<string | undefined> {
    const ext = vscode.extensions.getExtension(PYTHON_EXTENSION_ID);
    if (!ext) return undefined;
    try {
      const exports: unknown = ext.isActive ? ext.exports : await ext.activate();
      return await selectedInterpreter(exports, vscode.workspace.workspaceFolders?.[0]?.uri);
    } catch (e) {
      this.output.warn(`The Python extension's interpreter could not be read: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** When the Python extension's selected interpreter changes, and no setting overrides it, look again. */
  private async followPythonExtension(): Promise<void> {
    const ext = vscode.extensions.getExtension(PYTHON_EXTENSION_ID);
    if (!ext) return;
    try {
      const exports = (ext.isActive ? ext.exports : await ext.activate()) as { environments?: { onDidChangeActiveEnvironmentPath?: vscode.Event<unknown> } } | undefined;
      const event = exports?.environments?.onDidChangeActiveEnvironmentPath;
      if (typeof event === 'function') {
        this.subscriptions.push(event(() => {
          if (!config.pythonPath()) this.rediscover();
        }));
      }
    } catch {
      // Without its event, the selection is read at the next discovery.
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.runner?.dispose();
    this.runner = undefined;
    this.changed.dispose();
  }
}
