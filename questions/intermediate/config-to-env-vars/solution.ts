export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

/** A key, then any number of .key or [index] segments; an index is 0 or has no leading zero. */
const PATH = /^[^.[\]]+(?:\.[^.[\]]+|\[(?:0|[1-9][0-9]*)\])*$/;
const SEGMENT = /\.?([^.[\]]+)|\[([0-9]+)\]/g;

/** { 'db.port': 5432 } + 'billing' -> { BILLING_DB_PORT: '5432' }. */
export function toEnvVars(flat: FlatConfig, prefix: string): Record<string, string> {
  const env: Record<string, string> = {};
  const pathOf = new Map<string, string>();
  for (const [path, value] of Object.entries(flat)) {
    // Runs of other characters become one _, so at most one _ is left at either end.
    const name = `${prefix}_${path}`
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    const earlier = pathOf.get(name);
    if (earlier !== undefined) {
      throw new Error(`${JSON.stringify(earlier)} and ${JSON.stringify(path)} both map to ${name}`);
    }
    pathOf.set(name, path);
    // Like Python's json.dumps: true -> 'true', null -> 'null' (str() would give 'True' and 'None').
    env[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return env;
}

/** A fresh copy of a leaf: the only containers a FlatValue can be are an empty [] or {}. */
function leafCopy(value: FlatValue): JsonValue {
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return {};
  return value;
}

function checkNoGaps(value: JsonValue, path: string): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new Error(`${path}[${i}] is missing`);
      checkNoGaps(value[i], `${path}[${i}]`);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) checkNoGaps(inner, `${path}.${key}`);
  }
}

/** { 'db.hosts[0]': 'a', 'db.port': 5432 } -> { db: { hosts: ['a'], port: 5432 } }. */
export function unflatten(flat: FlatConfig): JsonObject {
  const root: JsonObject = {};
  for (const [path, value] of Object.entries(flat)) {
    if (!PATH.test(path)) throw new Error(`malformed path ${JSON.stringify(path)}`);
    const matches = [...path.matchAll(SEGMENT)];
    const segments = matches.map((m) => (m[2] === undefined ? m[1] : Number(m[2])));

    // Every proper prefix of this path must be a container, so none may also be a key of its own.
    let prefix = '';
    for (const m of matches.slice(0, -1)) {
      prefix += m[0];
      if (Object.hasOwn(flat, prefix)) {
        throw new Error(`${JSON.stringify(prefix)} is a value, so ${JSON.stringify(path)} cannot be below it`);
      }
    }

    let node: Record<string | number, JsonValue> = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const wantArray = typeof segments[i + 1] === 'number';
      const existing = Object.hasOwn(node, segments[i]) ? node[segments[i]] : undefined;
      if (existing === undefined) {
        const created: JsonObject | JsonValue[] = wantArray ? [] : {};
        node[segments[i]] = created;
        node = created as Record<string | number, JsonValue>;
      } else if (Array.isArray(existing) === wantArray) {
        node = existing as Record<string | number, JsonValue>;
      } else {
        throw new Error(`${path}: a node used both as an array and as an object`);
      }
    }
    node[segments[segments.length - 1]] = leafCopy(value);
  }
  for (const [key, value] of Object.entries(root)) checkNoGaps(value, key);
  return root;
}
