// Title: The unknown-option error quotes the whole argument, including =value
// Breaks: "unknown option --verbos` (name it as the user typed it, without any `=value`)"
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

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function metavar(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

export function formatUsage(spec: ParserSpec): string {
  const parts = [`usage: ${spec.prog}`];
  for (const option of spec.options) {
    let text = `--${option.name}`;
    if (option.type !== 'boolean') text += ` ${metavar(option.name)}`;
    parts.push(option.required ? text : `[${text}]`);
  }
  parts.push('[ARG ...]');
  return parts.join(' ');
}

function splitLong(arg: string): { name: string; inline: string | undefined } {
  const eq = arg.indexOf('=');
  if (eq < 0) return { name: arg.slice(2), inline: undefined };
  return { name: arg.slice(2, eq), inline: arg.slice(eq + 1) };
}

export function parseArgs(argv: readonly string[], spec: ParserSpec): ParsedArgs {
  const usage = formatUsage(spec);
  const fail = (message: string): UsageError => new UsageError(message, usage);
  const byLong = new Map<string, OptionSpec>();
  const byShort = new Map<string, OptionSpec>();
  for (const option of spec.options) {
    byLong.set(option.name, option);
    if (option.short !== undefined) byShort.set(option.short, option);
  }

  const given = new Map<string, Value>();
  const positionals: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i++]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }

    let option: OptionSpec | undefined;
    let inline: string | undefined;
    let typed: string;
    if (arg.startsWith('--')) {
      const split = splitLong(arg);
      typed = arg;
      inline = split.inline;
      option = byLong.get(split.name);
    } else {
      typed = arg;
      option = arg.length === 2 ? byShort.get(arg[1]!) : undefined;
    }
    if (!option) throw fail(`unknown option ${typed}`);

    const flag = `--${option.name}`;
    if (option.type === 'boolean') {
      if (inline !== undefined) throw fail(`option ${flag} does not take a value`);
      given.set(option.name, true);
      continue;
    }

    let raw: string;
    if (inline !== undefined) {
      raw = inline;
    } else {
      const following = argv[i];
      if (following === undefined || (following.startsWith('-') && following !== '-')) {
        throw fail(`option ${flag} needs a value`);
      }
      raw = following;
      i++;
    }

    if (option.type === 'number') {
      if (!DECIMAL.test(raw)) throw fail(`option ${flag}: expected a number, got "${raw}"`);
      given.set(option.name, Number(raw));
    } else {
      given.set(option.name, raw);
    }
  }

  const missing = spec.options.filter((option) => option.required && !given.has(option.name)).map((option) => `--${option.name}`);
  if (missing.length === 1) throw fail(`missing required option: ${missing[0]}`);
  if (missing.length > 1) throw fail(`missing required options: ${missing.join(', ')}`);

  const options: Record<string, Value | undefined> = {};
  for (const option of spec.options) {
    if (given.has(option.name)) options[option.name] = given.get(option.name);
    else if (option.default !== undefined) options[option.name] = option.default;
    else options[option.name] = option.type === 'boolean' ? false : undefined;
  }
  return { options, positionals };
}
