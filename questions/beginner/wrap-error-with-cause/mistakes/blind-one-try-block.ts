// Title: One try around read and parse: a non-object check error or ENOENT-less read error is reported as invalid JSON
// Breaks: "Anything else `readFile` throws ... is rethrown unchanged"
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}
export type ReadFile = (path: string) => string;
export function loadConfig(path: string, readFile: ReadFile): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFile(path));
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${path}: expected a JSON object`);
    return value as Record<string, unknown>;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    if (err instanceof Error && (err as { code?: unknown }).code === "ENOENT") throw new ConfigError(`${path}: file not found`, { cause: err });
    throw new ConfigError(`${path}: not valid JSON`, { cause: err });
  }
}
