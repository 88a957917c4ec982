import { main, USAGE } from './solution';
import type { DeployOptions, Handlers, RollbackOptions, StatusOptions } from './solution';

type Call = ['deploy', DeployOptions] | ['rollback', RollbackOptions] | ['status', StatusOptions];

function run(argv: string[], codes: Partial<Record<'deploy' | 'rollback' | 'status', number>> = {}, fail?: unknown) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: Call[] = [];
  const handlers: Handlers = {
    deploy: (options) => {
      calls.push(['deploy', options]);
      if (fail !== undefined) throw fail;
      return codes.deploy ?? 0;
    },
    rollback: (options) => {
      calls.push(['rollback', options]);
      return codes.rollback ?? 0;
    },
    status: (options) => {
      calls.push(['status', options]);
      return codes.status ?? 0;
    },
  };
  const code = main(argv, handlers, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err, calls };
}

function expectUsageError(argv: string[], prog: string, usage: string) {
  const r = run(argv);
  expect(r.code).toBe(2);
  expect(r.err).toHaveLength(2);
  expect(r.err[0]).toBe(usage);
  expect(r.err[1].startsWith(`${prog}: error: `)).toBe(true);
  expect(r.err[1].length).toBeGreaterThan(`${prog}: error: `.length);
  expect(r.out).toEqual([]);
  expect(r.calls).toEqual([]);
}

describe('USAGE', () => {
  it('keeps the usage lines of the stub', () => {
    expect(USAGE).toEqual({
      fleet: 'usage: fleet [-h] {deploy,rollback,status} ...',
      deploy: 'usage: fleet deploy [-h] -e ENV -i IMAGE [-n]',
      rollback: 'usage: fleet rollback [-h] -e ENV [--to REVISION]',
      status: 'usage: fleet status [-h] [-e ENV] [--json]',
    });
  });
});

describe('main: running a subcommand', () => {
  it('calls deploy with its options and returns its exit code', () => {
    const r = run(['deploy', '--env', 'prod', '--image', 'registry.local/web:1.4.2', '--dry-run'], { deploy: 0 });
    expect(r.calls).toEqual([['deploy', { env: 'prod', image: 'registry.local/web:1.4.2', dryRun: true }]]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([]);
  });

  it('reads the short forms, the = form and a missing switch as false', () => {
    expect(run(['deploy', '-e', 'dev', '-i', 'web:2']).calls).toEqual([['deploy', { env: 'dev', image: 'web:2', dryRun: false }]]);
    expect(run(['deploy', '--image=web:3', '--env=staging', '-n']).calls).toEqual([
      ['deploy', { env: 'staging', image: 'web:3', dryRun: true }],
    ]);
    expect(run(['deploy', '-edev', '-iweb:4']).calls).toEqual([['deploy', { env: 'dev', image: 'web:4', dryRun: false }]]);
  });

  it('returns whatever exit code the handler returns', () => {
    expect(run(['deploy', '-e', 'p', '-i', 'w'], { deploy: 3 }).code).toBe(3);
    expect(run(['rollback', '-e', 'p'], { rollback: 1 }).code).toBe(1);
    expect(run(['status'], { status: 4 }).code).toBe(4);
  });

  it('calls rollback with --to as a number, or null when not given', () => {
    expect(run(['rollback', '--env', 'prod', '--to', '41']).calls).toEqual([['rollback', { env: 'prod', to: 41 }]]);
    expect(run(['rollback', '--to=1', '-e', 'prod']).calls).toEqual([['rollback', { env: 'prod', to: 1 }]]);
    expect(run(['rollback', '-e', 'prod']).calls).toEqual([['rollback', { env: 'prod', to: null }]]);
    expect(run(['rollback', '-e', 'prod', '--to', '007']).calls).toEqual([['rollback', { env: 'prod', to: 7 }]]);
  });

  it('calls status with env null and json false when they are not given', () => {
    expect(run(['status']).calls).toEqual([['status', { env: null, json: false }]]);
    expect(run(['status', '--json', '-e', 'prod']).calls).toEqual([['status', { env: 'prod', json: true }]]);
    expect(run(['status', '--env=dev']).calls).toEqual([['status', { env: 'dev', json: false }]]);
  });

  it('calls exactly one handler, once', () => {
    const r = run(['status', '--json']);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0][0]).toBe('status');
  });

  it('lets an error thrown by a handler propagate unchanged', () => {
    const failure = new Error('cluster unreachable');
    let caught: unknown;
    try {
      run(['deploy', '-e', 'p', '-i', 'w'], {}, failure);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(failure);
  });
});

