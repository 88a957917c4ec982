/** The loader's own error. Pass the original error as `cause`: new ConfigError(message, { cause: error }). */
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
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === 'ENOENT') {
      throw new ConfigError(`${path}: file not found`, { cause: error });
    }
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${path}: expected a JSON object`);
  }
  return value as Record<string, unknown>;
}
