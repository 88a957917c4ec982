export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

/** Nested config -> { 'db.hosts[0]': 'a', ... }. Rejects anything JSON cannot hold. */
export function flatten(config: unknown): FlatConfig {
  throw new Error('Not implemented: flatten');
}

/** { 'db.hosts[0]': 'a', ... } -> nested config. */
export function unflatten(flat: FlatConfig): JsonObject {
  throw new Error('Not implemented: unflatten');
}

/** Flat config -> environment variables: PREFIX_DB_HOSTS_0=a. */
export function toEnvVars(flat: FlatConfig, prefix: string): Record<string, string> {
  throw new Error('Not implemented: toEnvVars');
}
