export interface CloneOptions {
  branch?: string;
  depth?: number;
}

export function gitCloneArgv(url: string, dest: string, options: CloneOptions = {}): string[] {
  throw new Error('Not implemented: gitCloneArgv');
}

export function shellJoin(argv: readonly string[]): string {
  throw new Error('Not implemented: shellJoin');
}
