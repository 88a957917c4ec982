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
  const problems: string[] = [];
  for (const name of req.envVars) {
    if ((deps.env[name] ?? '').trim() === '') problems.push(`environment variable ${name} is not set`);
  }
  for (const command of req.commands) {
    if (deps.which(command) === null) problems.push(`command ${command} not found on PATH`);
  }
  const path = req.configPath;
  let text: string;
  try {
    text = deps.readFile(path);
  } catch (error) {
    problems.push(`cannot read config ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return problems;
  }
  const notAnObject = `config ${path} is not a JSON object`;
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    problems.push(notAnObject);
    return problems;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    problems.push(notAnObject);
    return problems;
  }
  for (const key of req.configKeys) {
    if (!Object.hasOwn(config, key) || (config as Record<string, unknown>)[key] === null) {
      problems.push(`config ${path} is missing ${key}`);
    }
  }
  return problems;
}
