// Title: Treats a value replacing an earlier null as a type conflict
// Breaks: "`null` may replace anything and anything may replace `null` (it means "no value")."
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

type Kind = 'object' | 'array' | 'null' | 'string' | 'number' | 'boolean';

function kindOf(value: Json): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Kind;
}

function isObject(value: Json): value is JsonObject {
  return kindOf(value) === 'object';
}

export function parseLayer(text: string, source: string): JsonObject {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const m = /position (\d+)/.exec(message);
    if (m) {
      const offset = Number(m[1]);
      const lines = text.slice(0, offset).split('\n');
      const line = lines.length;
      const column = lines[lines.length - 1].length + 1;
      throw new ConfigError(`${source}: invalid JSON at line ${line}, column ${column}: ${message}`);
    }
    throw new ConfigError(`${source}: invalid JSON: ${message}`);
  }
  const kind = kindOf(data);
  if (kind !== 'object') throw new ConfigError(`${source}: expected an object at the top level, got ${kind}`);
  return data as JsonObject;
}

const FORBIDDEN = '__proto__';

function setOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(value: Json): Json {
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) {
      if (key === FORBIDDEN) continue;
      setOwn(copy, key, clone(value[key]));
    }
    return copy;
  }
  return value;
}

function findForbidden(value: Json, path: string[], source: string, errors: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => findForbidden(item, [...path, String(i)], source, errors));
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    if (key === FORBIDDEN) {
      errors.push(`forbidden key "${FORBIDDEN}" at ${here.join('.')} in ${source}`);
      continue;
    }
    findForbidden(value[key], here, source, errors);
  }
}

/** Remembers which layer each value in the merged tree came from, by path. */
type Sources = Map<string, string>;

function pathKey(path: string[]): string {
  return JSON.stringify(path);
}

function markSources(value: Json, path: string[], source: string, sources: Sources): void {
  sources.set(pathKey(path), source);
  if (isObject(value)) {
    for (const key of Object.keys(value)) markSources(value[key], [...path, key], source, sources);
  }
}

function mergeInto(
  target: JsonObject,
  incoming: JsonObject,
  path: string[],
  source: string,
  sources: Sources,
  errors: string[],
): void {
  for (const key of Object.keys(incoming)) {
    if (key === FORBIDDEN) continue;
    const here = [...path, key];
    const next = incoming[key];
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      setOwn(target, key, clone(next));
      markSources(next, here, source, sources);
      continue;
    }
    const prev = target[key];
    const prevKind = kindOf(prev);
    const nextKind = kindOf(next);
    if (prevKind === 'object' && nextKind === 'object') {
      mergeInto(prev as JsonObject, next as JsonObject, here, source, sources, errors);
      continue;
    }
    if (nextKind === 'null' || prevKind === nextKind) {
      setOwn(target, key, clone(next));
      markSources(next, here, source, sources);
      continue;
    }
    const prevSource = sources.get(pathKey(here)) ?? 'unknown';
    errors.push(`type conflict at ${here.join('.')}: ${prevKind} in ${prevSource}, ${nextKind} in ${source}`);
  }
}

export function mergeLayers(layers: readonly Layer[]): JsonObject {
  const errors: string[] = [];
  const result: JsonObject = {};
  const sources: Sources = new Map();
  for (const layer of layers) {
    findForbidden(layer.data, [], layer.source, errors);
    mergeInto(result, layer.data, [], layer.source, sources, errors);
  }
  if (errors.length > 0) throw new ConfigError(errors.join('\n'));
  return result;
}
