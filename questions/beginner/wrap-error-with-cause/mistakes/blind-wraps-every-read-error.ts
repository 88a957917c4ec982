// Title: Wraps every read failure as file not found, not only ENOENT
// Breaks: "Anything else `readFile` throws (another `code`, an `Error` without one, a value that is not an `Error`) is rethrown unchanged"
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}
export type ReadFile = (path: string) => string;
export function loadConfig(path: string, readFile: ReadFile): Record<string, unknown> {
  let text: string;
  try {
    text = readFile(path);
  } catch (err) {
    throw new ConfigError(`${path}: file not found`, { cause: err });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON`, { cause: err });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${path}: expected a JSON object`);
  return value as Record<string, unknown>;
}
