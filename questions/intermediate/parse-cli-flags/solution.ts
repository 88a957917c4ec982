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
  const parts = spec.options.map((option) => {
    const text = option.type === 'boolean'
      ? `--${option.name}`
      : `--${option.name} ${option.name.toUpperCase().replace(/-/g, '_')}`;
    return option.required ? text : `[${text}]`;
  });
  return [`usage: ${spec.prog}`, ...parts, '[ARG ...]'].join(' ');
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function parseArgs(argv: readonly string[], spec: ParserSpec): ParsedArgs {
  const fail = (message: string): never => {
    throw new UsageError(message, formatUsage(spec));
  };
  const byLong = new Map(spec.options.map((o) => [o.name, o] as const));
  const byShort = new Map(spec.options.filter((o) => o.short !== undefined).map((o) => [o.short, o] as const));

  const given = new Map<string, Value>();
  const positionals: string[] = [];
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true; // everything after a lone '--' is positional
      continue;
    }

    let option: OptionSpec | undefined;
    let inline: string | undefined;
    let shown: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('='); // the first '=' only: values may contain '='
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
      shown = `--${name}`;
      option = byLong.get(name);
    } else {
      shown = arg;
      option = arg.length === 2 ? byShort.get(arg[1]) : undefined;
    }
    if (!option) return fail(`unknown option ${shown}`);

    if (option.type === 'boolean') {
      if (inline !== undefined) fail(`option --${option.name} does not take a value`);
      given.set(option.name, true);
      continue;
    }

    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) fail(`option --${option.name} needs a value`);
      raw = next;
      i++;
    }
    if (option.type === 'number') {
      if (!NUMBER.test(raw)) fail(`option --${option.name}: expected a number, got "${raw}"`);
      given.set(option.name, Number(raw));
    } else {
      given.set(option.name, raw);
    }
  }

  const missing = spec.options.filter((o) => o.required && !given.has(o.name)).map((o) => `--${o.name}`);
  if (missing.length === 1) fail(`missing required option: ${missing[0]}`);
  if (missing.length > 1) fail(`missing required options: ${missing.join(', ')}`);

  const options: Record<string, Value | undefined> = {};
  for (const option of spec.options) {
    // `has`, not truthiness: an explicit 0, '' or false must beat the default.
    options[option.name] = given.has(option.name)
      ? given.get(option.name)
      : option.default ?? (option.type === 'boolean' ? false : undefined);
  }
  return { options, positionals };
}
