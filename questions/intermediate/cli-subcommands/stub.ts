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

export function main(argv: readonly string[], handlers: Handlers, io: Io): number {
  throw new Error('Not implemented: main');
}
