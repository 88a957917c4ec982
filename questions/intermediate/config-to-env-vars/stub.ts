export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

/** { 'db.port': 5432 } + 'billing' -> { BILLING_DB_PORT: '5432' }. */
export function toEnvVars(flat: FlatConfig, prefix: string): Record<string, string> {
  throw new Error('Not implemented: toEnvVars');
}

/** { 'db.hosts[0]': 'a', 'db.port': 5432 } -> { db: { hosts: ['a'], port: 5432 } }. */
export function unflatten(flat: FlatConfig): JsonObject {
  throw new Error('Not implemented: unflatten');
}
