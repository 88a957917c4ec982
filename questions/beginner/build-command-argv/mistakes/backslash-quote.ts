// Title: Escapes a single quote as \' inside single quotes
// Breaks: "each `'` inside written as `'"'"'`"
export interface CloneOptions { branch?: string; depth?: number }

export function gitCloneArgv(url: string, dest: string, options: CloneOptions = {}): string[] {
  if (url === '' || dest === '') throw new RangeError('url and dest must not be empty');
  const argv = ['git', 'clone'];
  if (options.branch !== undefined) {
    /*BRANCH*/if (options.branch === '' || options.branch.startsWith('-')) throw new RangeError(`bad branch ${options.branch}`);
    argv.push('--branch', options.branch);
  }
  if (options.depth !== undefined) {
    /*DEPTH*/if (!Number.isInteger(options.depth) || options.depth < 1) throw new RangeError(`bad depth ${options.depth}`);
    argv.push('--depth', String(options.depth));
  }
  /*DASHES*/argv.push('--', url, dest);
  return argv;
}

function quote(arg: string): string {
  /*SAFE*/if (arg !== '' && /^[A-Za-z0-9@%+=:,./_-]+$/.test(arg)) return arg;
  return /*QUOTE*/`'${arg.replace(/'/g, "\\'")}'`;
}

export function shellJoin(argv: readonly string[]): string {
  return argv.map(quote).join(' ');
}
