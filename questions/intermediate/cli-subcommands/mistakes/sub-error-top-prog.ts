// Title: Reports every usage error with the top-level prog and usage
// Breaks: "otherwise the subcommand's (`fleet deploy`, `USAGE.deploy`)"
import { parseArgs } from 'node:util';

export const USAGE = {
  fleet: 'usage: fleet [-h] {deploy,rollback,status} ...',
  deploy: 'usage: fleet deploy [-h] -e ENV -i IMAGE [-n]',
  rollback: 'usage: fleet rollback [-h] -e ENV [--to REVISION]',
  status: 'usage: fleet status [-h] [-e ENV] [--json]',
};

export interface DeployOptions { env: string; image: string; dryRun: boolean }
export interface RollbackOptions { env: string; to: number | null }
export interface StatusOptions { env: string | null; json: boolean }
export interface Handlers {
  deploy(options: DeployOptions): number;
  rollback(options: RollbackOptions): number;
  status(options: StatusOptions): number;
}
export interface Io { out(line: string): void; err(line: string): void }

type Sub = 'deploy' | 'rollback' | 'status';
const SUBS: readonly Sub[] = ['deploy', 'rollback', 'status'];

function usageError(io: Io, sub: Sub | null, what: string): number {
  io.err(sub === null ? USAGE.fleet : USAGE.fleet);
  io.err(`fleet: error: ${what}`);
  return 2;
}

const OPTIONS = {
  deploy: { help: { type: 'boolean', short: 'h' }, env: { type: 'string', short: 'e' }, image: { type: 'string', short: 'i' }, 'dry-run': { type: 'boolean', short: 'n' } },
  rollback: { help: { type: 'boolean', short: 'h' }, env: { type: 'string', short: 'e' }, to: { type: 'string' } },
  status: { help: { type: 'boolean', short: 'h' }, env: { type: 'string', short: 'e' }, json: { type: 'boolean' } },
} as const;

export function main(argv: readonly string[], handlers: Handlers, io: Io): number {
  const first = argv[0];
  /*TOPHELP*/if (first === '-h' || first === '--help') {
    io.out(USAGE.fleet);
    return 0;
  }
  if (first === undefined) return usageError(io, null, 'the following arguments are required: command');
  /*SUBS*/if (!(SUBS as readonly string[]).includes(first)) return usageError(io, null, `invalid choice: '${first}'`);
  const sub = first as Sub;
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({ args: argv.slice(1), options: OPTIONS[sub], strict: true, /*POS*/allowPositionals: false });
    values = parsed.values as Record<string, string | boolean | undefined>;
  } catch (err) {
    return usageError(io, sub, err instanceof Error ? err.message : String(err));
  }
  if (values.help === true) {
    io.out(USAGE[sub]);
    return 0;
  }
  const env = typeof values.env === 'string' ? values.env : undefined;
  if (sub === 'deploy') {
    const image = typeof values.image === 'string' ? values.image : undefined;
    /*REQ*/if (env === undefined || image === undefined) return usageError(io, sub, 'the following arguments are required: -e/--env, -i/--image');
    /*EMPTY*/if (env === '' || image === '') return usageError(io, sub, 'ENV and IMAGE must not be empty');
    return handlers.deploy({ env, image, dryRun: values['dry-run'] === true });
  }
  if (sub === 'rollback') {
    if (env === undefined) return usageError(io, sub, 'the following arguments are required: -e/--env');
    if (env === '') return usageError(io, sub, 'ENV must not be empty');
    let to: number | null = null;
    if (typeof values.to === 'string') {
      /*REV*/if (!/^[0-9]+$/.test(values.to) || Number(values.to) < 1) return usageError(io, sub, `argument --to: invalid value: '${values.to}'`);
      to = Number(values.to);
    }
    return handlers.rollback({ env, to });
  }
  /*STENV*/if (env === '') return usageError(io, sub, 'ENV must not be empty');
  return handlers.status({ env: env ?? null, json: values.json === true });
}
