export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface Layer {
  /** Where the data came from, e.g. 'defaults', 'prod.json', 'command line'. */
  source: string;
  data: JsonObject;
}

export function parseLayer(text: string, source: string): JsonObject {
  throw new Error('Not implemented: parseLayer');
}

export function mergeLayers(layers: readonly Layer[]): JsonObject {
  throw new Error('Not implemented: mergeLayers');
}
