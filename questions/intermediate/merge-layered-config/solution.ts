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

function kindOf(value: Json): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function isObject(value: Json): value is JsonObject {
  return kindOf(value) === 'object';
}

export function parseLayer(text: string, source: string): JsonObject {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${source}: invalid JSON: ${message}`);
  }
  if (!isObject(value)) {
    throw new ConfigError(`${source}: expected an object at the top level, got ${kindOf(value)}`);
  }
  return value;
}

/** A deep copy, so the result never shares an object or array with an input. */
function clone(value: Json): Json {
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) copy[key] = clone(value[key]);
    return copy;
  }
  return value;
}

export function mergeLayers(layers: readonly Layer[]): JsonObject {
  const result: JsonObject = {};
  const origin = new Map<string, string>(); // dotted path -> source that set the current value
  const problems: string[] = [];

  /** Remembers who set `path` (and everything below it). */
  const record = (path: string, value: Json, source: string): void => {
    origin.set(path, source);
    if (isObject(value)) {
      for (const key of Object.keys(value)) record(`${path}.${key}`, value[key], source);
    }
  };

  const mergeInto = (target: JsonObject, incoming: JsonObject, prefix: string, source: string): void => {
    for (const key of Object.keys(incoming)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const next = incoming[key];
      if (!Object.hasOwn(target, key)) {
        target[key] = clone(next);
        record(path, next, source);
        continue;
      }
      const current = target[key];
      if (isObject(current) && isObject(next)) {
        mergeInto(current, next, path, source);
      } else if (current === null || next === null || kindOf(current) === kindOf(next)) {
        target[key] = clone(next); // scalars and whole arrays are replaced
        record(path, next, source);
      } else {
        problems.push(
          `type conflict at ${path}: ${kindOf(current)} in ${origin.get(path)}, ${kindOf(next)} in ${source}`,
        );
      }
    }
  };

  for (const layer of layers) mergeInto(result, layer.data, '', layer.source);
  if (problems.length > 0) throw new ConfigError(`cannot merge the config layers: ${problems.join('; ')}`);
  return result;
}
