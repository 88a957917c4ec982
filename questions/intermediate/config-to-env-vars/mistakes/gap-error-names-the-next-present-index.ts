// Title: Array-gap error names the next present index (hosts[2]) instead of the missing one (hosts[1])
// Breaks: "an array with a gap (`hosts[0]` and `hosts[2]`: message names the missing `hosts[1]`)"
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkKey(key: string): void {
  if (key === '' || /[.[\]]/.test(key) || key === '__proto__') {
    throw new Error(`key "${key}" cannot be written as a path`);
  }
}

/** Nested config -> { 'db.hosts[0]': 'a', ... }. Rejects anything JSON cannot hold. */
export function flatten(config: unknown): FlatConfig {
  if (!isPlainObject(config)) throw new TypeError('config root must be a plain object');
  const out: FlatConfig = {};
  const active = new Set<object>();

  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      out[path] = value;
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`non-finite number at ${path}`);
      out[path] = value;
      return;
    }
    if (Array.isArray(value)) {
      if (active.has(value)) throw new TypeError(`circular reference at ${path}`);
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
      if (active.has(value)) throw new TypeError(`circular reference at ${path}`);
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
    throw new TypeError(`value at ${path} cannot be represented in JSON`);
  };

  active.add(config);
  for (const key of Object.keys(config)) {
    checkKey(key);
    walk(config[key], key);
  }
  return out;
}

type Segment = { kind: 'key'; key: string } | { kind: 'index'; index: number };

const PATH_RE = /^[^.[\]]+(?:\.[^.[\]]+|\[(?:0|[1-9]\d*)\])*$/;
const SEGMENT_RE = /\.?([^.[\]]+)|\[(\d+)\]/g;

function parsePath(path: string): Segment[] {
  if (!PATH_RE.test(path)) throw new Error(`malformed path "${path}"`);
  const segments: Segment[] = [];
  for (const m of path.matchAll(SEGMENT_RE)) {
    if (m[1] !== undefined) {
      if (m[1] === '__proto__') throw new Error(`forbidden segment "__proto__" in "${path}"`);
      segments.push({ kind: 'key', key: m[1] });
    } else {
      segments.push({ kind: 'index', index: Number(m[2]) });
    }
  }
  return segments;
}

function prefixesOf(path: string): string[] {
  const result: string[] = [];
  for (let i = 1; i < path.length; i++) {
    if (path[i] === '.' || path[i] === '[') result.push(path.slice(0, i));
  }
  return result;
}

type Container = { [key: string]: unknown } | unknown[];

function copyLeaf(value: FlatValue): JsonValue {
  if (Array.isArray(value)) return [];
  if (typeof value === 'object' && value !== null) return {};
  return value;
}

function checkGaps(node: unknown, path: string): void {
  if (Array.isArray(node)) {
    const indices = Object.keys(node).map(Number).sort((a, b) => a - b);
    indices.forEach((index, position) => {
      if (index !== position) throw new Error(`array gap in "${path}" at "${path}[${index}]"`);
    });
    if (indices.length !== node.length) throw new Error(`array gap at the end of "${path}"`);
    for (const index of indices) checkGaps(node[index], `${path}[${index}]`);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, child] of Object.entries(node)) checkGaps(child, path === '' ? key : `${path}.${key}`);
  }
}

/** { 'db.hosts[0]': 'a', ... } -> nested config. */
export function unflatten(flat: FlatConfig): JsonObject {
  const paths = Object.keys(flat);
  const parsed = new Map<string, Segment[]>();
  for (const path of paths) parsed.set(path, parsePath(path));
  const all = new Set(paths);
  for (const path of paths) {
    for (const prefix of prefixesOf(path)) {
      if (all.has(prefix)) throw new Error(`"${prefix}" is a value but "${path}" gives it children`);
    }
  }

  const root: { [key: string]: unknown } = {};
  const created = new WeakSet<object>([root]);
  for (const path of paths) {
    const segments = parsed.get(path)!;
    let node: Container = root;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      const last = i === segments.length - 1;
      if ((seg.kind === 'index') !== Array.isArray(node)) {
        throw new Error(`"${path}" uses a node both as an array and as an object`);
      }
      const slot = seg.kind === 'index' ? seg.index : seg.key;
      const rec = node as Record<string | number, unknown>;
      if (last) {
        rec[slot] = copyLeaf(flat[path]);
        break;
      }
      const exists = Object.prototype.hasOwnProperty.call(node, slot);
      let next = exists ? rec[slot] : undefined;
      if (!exists) {
        next = segments[i + 1].kind === 'index' ? [] : {};
        created.add(next as object);
        rec[slot] = next;
      } else if (typeof next !== 'object' || next === null || !created.has(next)) {
        throw new Error(`"${path}" conflicts with another path`);
      }
      node = next as Container;
    }
  }
  checkGaps(root, '');
  return root as JsonObject;
}

/** Flat config -> environment variables: PREFIX_DB_HOSTS_0=a. */
export function toEnvVars(flat: FlatConfig, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const [path, value] of Object.entries(flat)) {
    const name = `${prefix}_${path}`
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    const previous = owner.get(name);
    if (previous !== undefined) {
      throw new Error(`"${previous}" and "${path}" both map to ${name}`);
    }
    owner.set(name, path);
    out[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
