import { parseArgs } from 'node:util';

export const USAGE = {
  fleet: 'usage: fleet [-h] {deploy,rollback,status} ...',
  deploy: 'usage: fleet deploy [-h] -e ENV -i IMAGE [-n]',
  rollback: 'usage: fleet rollback [-h] -e ENV [--to REVISION]',
  status: 'usage: fleet status [-h] [-e ENV] [--json]',
};

export interface DeployOptions {
  env: string;
  image: string;
  dryRun: boolean;
}

export interface RollbackOptions {
  env: string;
  /** null when --to is not given */
  to: number | null;
}

export interface StatusOptions {
  /** null when --env is not given */
  env: string | null;
  json: boolean;
}

/** Each handler runs its subcommand and returns the exit code. */
export interface Handlers {
  deploy(options: DeployOptions): number;
  rollback(options: RollbackOptions): number;
  status(options: StatusOptions): number;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

type Name = 'deploy' | 'rollback' | 'status';

class UsageError extends Error {
  constructor(readonly prog: string, readonly usage: string, message: string) {
    super(message);
  }
}

/** Each subcommand's own options, as in argparse's add_subparsers: one small parser per subcommand. */
const OPTIONS = {
  deploy: {
    env: { type: 'string', short: 'e' },
    image: { type: 'string', short: 'i' },
    'dry-run': { type: 'boolean', short: 'n' },
    help: { type: 'boolean', short: 'h' },
  },
  rollback: {
    env: { type: 'string', short: 'e' },
    to: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  status: {
    env: { type: 'string', short: 'e' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
} as const;

function isName(word: string | undefined): word is Name {
  return word === 'deploy' || word === 'rollback' || word === 'status';
}

function parse(name: Name, args: readonly string[]) {
  const prog = `fleet ${name}`;
  const fail = (message: string) => new UsageError(prog, USAGE[name], message);
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options: OPTIONS[name], strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  const text = (option: string, required: boolean): string | null => {
    const value = values[option];
    if (typeof value !== 'string') {
      if (required) throw fail(`the following arguments are required: --${option}`);
      return null;
    }
    if (value === '') throw fail(`argument --${option}: expected a value`);
    return value;
  };
  return { values, text, fail };
}

/** Parses argv, then returns the handler call to make (or the usage to print for --help). */
function dispatch(argv: readonly string[], handlers: Handlers): { help: string } | { run: () => number } {
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help') return { help: USAGE.fleet };
  if (!isName(name)) {
    const what = name === undefined ? 'the following arguments are required: command' : `invalid choice: '${name}' (choose from deploy, rollback, status)`;
    throw new UsageError('fleet', USAGE.fleet, what);
  }
  const { values, text, fail } = parse(name, rest);
  if (values.help === true) return { help: USAGE[name] };
  switch (name) {
    case 'deploy': {
      const options: DeployOptions = { env: text('env', true)!, image: text('image', true)!, dryRun: values['dry-run'] === true };
      return { run: () => handlers.deploy(options) };
    }
    case 'rollback': {
      const env = text('env', true)!;
      const to = text('to', false);
      if (to !== null && (!/^\d+$/.test(to) || Number(to) < 1)) throw fail(`argument --to: invalid revision '${to}'`);
      const options: RollbackOptions = { env, to: to === null ? null : Number(to) };
      return { run: () => handlers.rollback(options) };
    }
    case 'status': {
      const options: StatusOptions = { env: text('env', false), json: values.json === true };
      return { run: () => handlers.status(options) };
    }
  }
}

export function main(argv: readonly string[], handlers: Handlers, io: Io): number {
  let action;
  try {
    action = dispatch(argv, handlers);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(error.usage);
    io.err(`${error.prog}: error: ${error.message}`);
    return 2;
  }
  if ('help' in action) {
    io.out(action.help);
    return 0;
  }
  return action.run();
}
