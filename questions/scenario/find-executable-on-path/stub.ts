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

export function which(cmd: string, options: WhichOptions): string | null {
  throw new Error('Not implemented: which');
}

export async function runTool(
  cmd: string,
  args: readonly string[],
  deps: WhichOptions & { run: Runner },
): Promise<RunResult> {
  throw new Error('Not implemented: runTool');
}
