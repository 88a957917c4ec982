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

export function main(argv: readonly string[], io: Io, rotate: (options: Options) => void): number {
  throw new Error('Not implemented: main');
}
