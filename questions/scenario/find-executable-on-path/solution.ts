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

/**
 * The directories to search, in PATH order: absolute entries only (an empty or relative entry would depend on the
 * current directory), each once.
 */
function searchPath(env: Env): string[] {
  const dirs = (env.PATH ?? '').split(':').filter((dir) => dir.startsWith('/'));
  return [...new Set(dirs)];
}

function qualifies(fs: FileSystem, path: string): boolean {
  const info = fs.stat(path);
  return info !== null && info.isFile && info.executable;
}

export function which(cmd: string, options: WhichOptions): string | null {
  const { env, fs } = options;
  if (cmd === '') return null;
  if (cmd.includes('/')) return qualifies(fs, cmd) ? cmd : null;
  for (const dir of searchPath(env)) {
    const candidate = dir.endsWith('/') ? dir + cmd : `${dir}/${cmd}`;
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
    if (cmd.includes('/')) {
      throw new ToolNotFoundError(cmd, [], `"${cmd}" is not an executable file.`);
    }
    const searched = searchPath(deps.env);
    throw new ToolNotFoundError(
      cmd,
      searched,
      `"${cmd}" was not found on PATH (${searched.length} directories searched: ${searched.join(', ')}). ` +
        'Install it in this environment or use an absolute path.',
    );
  }
  return deps.run(resolved, args);
}