describe('main: help', () => {
  it.each([[['-h']], [['--help']]])('prints USAGE.fleet for %j and returns 0', (argv) => {
    const r = run(argv);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([USAGE.fleet]);
    expect(r.err).toEqual([]);
    expect(r.calls).toEqual([]);
  });

  it.each([
    ['deploy', ['deploy', '-h'], USAGE.deploy],
    ['deploy', ['deploy', '--env', 'prod', '--help'], USAGE.deploy],
    ['rollback', ['rollback', '--help'], USAGE.rollback],
    ['rollback', ['rollback', '-e', 'prod', '-h'], USAGE.rollback],
    ['status', ['status', '-h'], USAGE.status],
    ['status', ['status', '--json', '--help'], USAGE.status],
  ])('prints the usage of %s for %j, required options or not, and returns 0', (_name, argv, usage) => {
    const r = run(argv);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([usage]);
    expect(r.err).toEqual([]);
    expect(r.calls).toEqual([]);
  });
});

describe('main: usage errors at the top level', () => {
  it.each([
    ['no subcommand', []],
    ['an unknown subcommand', ['restart']],
    ['a subcommand in another case', ['Deploy', '-e', 'p', '-i', 'w']],
    ['an option before the subcommand', ['--env', 'prod', 'deploy']],
    ['a short option before the subcommand', ['-e', 'prod', 'status']],
    ['--json before the subcommand', ['--json', 'status']],
    ['an empty first argument', ['', 'status']],
  ])('reports %s with the top-level usage and "fleet: error: ..."', (_label, argv) => {
    expectUsageError(argv, 'fleet', USAGE.fleet);
  });
});

describe('main: usage errors after a subcommand', () => {
  it.each([
    ['deploy without --image', ['deploy', '-e', 'prod'], 'deploy'],
    ['deploy without --env', ['deploy', '-i', 'web:1'], 'deploy'],
    ['deploy without options', ['deploy'], 'deploy'],
    ['deploy with an empty --env', ['deploy', '--env=', '-i', 'web:1'], 'deploy'],
    ['deploy with an empty --image', ['deploy', '-e', 'prod', '--image', ''], 'deploy'],
    ['deploy with an option of status', ['deploy', '-e', 'prod', '-i', 'w', '--json'], 'deploy'],
    ['deploy with an option of rollback', ['deploy', '-e', 'prod', '-i', 'w', '--to', '3'], 'deploy'],
    ['deploy with a positional argument', ['deploy', '-e', 'prod', '-i', 'w', 'now'], 'deploy'],
    ['deploy with a second subcommand', ['deploy', 'status'], 'deploy'],
    ['deploy with an unknown option', ['deploy', '-e', 'prod', '-i', 'w', '--force'], 'deploy'],
    ['deploy with a value given to --dry-run', ['deploy', '-e', 'prod', '-i', 'w', '--dry-run=yes'], 'deploy'],
    ['deploy with --env missing its value', ['deploy', '-i', 'w', '--env'], 'deploy'],
    ['rollback without --env', ['rollback', '--to', '3'], 'rollback'],
    ['rollback with an empty --env', ['rollback', '--env', ''], 'rollback'],
    ['rollback with --to 0', ['rollback', '-e', 'prod', '--to', '0'], 'rollback'],
    ['rollback with --to 1.5', ['rollback', '-e', 'prod', '--to', '1.5'], 'rollback'],
    ['rollback with --to 2x', ['rollback', '-e', 'prod', '--to', '2x'], 'rollback'],
    ['rollback with --to=-1', ['rollback', '-e', 'prod', '--to=-1'], 'rollback'],
    ['rollback with an empty --to', ['rollback', '-e', 'prod', '--to='], 'rollback'],
    ['rollback with --to 1e3', ['rollback', '-e', 'prod', '--to', '1e3'], 'rollback'],
    ['rollback with --to 0x10', ['rollback', '-e', 'prod', '--to', '0x10'], 'rollback'],
    ['rollback with --to " 4"', ['rollback', '-e', 'prod', '--to', ' 4'], 'rollback'],
    ['rollback with --to +4', ['rollback', '-e', 'prod', '--to', '+4'], 'rollback'],
    ['rollback with --image', ['rollback', '-e', 'prod', '-i', 'w'], 'rollback'],
    ['rollback with --dry-run', ['rollback', '-e', 'prod', '-n'], 'rollback'],
    ['status with a positional argument', ['status', 'prod'], 'status'],
    ['status with an empty --env', ['status', '--env='], 'status'],
    ['status with --dry-run', ['status', '--dry-run'], 'status'],
    ['status with a value given to --json', ['status', '--json=true'], 'status'],
    ['status with an abbreviated option', ['status', '--js'], 'status'],
  ])("reports %s with that subcommand's usage and prog", (_label, argv, name) => {
    const sub = name as 'deploy' | 'rollback' | 'status';
    expectUsageError(argv, `fleet ${sub}`, USAGE[sub]);
  });
});
