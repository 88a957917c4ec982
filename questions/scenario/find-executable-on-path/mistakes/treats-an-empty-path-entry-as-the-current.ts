// Title: Treats an empty PATH entry as the current directory (`./cmd`) instead of skipping it
// Breaks: "Empty entries (`a::b`, a leading or trailing `:`) are skipped, never turned into `/cmd` or a current-directory lookup."
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

function qualifies(fs: FileSystem, path: string): boolean {
  const info = fs.stat(path);
  return info !== null && info.isFile && info.executable;
}

function pathDirs(env: Env): string[] {
  const raw = env.PATH;
  if (raw === undefined || raw === '') return [];
  return [...new Set(raw.split(':').filter((dir) => dir.startsWith('/')))];
}

function joinPath(dir: string, cmd: string): string {
  return dir.endsWith('/') ? dir + cmd : `${dir}/${cmd}`;
}

export function which(cmd: string, options: WhichOptions): string | null {
  const { env, fs } = options;
  if (cmd === '') return null;
  if (cmd.includes('/')) {
    return qualifies(fs, cmd) ? cmd : null;
  }
  const raw = env.PATH;
  if (raw === undefined || raw === '') return null;
  for (const entry of new Set(raw.split(':'))) {
    if (entry !== '' && !entry.startsWith('/')) continue;
    const dir = entry === '' ? '.' : entry;
    const candidate = joinPath(dir, cmd);
    if (qualifies(fs, candidate)) return candidate;
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
    const searched = cmd.includes('/') ? [] : pathDirs(deps.env);
    const where = searched.length > 0 ? searched.join(', ') : '(no PATH directories)';
    throw new ToolNotFoundError(
      cmd,
      searched,
      `command not found: "${cmd}"; searched: ${where}`,
    );
  }
  return deps.run(resolved, args);
}
