// Title: Checks DIR before --help, so `-h` alone is a usage error
// Breaks: "with `--help` or `-h` ... return `0` without calling `rotate`, whatever `DIR` and `--keep` are."
import { parseArgs } from 'node:util';

export const USAGE = 'usage: rotate-logs [-h] [-n] [-v] [-k N] DIR';

export interface Options { dir: string; keep: number; dryRun: boolean; verbose: boolean }
export interface Io { out(line: string): void; err(line: string): void }

function fail(io: Io, what: string): number {
  io.err(USAGE);
  io.err(`rotate-logs: error: ${what}`);
  return 2;
}

export function main(argv: readonly string[], io: Io, rotate: (options: Options) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        keep: { type: 'string', short: 'k', default: '7' },
        'dry-run': { type: 'boolean', short: 'n', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return fail(io, err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  /*POS*/if (positionals.length !== 1) return fail(io, positionals.length === 0 ? 'the following arguments are required: DIR' : `unrecognized arguments: ${positionals.slice(1).join(' ')}`);
  /*HELP*/if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const keepText = String(values.keep);
  /*KEEP*/if (!/^[0-9]+$/.test(keepText) || Number(keepText) < 1) return fail(io, `argument -k/--keep: invalid value: '${keepText}'`);
  /*CALL*/rotate({ dir: positionals[0], keep: Number(keepText), dryRun: Boolean(values['dry-run']), verbose: Boolean(values.verbose) });
  return 0;
}
