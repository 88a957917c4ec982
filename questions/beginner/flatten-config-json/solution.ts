export type JsonPrimitive = string | number | boolean | null;
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

/** A key that can be written in a path: not empty, no separator characters. */
const KEY = /^[^.[\]]+$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Nested config -> { 'db.hosts[0]': 'a', ... }. Rejects anything JSON cannot hold. */
export function flatten(config: unknown): FlatConfig {
  if (!isPlainObject(config)) throw new TypeError('the config must be a plain JSON object');
  const flat: FlatConfig = {};

  const walk = (value: unknown, path: string): void => {
    // null first: typeof null is 'object'.
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      flat[path] = value;
    } else if (typeof value === 'number') {
      // Python's json.dumps would write NaN and Infinity unless allow_nan=False; they are not JSON.
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not a JSON number`);
      flat[path] = value;
    } else if (Array.isArray(value)) {
      if (value.length === 0) flat[path] = [];
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0 && path !== '') flat[path] = {};
      for (const key of keys) {
        if (!KEY.test(key)) {
          throw new Error(`key ${JSON.stringify(key)} cannot be written in a flat path`);
        }
        walk(value[key], path === '' ? key : `${path}.${key}`);
      }
    } else {
      throw new TypeError(`${path}: not a JSON value`);
    }
  };

  walk(config, '');
  return flat;
}
