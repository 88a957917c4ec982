export type JsonPrimitive = string | number | boolean | null;
/** A leaf of the flat form: a primitive, or an empty array / object. */
export type FlatValue = JsonPrimitive | [] | Record<string, never>;
export type FlatConfig = Record<string, FlatValue>;

/** Nested config -> { 'db.hosts[0]': 'a', ... }. Rejects anything JSON cannot hold. */
export function flatten(config: unknown): FlatConfig {
  throw new Error('Not implemented: flatten');
}
