import { parseArgs } from 'node:util';

export const USAGE = 'usage: rotate-logs [-h] [-n] [-v] [-k N] DIR';

export interface Options {
  dir: string;
  keep: number;
  dryRun: boolean;
  verbose: boolean;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}

function parse(argv: readonly string[]): { help: true } | { help: false; options: Options } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        keep: { type: 'string', short: 'k' },
        'dry-run': { type: 'boolean', short: 'n', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true };
  if (positionals.length === 0) throw new UsageError('the following arguments are required: DIR');
  if (positionals.length > 1) throw new UsageError(`unrecognized arguments: ${positionals.slice(1).join(' ')}`);
  const keepText = values.keep ?? '7';
  if (!/^\d+$/.test(keepText) || Number(keepText) < 1) {
    throw new UsageError(`argument -k/--keep: expected a whole number of at least 1, got '${keepText}'`);
  }
  const options = { dir: positionals[0], keep: Number(keepText), dryRun: values['dry-run'] === true, verbose: values.verbose === true };
  return { help: false, options };
}

export function main(argv: readonly string[], io: Io, rotate: (options: Options) => void): number {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(USAGE);
    io.err(`rotate-logs: error: ${error.message}`);
    return 2;
  }
  if (parsed.help) {
    io.out(USAGE);
    return 0;
  }
  rotate(parsed.options);
  return 0;
}
