// Title: Refuses a lone "-" as the value of an option
// Breaks: "or followed by an argument that starts with `-` (other than a lone `-`), is an error"
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

const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

function metavar(option: OptionSpec): string {
  return option.name.toUpperCase().replace(/-/g, '_');
}

export function formatUsage(spec: ParserSpec): string {
  const parts = [`usage: ${spec.prog}`];
  for (const option of spec.options) {
    let text = `--${option.name}`;
    if (option.type !== 'boolean') text += ` ${metavar(option)}`;
    parts.push(option.required ? text : `[${text}]`);
  }
  parts.push('[ARG ...]');
  return parts.join(' ');
}

export function parseArgs(argv: readonly string[], spec: ParserSpec): ParsedArgs {
  const usage = formatUsage(spec);
  const fail = (message: string): UsageError => new UsageError(message, usage);
  const given = new Map<string, Value>();
  const positionals: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }

    const eq = arg.indexOf('=');
    const typed = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    let option: OptionSpec | undefined;
    if (typed.startsWith('--')) {
      const name = typed.slice(2);
      option = spec.options.find((o) => o.name === name);
    } else if (typed.length === 2) {
      option = spec.options.find((o) => o.short !== undefined && o.short === typed[1]);
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
      const following = argv[i + 1];
      if (following === undefined || following.startsWith('-')) {
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

  const missing = spec.options.filter((o) => o.required && !given.has(o.name)).map((o) => `--${o.name}`);
  if (missing.length === 1) throw fail(`missing required option: ${missing[0]}`);
  if (missing.length > 1) throw fail(`missing required options: ${missing.join(', ')}`);

  const options: Record<string, Value | undefined> = {};
  for (const option of spec.options) {
    let value: Value | undefined;
    if (given.has(option.name)) value = given.get(option.name);
    else if (option.default !== undefined) value = option.default;
    else value = option.type === 'boolean' ? false : undefined;
    options[option.name] = value;
  }
  return { options, positionals };
}
