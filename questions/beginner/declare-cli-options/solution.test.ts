import { main, USAGE } from './solution';
import type { Options } from './solution';

function run(argv: string[], rotate: (options: Options) => void = () => undefined) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: Options[] = [];
  const code = main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, (options) => {
    calls.push(options);
    rotate(options);
  });
  return { code, out, err, calls };
}

function expectUsageError(argv: string[]) {
  const r = run(argv);
  expect(r.code).toBe(2);
  expect(r.err).toHaveLength(2);
  expect(r.err[0]).toBe(USAGE);
  expect(r.err[1].startsWith('rotate-logs: error: ')).toBe(true);
  expect(r.err[1].length).toBeGreaterThan('rotate-logs: error: '.length);
  expect(r.out).toEqual([]);
  expect(r.calls).toEqual([]);
  return r;
}

describe('main', () => {
  it('keeps the usage line of the stub', () => {
    expect(USAGE).toBe('usage: rotate-logs [-h] [-n] [-v] [-k N] DIR');
  });


  it('calls rotate once with the defaults and returns 0, printing nothing', () => {
    const r = run(['/var/log/app']);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([{ dir: '/var/log/app', keep: 7, dryRun: false, verbose: false }]);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([]);
  });

  it('reads the long options', () => {
    expect(run(['--keep', '3', '--dry-run', '--verbose', 'logs']).calls).toEqual([{ dir: 'logs', keep: 3, dryRun: true, verbose: true }]);
  });

  it('reads the short options, grouped or not, before or after DIR', () => {
    expect(run(['logs', '-k', '12', '-n']).calls).toEqual([{ dir: 'logs', keep: 12, dryRun: true, verbose: false }]);
    expect(run(['-nv', 'logs']).calls).toEqual([{ dir: 'logs', keep: 7, dryRun: true, verbose: true }]);
    expect(run(['-v', 'logs']).calls).toEqual([{ dir: 'logs', keep: 7, dryRun: false, verbose: true }]);
  });

  it('accepts --keep=N and -kN', () => {
    expect(run(['--keep=30', 'logs']).calls[0].keep).toBe(30);
    expect(run(['-k3', 'logs']).calls[0].keep).toBe(3);
  });

  it('accepts --keep 1 and keep values written with leading zeros', () => {
    expect(run(['--keep', '1', 'logs']).calls[0].keep).toBe(1);
    expect(run(['--keep', '010', 'logs']).calls[0].keep).toBe(10);
  });

  it('takes a DIR that starts with - after --', () => {
    expect(run(['-n', '--', '-odd dir']).calls).toEqual([{ dir: '-odd dir', keep: 7, dryRun: true, verbose: false }]);
  });

  it('returns 0 and passes a new options object on each run', () => {
    const first = run(['a']).calls[0];
    const second = run(['-k', '2', 'b']).calls[0];
    expect(first).toEqual({ dir: 'a', keep: 7, dryRun: false, verbose: false });
    expect(second).toEqual({ dir: 'b', keep: 2, dryRun: false, verbose: false });
  });

  it.each([
    [['--help']],
    [['-h']],
    [['-h', 'logs']],
    [['-n', '--help']],
    [['--help', '--keep', '0']],
    [['--help', 'a', 'b']],
    [['-vh']],
  ])('prints the usage to out and returns 0 for %j, without calling rotate', (argv) => {
    const r = run(argv);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([USAGE]);
    expect(r.err).toEqual([]);
    expect(r.calls).toEqual([]);
  });

  it.each([
    ['an unknown option', ['--force', 'logs']],
    ['an unknown short option', ['-x', 'logs']],
    ['an abbreviated option', ['--kee', '3', 'logs']],
    ['--keep without a value', ['logs', '--keep']],
    ['-k without a value', ['logs', '-k']],
    ['a value given to --dry-run', ['--dry-run=yes', 'logs']],
    ['a value given to --verbose', ['--verbose=1', 'logs']],
    ['no DIR', []],
    ['only options', ['-n', '-k', '3']],
    ['two DIRs', ['a', 'b']],
    ['--keep 0', ['--keep', '0', 'logs']],
    ['--keep 2.5', ['--keep', '2.5', 'logs']],
    ['--keep 5x', ['--keep', '5x', 'logs']],
    ['--keep=-1', ['--keep=-1', 'logs']],
    ['--keep -1', ['--keep', '-1', 'logs']],
    ['an empty --keep', ['--keep=', 'logs']],
    ['--keep 1e1', ['--keep', '1e1', 'logs']],
    ['--keep 0x5', ['--keep', '0x5', 'logs']],
    ['--keep with spaces', ['--keep', ' 5', 'logs']],
    ['--keep +5', ['--keep', '+5', 'logs']],
    ['--keep 00', ['--keep', '00', 'logs']],
  ])('reports a usage error for %s: usage and "rotate-logs: error: ..." on err, exit code 2', (_label, argv) => {
    expectUsageError(argv);
  });

  it('lets an error thrown by rotate propagate unchanged', () => {
    const failure = new Error('disk is read-only');
    expect(() => run(['logs'], () => {
      throw failure;
    })).toThrow(failure);
    let caught: unknown;
    try {
      run(['logs'], () => {
        throw 'not an Error';
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe('not an Error');
  });
});
