// Title: Joins directory and command with a slash even when the entry already ends in `/`
// Breaks: "Join with exactly one `/` (an entry may already end in `/`)."
export type Env = Readonly<Record<string, string | undefined>>;

export interface FileInfo {
  isFile: boolean;
  executable: boolean;
}

export interface FileSystem {
  /** Information about the path, or null if nothing exists there. */
  stat(path: string): FileInfo | null;
}

export interface WhichOptions {
  env: Env;
  fs: FileSystem;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type Runner = (file: string, args: readonly string[]) => Promise<RunResult>;

export class ToolNotFoundError extends Error {
  constructor(readonly command: string, readonly searched: readonly string[], message: string) {
    super(message);
    this.name = 'ToolNotFoundError';
  }
}

function isRunnable(fs: FileSystem, path: string): boolean {
  const info = fs.stat(path);
  return info !== null && info.isFile && info.executable;
}

function pathDirectories(env: Env): string[] {
  const raw = env.PATH;
  if (raw === undefined || raw === '') {
    return [];
  }
  return [...new Set(raw.split(':').filter((entry) => entry.startsWith('/')))];
}

function joinPath(dir: string, cmd: string): string {
  return `${dir}/${cmd}`;
}

export function which(cmd: string, options: WhichOptions): string | null {
  const { env, fs } = options;
  if (cmd === '') {
    return null;
  }
  if (cmd.includes('/')) {
    return isRunnable(fs, cmd) ? cmd : null;
  }
  for (const dir of pathDirectories(env)) {
    const candidate = joinPath(dir, cmd);
    if (isRunnable(fs, candidate)) {
      return candidate;
    }
  }
  return null;
}

export async function runTool(
  cmd: string,
  args: readonly string[],
  deps: WhichOptions & { run: Runner },
): Promise<RunResult> {
  const resolved = which(cmd, deps);
  if (resolved === null) {
    const searched = cmd.includes('/') ? [] : pathDirectories(deps.env);
    const where = searched.length > 0 ? `searched PATH: ${searched.join(', ')}` : 'PATH was not searched or is empty';
    throw new ToolNotFoundError(cmd, searched, `command not found: "${cmd}" (${where})`);
  }
  return deps.run(resolved, args);
}
