export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

const KEY = /^[^.[\]]+$/;
const PATH = /^[^.[\]]+(?:\.[^.[\]]+|\[(?:0|[1-9]\d*)\])*$/;
const SEGMENT = /\.?([^.[\]]+)|\[(\d+)\]/g;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkKey(key: string, where: string): void {
  if (!KEY.test(key) || key === '__proto__') {
    throw new Error(`${where}: key ${JSON.stringify(key)} cannot be used in a flat path`);
  }
}

/** Nested config -> { 'db.hosts[0]': 'a', ... }. Rejects anything JSON cannot hold. */
export function flatten(config: unknown): FlatConfig {
  if (!isPlainObject(config)) throw new TypeError('the config must be a plain JSON object');
  const flat: FlatConfig = {};
  const ancestors = new Set<object>();

  const walk = (value: unknown, path: string): void => {
    const where = path || '(root)';
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      flat[path] = value;
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`${where}: ${value} is not a JSON number`);
      flat[path] = value;
      return;
    }
    if (Array.isArray(value) || isPlainObject(value)) {
      if (ancestors.has(value)) throw new TypeError(`${where}: circular reference`);
      ancestors.add(value);
      if (Array.isArray(value)) {
        if (value.length === 0) flat[path] = [];
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw new TypeError(`${where}[${i}]: missing array element`);
          walk(value[i], `${path}[${i}]`);
        }
      } else {
        const keys = Object.keys(value);
        if (keys.length === 0 && path !== '') flat[path] = {};
        for (const key of keys) {
          checkKey(key, where);
          walk(value[key], path === '' ? key : `${path}.${key}`);
        }
      }
      ancestors.delete(value);
      return;
    }
    const shown = typeof value === 'object' ? `a ${value.constructor?.name ?? 'non-plain object'}` : typeof value;
    throw new TypeError(`${where}: ${shown} is not a JSON value`);
  };

  walk(config, '');
  return flat;
}

/** A fresh copy of a leaf: the only containers a FlatValue can be are an empty [] or {}. */
function leafCopy(value: FlatValue): JsonValue {
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return {};
  return value;
}

function checkDense(value: JsonValue, path: string): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new Error(`${path}[${i}]: missing array index`);
      checkDense(value[i], `${path}[${i}]`);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) checkDense(inner, path ? `${path}.${key}` : key);
  }
}

/** { 'db.hosts[0]': 'a', ... } -> nested config. */
export function unflatten(flat: FlatConfig): JsonObject {
  const root: JsonObject = {};
  for (const [path, value] of Object.entries(flat)) {
    if (!PATH.test(path)) throw new Error(`invalid path ${JSON.stringify(path)}`);
    const segments: (string | number)[] = [];
    for (const m of path.matchAll(SEGMENT)) {
      if (m[2] !== undefined) segments.push(Number(m[2]));
      else {
        checkKey(m[1], path);
        segments.push(m[1]);
      }
    }
    // A path that is also the prefix of another path would need to be a leaf and a container at once.
    let prefix = '';
    for (const m of path.matchAll(SEGMENT)) {
      if (prefix !== '' && Object.prototype.hasOwnProperty.call(flat, prefix)) {
        throw new Error(`paths ${JSON.stringify(prefix)} and ${JSON.stringify(path)} conflict`);
      }
      prefix += m[0];
    }

    let node: JsonObject | JsonValue[] = root;
    segments.forEach((segment, i) => {
      const container = node as Record<string | number, JsonValue>;
      const last = i === segments.length - 1;
      if (last) {
        container[segment] = leafCopy(value);
        return;
      }
      const wantArray = typeof segments[i + 1] === 'number';
      const existing = Object.prototype.hasOwnProperty.call(container, segment) ? container[segment] : undefined;
      if (existing === undefined) {
        const created: JsonObject | JsonValue[] = wantArray ? [] : {};
        container[segment] = created;
        node = created;
      } else if (wantArray ? Array.isArray(existing) : isPlainObject(existing)) {
        node = existing as JsonObject | JsonValue[];
      } else {
        throw new Error(`${path}: conflicts with another path using ${wantArray ? 'an object' : 'an array'} here`);
      }
    });
  }
  checkDense(root, '');
  return root;
}

/** Flat config -> environment variables: PREFIX_DB_HOSTS_0=a. */
export function toEnvVars(flat: FlatConfig, prefix: string): Record<string, string> {
  const env: Record<string, string> = {};
  const source = new Map<string, string>();
  for (const [path, value] of Object.entries(flat)) {
    // Runs of other characters become one _, so at most one _ is left at either end.
    const name = `${prefix}_${path}`
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    const clash = source.get(name);
    if (clash !== undefined) {
      throw new Error(`${JSON.stringify(clash)} and ${JSON.stringify(path)} both map to ${name}`);
    }
    source.set(name, path);
    env[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return env;
}
