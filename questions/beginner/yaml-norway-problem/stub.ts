/**
 * True when `value`, written unquoted as a YAML value, might be read back as a boolean, null or number by a
 * YAML 1.1 or 1.2 loader (so it must be quoted to stay a string).
 */
export function mustQuote(value: string): boolean {
  throw new Error('Not implemented: mustQuote');
}
