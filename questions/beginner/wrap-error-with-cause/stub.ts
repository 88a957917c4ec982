/** The loader's own error. Pass the original error as `cause`: new ConfigError(message, { cause: error }). */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

export type ReadFile = (path: string) => string;

export function loadConfig(path: string, readFile: ReadFile): Record<string, unknown> {
  throw new Error('Not implemented: loadConfig');
}
