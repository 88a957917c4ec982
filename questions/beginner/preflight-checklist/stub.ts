export interface Requirements {
  envVars: string[];
  commands: string[];
  configPath: string;
  configKeys: string[];
}

export interface Deps {
  /** Like os.environ. */
  env: Record<string, string | undefined>;
  /** Like shutil.which: the full path of the command, or null. */
  which: (command: string) => string | null;
  /** Throws when the file cannot be read. */
  readFile: (path: string) => string;
}

export function preflight(req: Requirements, deps: Deps): string[] {
  throw new Error('Not implemented: preflight');
}
