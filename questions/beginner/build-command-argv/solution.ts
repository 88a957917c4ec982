export interface CloneOptions {
  branch?: string;
  depth?: number;
}

export function gitCloneArgv(url: string, dest: string, options: CloneOptions = {}): string[] {
  const { branch, depth } = options;
  if (url === '') throw new RangeError('url must not be empty');
  if (dest === '') throw new RangeError('dest must not be empty');
  const argv = ['git', 'clone'];
  if (branch !== undefined) {
    if (branch === '' || branch.startsWith('-')) throw new RangeError(`invalid branch name "${branch}"`);
    argv.push('--branch', branch);
  }
  if (depth !== undefined) {
    if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`depth must be a whole number >= 1, got ${depth}`);
    argv.push('--depth', String(depth));
  }
  argv.push('--', url, dest);
  return argv;
}

const SAFE = /^[A-Za-z0-9@%+=:,./_-]+$/;

/** Python's shlex.quote: safe words stay bare, anything else goes in single quotes. */
function quote(arg: string): string {
  if (SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'"'"'`)}'`;
}

export function shellJoin(argv: readonly string[]): string {
  return argv.map(quote).join(' ');
}
