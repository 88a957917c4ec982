// Title: flatten treats Date, Map and class instances as plain objects
// Breaks: "`Date`, `Map`, class instances"
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKey(key: string): void {
  if (key === '' || /[.[\]]/.test(key) || key === '__proto__') {
    throw new Error(`Key "${key}" cannot be written as a flat path`);
  }
}

/** Nested config -> { 'db.hosts[0]': 'a', ... }. Rejects anything JSON cannot hold. */
export function flatten(config: unknown): FlatConfig {
  if (!isPlainObject(config)) throw new TypeError('flatten: the root must be a plain object');
  const out: FlatConfig = {};
  const active = new Set<object>();

  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      out[path] = value;
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`Cannot flatten ${String(value)} at ${path}`);
      out[path] = value;
      return;
    }
    if (Array.isArray(value)) {
      if (active.has(value)) throw new TypeError(`Circular reference at ${path}`);
      if (value.length === 0) {
        out[path] = [];
        return;
      }
      active.add(value);
      for (let i = 0; i < value.length; i++) walk(value[i], `${path}[${i}]`);
      active.delete(value);
      return;
    }
    if (isPlainObject(value)) {
      if (active.has(value)) throw new TypeError(`Circular reference at ${path}`);
      const keys = Object.keys(value);
      if (keys.length === 0) {
        out[path] = {};
        return;
      }
      active.add(value);
      for (const key of keys) {
        checkKey(key);
        walk(value[key], `${path}.${key}`);
      }
      active.delete(value);
      return;
    }
    throw new TypeError(`Cannot flatten a value of type ${typeof value} at ${path}`);
  };

  active.add(config);
  for (const key of Object.keys(config)) {
    checkKey(key);
    walk(config[key], key);
  }
  return out;
}

type Segment = string | number;

const FIRST_SEGMENT = /^[^.[\]]+/;
const NEXT_SEGMENT = /\.([^.[\]]+)|\[(0|[1-9][0-9]*)\]/y;

function parsePath(path: string): Segment[] {
  const first = FIRST_SEGMENT.exec(path);
  if (!first) throw new Error(`Malformed path "${path}"`);
  const segments: Segment[] = [first[0]];
  let pos = first[0].length;
  while (pos < path.length) {
    NEXT_SEGMENT.lastIndex = pos;
    const m = NEXT_SEGMENT.exec(path);
    if (!m) throw new Error(`Malformed path "${path}"`);
    segments.push(m[1] !== undefined ? m[1] : Number(m[2]));
    pos = NEXT_SEGMENT.lastIndex;
  }
  for (const segment of segments) {
    if (segment === '__proto__') throw new Error(`Path "${path}" contains a "__proto__" segment`);
  }
  return segments;
}

type Node =
  | { kind: 'leaf'; value: FlatValue; path: string }
  | { kind: 'object'; children: Map<string, Node>; path: string; via: string }
  | { kind: 'array'; children: Map<number, Node>; path: string; via: string };

function copyLeaf(value: FlatValue): JsonValue {
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return {};
  return value;
}

function build(node: Node): JsonValue {
  if (node.kind === 'leaf') return copyLeaf(node.value);
  if (node.kind === 'object') {
    const obj: JsonObject = {};
    for (const [key, child] of node.children) obj[key] = build(child);
    return obj;
  }
  const length = Math.max(...node.children.keys()) + 1;
  const arr: JsonValue[] = [];
  for (let i = 0; i < length; i++) {
    const child = node.children.get(i);
    if (child === undefined) throw new Error(`Array "${node.path}" has a gap: "${node.path}[${i}]" is missing`);
    arr.push(build(child));
  }
  return arr;
}

/** { 'db.hosts[0]': 'a', ... } -> nested config. */
export function unflatten(flat: FlatConfig): JsonObject {
  const root: Node = { kind: 'object', children: new Map(), path: '', via: '' };
  for (const [path, value] of Object.entries(flat)) {
    const segments = parsePath(path);
    let node: Node = root;
    let prefix = '';
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      const childPath =
        typeof segment === 'number' ? `${prefix}[${segment}]` : prefix === '' ? segment : `${prefix}.${segment}`;
      if (node.kind === 'leaf') throw new Error(`"${node.path}" is a value but "${path}" gives it children`);
      let child: Node | undefined;
      if (typeof segment === 'number') {
        if (node.kind !== 'array') {
          throw new Error(`"${prefix}" is used both as an object ("${node.via}") and as an array ("${path}")`);
        }
        child = node.children.get(segment);
      } else {
        if (node.kind !== 'object') {
          throw new Error(`"${prefix}" is used both as an array ("${node.via}") and as an object ("${path}")`);
        }
        child = node.children.get(segment);
      }
      const last = i === segments.length - 1;
      if (last) {
        if (child !== undefined) {
          const longer = child.kind === 'leaf' ? child.path : child.via;
          throw new Error(`"${path}" is a value but also has children ("${longer}")`);
        }
        child = { kind: 'leaf', value, path };
      } else if (child === undefined) {
        child =
          typeof segments[i + 1] === 'number'
            ? { kind: 'array', children: new Map(), path: childPath, via: path }
            : { kind: 'object', children: new Map(), path: childPath, via: path };
      }
      if (node.kind === 'array') node.children.set(segment as number, child);
      else node.children.set(segment as string, child);
      node = child;
      prefix = childPath;
    }
  }
  return build(root) as JsonObject;
}

function envName(prefix: string, path: string): string {
  const joined = prefix === '' ? path : `${prefix}_${path}`;
  return joined
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Flat config -> environment variables: PREFIX_DB_HOSTS_0=a. */
export function toEnvVars(flat: FlatConfig, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const source = new Map<string, string>();
  for (const [path, value] of Object.entries(flat)) {
    const name = envName(prefix, path);
    const previous = source.get(name);
    if (previous !== undefined) {
      throw new Error(`Paths "${previous}" and "${path}" both map to the variable ${name}`);
    }
    source.set(name, path);
    out[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
