// Finding the Python that runs the Python track: the setting `interviewDrills.python.path` when it is set (an
// explicit choice is never silently replaced), else the interpreter the Python extension has selected, else
// `python3`, `python` and (Windows) `py -3` on PATH. Each candidate is asked for its version by running it; the
// first at MIN_PYTHON or newer wins. Nothing is found: the track is unavailable with a message saying what to
// install or set. Pure apart from the default prober, so tests inject PATH and the prober.
import { execFile } from 'node:child_process';

export const MIN_PYTHON: readonly [number, number] = [3, 9];

export type PythonSource = 'setting' | 'python-extension' | 'path';

export interface PythonCommand {
  command: string;
  args: string[];
  source: PythonSource;
}

export interface FoundPython extends PythonCommand {
  version: [number, number, number];
  /** sys.executable as the interpreter reports it. */
  executable: string;
}

export type PythonDiscovery =
  | { ok: true; python: FoundPython; tried: string[] }
  | { ok: false; message: string; tried: string[] };

export type ProbeResult = { version: [number, number, number]; executable: string } | { error: string };

/** Runs `command args -c <script>` and reports the interpreter's version, or why it could not. */
export type Prober = (command: string, args: readonly string[], env: NodeJS.ProcessEnv) => Promise<ProbeResult>;

export interface DiscoveryInput {
  /** interviewDrills.python.path (empty: not set). */
  setting?: string;
  /** How messages name the setting (default interviewDrills.python.path; the CLI's is DRILLS_PYTHON). */
  settingName?: string;
  /** The interpreter the Python extension has selected, when it is installed and has one. */
  extensionInterpreter?: string;
  platform?: NodeJS.Platform;
  /** The environment whose PATH is searched (default process.env). */
  env?: NodeJS.ProcessEnv;
  probe?: Prober;
}

const PROBE_SCRIPT = 'import sys, json; sys.stdout.write(json.dumps([list(sys.version_info[:3]), sys.executable]))';

export const defaultProber: Prober = (command, args, env) =>
  new Promise((resolve) => {
    execFile(command, [...args, '-I', '-c', PROBE_SCRIPT], { env, timeout: 15000, windowsHide: true, maxBuffer: 64 * 1024 }, (error, stdout) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        resolve({ error: code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not executable' : error.message.split('\n')[0]! });
        return;
      }
      try {
        const [version, executable] = JSON.parse(stdout) as [[number, number, number], string];
        if (Array.isArray(version) && version.length === 3 && typeof executable === 'string') resolve({ version, executable });
        else resolve({ error: 'it did not report a version' });
      } catch {
        resolve({ error: 'it did not report a version' });
      }
    });
  });

export function formatVersion(v: readonly number[]): string {
  return v.join('.');
}

function atLeast(v: readonly number[], min: readonly number[]): boolean {
  return v[0]! > min[0]! || (v[0] === min[0] && v[1]! >= min[1]!);
}

function label(c: PythonCommand): string {
  return [c.command, ...c.args].join(' ');
}

/** The candidates, in the order they are tried. */
export function pythonCandidates(input: Pick<DiscoveryInput, 'setting' | 'extensionInterpreter' | 'platform'>): PythonCommand[] {
  const setting = input.setting?.trim();
  if (setting) return [{ command: setting, args: [], source: 'setting' }];
  const list: PythonCommand[] = [];
  if (input.extensionInterpreter) list.push({ command: input.extensionInterpreter, args: [], source: 'python-extension' });
  list.push({ command: 'python3', args: [], source: 'path' }, { command: 'python', args: [], source: 'path' });
  if ((input.platform ?? process.platform) === 'win32') list.push({ command: 'py', args: ['-3'], source: 'path' });
  return list;
}

export async function findPython(input: DiscoveryInput = {}): Promise<PythonDiscovery> {
  const probe = input.probe ?? defaultProber;
  const env = input.env ?? process.env;
  const tried: string[] = [];
  const tooOld: string[] = [];
  for (const candidate of pythonCandidates(input)) {
    const result = await probe(candidate.command, candidate.args, env);
    if ('error' in result) {
      tried.push(`${label(candidate)}: ${result.error}`);
      continue;
    }
    if (!atLeast(result.version, MIN_PYTHON)) {
      tried.push(`${label(candidate)}: Python ${formatVersion(result.version)}, too old`);
      tooOld.push(`${label(candidate)} is Python ${formatVersion(result.version)}`);
      continue;
    }
    return { ok: true, python: { ...candidate, version: result.version, executable: result.executable }, tried };
  }
  const need = `Python ${formatVersion(MIN_PYTHON)} or newer`;
  const settingName = input.settingName ?? 'interviewDrills.python.path';
  if (input.setting?.trim()) {
    const why = tried[0]?.slice(label({ command: input.setting.trim(), args: [], source: 'setting' }).length + 2) ?? 'unusable';
    return {
      ok: false,
      tried,
      message: `The Python track needs ${need}, but ${settingName} (${input.setting.trim()}) is ${why === 'not found' ? 'not found' : why}. Point the setting at a python3 executable of ${formatVersion(MIN_PYTHON)} or newer, or clear it to use python3 from PATH.`,
    };
  }
  if (tooOld.length > 0) {
    return { ok: false, tried, message: `The Python track needs ${need}, but ${tooOld.join(' and ')}. Install a newer Python (python.org, or your package manager's python3) or set ${settingName} to one.` };
  }
  return {
    ok: false,
    tried,
    message: `The Python track needs ${need}, and none was found (tried ${tried.map((t) => t.split(':')[0]).join(', ')} on PATH). Install Python 3 (python.org, or your package manager's python3) or set ${settingName}.`,
  };
}
