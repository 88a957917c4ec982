// Title: Loses the SyntaxError: the JSON failure has no cause
// Breaks: "throw a `ConfigError` with the message `<path>: not valid JSON` and that error as its `cause`"
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
  } catch {
    throw new ConfigError(`${path}: not valid JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${path}: expected a JSON object`);
  return value as Record<string, unknown>;
}
