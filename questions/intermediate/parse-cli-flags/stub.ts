export type OptionType = 'string' | 'number' | 'boolean';

export interface OptionSpec {
  /** Long name without dashes: 'env', 'dry-run'. */
  name: string;
  /** One character: 'e'. */
  short?: string;
  type: OptionType;
  /** Must appear on the command line (value options only). */
  required?: boolean;
  default?: string | number | boolean;
}

export interface ParserSpec {
  prog: string;
  options: OptionSpec[];
}

export type Value = string | number | boolean;

export interface ParsedArgs {
  options: Record<string, Value | undefined>;
  positionals: string[];
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export function formatUsage(spec: ParserSpec): string {
  throw new Error('Not implemented: formatUsage');
}

export function parseArgs(argv: readonly string[], spec: ParserSpec): ParsedArgs {
  throw new Error('Not implemented: parseArgs');
}
