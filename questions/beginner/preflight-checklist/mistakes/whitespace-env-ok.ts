// Title: Treats a whitespace-only variable as set (checks for the empty string only)
// Breaks: "missing, empty or only whitespace gives"
export interface Requirements { envVars: string[]; commands: string[]; configPath: string; configKeys: string[] }
export interface Deps {
  env: Record<string, string | undefined>;
  which: (command: string) => string | null;
  readFile: (path: string) => string;
}

export function preflight(req: Requirements, deps: Deps): string[] {
  const problems: string[] = [];
  for (const name of req.envVars) {
    const value = deps.env[name];
    /*ENV*/if (value === undefined || value === '') problems.push(`environment variable ${name} is not set`);
  }
  for (const name of req.commands) {
    /*WHICH*/if (deps.which(name) === null) problems.push(`command ${name} not found on PATH`);
  }
  const path = req.configPath;
  let text: string;
  try {
    text = deps.readFile(path);
  } catch (err) {
    /*READ*/problems.push(`cannot read config ${path}: ${err instanceof Error ? err.message : String(err)}`);
    return problems;
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    problems.push(`config ${path} is not a JSON object`);
    return problems;
  }
  /*OBJ*/if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    problems.push(`config ${path} is not a JSON object`);
    return problems;
  }
  const obj = config as Record<string, unknown>;
  for (const key of req.configKeys) {
    /*KEY*/if (!Object.prototype.hasOwnProperty.call(obj, key) || obj[key] === null) problems.push(`config ${path} is missing ${key}`);
  }
  return problems;
}
