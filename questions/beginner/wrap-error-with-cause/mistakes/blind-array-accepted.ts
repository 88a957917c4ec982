// Title: Accepts a JSON array as an object (typeof check only)
// Breaks: "The parsed value is not an object (it is `null`, an array, ...)"
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
    if (err instanceof Error && (err as { code?: unknown }).code === "ENOENT") throw new ConfigError(`${path}: file not found`, { cause: err });
    throw err;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON`, { cause: err });
  }
  if (typeof value !== "object" || value === null) throw new ConfigError(`${path}: expected a JSON object`);
  return value as Record<string, unknown>;
}
