// Title: Top-level kind uses typeof, so an array document is reported as "object"
// Breaks: "where kind is `array`, `null`, `string`, `number` or `boolean`"
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

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Kind;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

export function parseLayer(text: string, source: string): JsonObject {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    if (match) {
      const { line, column } = lineAndColumn(text, Number(match[1]));
      throw new ConfigError(`${source}: invalid JSON at line ${line}, column ${column}: ${message}`);
    }
    throw new ConfigError(`${source}: invalid JSON: ${message}`);
  }
  const kind = data === null ? 'null' : typeof data;
  if (kind !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${source}: expected an object at the top level, got ${kind}`);
  }
  return data as JsonObject;
}

const FORBIDDEN = '__proto__';

function setOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function isObject(value: Json | undefined): value is JsonObject {
  return kindOf(value) === 'object';
}

function clone(value: Json): Json {
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) {
      if (key === FORBIDDEN) continue;
      setOwn(copy, key, clone(value[key]!));
    }
    return copy;
  }
  return value;
}

function findForbidden(value: Json, path: string[], source: string, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findForbidden(item, [...path, String(index)], source, problems));
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    if (key === FORBIDDEN) {
      problems.push(`forbidden key "${FORBIDDEN}" at ${here.join('.')} in ${source}`);
      continue;
    }
    findForbidden(value[key]!, here, source, problems);
  }
}

/** Which layer last set each path (dotted). */
class Origins {
  private readonly map = new Map<string, string>();

  set(path: string, source: string): void {
    for (const known of [...this.map.keys()]) {
      if (known.startsWith(`${path}.`)) this.map.delete(known);
    }
    this.map.set(path, source);
  }

  get(path: string[]): string {
    for (let length = path.length; length > 0; length--) {
      const found = this.map.get(path.slice(0, length).join('.'));
      if (found !== undefined) return found;
    }
    return '?';
  }
}

function mergeInto(
  target: JsonObject,
  incoming: JsonObject,
  source: string,
  path: string[],
  origins: Origins,
  problems: string[],
): void {
  for (const key of Object.keys(incoming)) {
    if (key === FORBIDDEN) continue;
    const here = [...path, key];
    const dotted = here.join('.');
    const next = incoming[key]!;
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      setOwn(target, key, clone(next));
      origins.set(dotted, source);
      continue;
    }
    const previous = target[key]!;
    const oldKind = kindOf(previous);
    const newKind = kindOf(next);
    if (isObject(previous) && isObject(next)) {
      mergeInto(previous, next, source, here, origins, problems);
      continue;
    }
    if (oldKind === 'null' || newKind === 'null' || oldKind === newKind) {
      setOwn(target, key, clone(next));
      origins.set(dotted, source);
      continue;
    }
    problems.push(`type conflict at ${dotted}: ${oldKind} in ${origins.get(here)}, ${newKind} in ${source}`);
  }
}

export function mergeLayers(layers: readonly Layer[]): JsonObject {
  const result: JsonObject = {};
  const origins = new Origins();
  const problems: string[] = [];
  for (const layer of layers) {
    findForbidden(layer.data, [], layer.source, problems);
    mergeInto(result, layer.data, layer.source, [], origins, problems);
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return result;
}
