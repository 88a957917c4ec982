import { UsageError, formatUsage, parseArgs, type ParserSpec } from './solution';

const spec: ParserSpec = {
  prog: 'deploy',
  options: [
    { name: 'env', short: 'e', type: 'string', required: true },
    { name: 'replicas', short: 'r', type: 'number', default: 2 },
    { name: 'dry-run', short: 'n', type: 'boolean' },
    { name: 'label', type: 'string' },
    { name: 'log-level', type: 'string', default: 'info' },
    { name: 'delta', type: 'number' },
  ],
};

function usageError(argv: string[], s: ParserSpec = spec): UsageError {
  try {
    parseArgs(argv, s);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a UsageError for ${JSON.stringify(argv)}`);
}

describe('parseArgs', () => {
  it('reads --name value and --name=value', () => {
    expect(parseArgs(['--env', 'prod', '--log-level=debug'], spec).options).toEqual({
      env: 'prod',
      replicas: 2,
      'dry-run': false,
      label: undefined,
      'log-level': 'debug',
      delta: undefined,
    });
  });

  it('gives every option of the spec a key, even when its value is undefined', () => {
    const { options } = parseArgs(['--env', 'prod'], spec);
    expect(Object.keys(options).sort()).toEqual(['delta', 'dry-run', 'env', 'label', 'log-level', 'replicas']);
    expect('label' in options && options.label === undefined).toBe(true);
    expect('delta' in options && options.delta === undefined).toBe(true);
  });

  it('uses falsy defaults as given: 0, the empty string and false', () => {
    const falsy: ParserSpec = {
      prog: 'x',
      options: [
        { name: 'count', type: 'number', default: 0 },
        { name: 'prefix', type: 'string', default: '' },
        { name: 'color', type: 'boolean', default: false },
      ],
    };
    const { options } = parseArgs([], falsy);
    expect(options.count).toBe(0);
    expect(options.prefix).toBe('');
    expect(options.color).toBe(false);
    const on: ParserSpec = { prog: 'x', options: [{ name: 'color', short: 'c', type: 'boolean', default: true }] };
    expect(parseArgs(['-c'], on).options.color).toBe(true);
  });

  it('takes an empty next argument as a value, and counts an empty value as given', () => {
    expect(parseArgs(['--env', '', '--label', ''], spec).options).toMatchObject({ env: '', label: '' });
    expect(parseArgs(['-e', '-'], spec).options.env).toBe('-');
    expect(parseArgs(['--env', 'p', '--label=--x', '--delta=-5'], spec).options).toMatchObject({ label: '--x', delta: -5 });
  });

  it('splits --name=value at the first = only', () => {
    expect(parseArgs(['--env=prod', '--label=team=ops=core'], spec).options.label).toBe('team=ops=core');
    expect(parseArgs(['--env=', '--label='], spec).options).toMatchObject({ env: '', label: '' });
  });

  it('reads short options followed by their value', () => {
    expect(parseArgs(['-e', 'staging', '-r', '4', '-n'], spec).options).toMatchObject({
      env: 'staging',
      replicas: 4,
      'dry-run': true,
    });
  });

  it('sets a boolean flag without consuming the next argument', () => {
    const parsed = parseArgs(['--dry-run', 'web', '--env', 'prod'], spec);
    expect(parsed.options['dry-run']).toBe(true);
    expect(parsed.positionals).toEqual(['web']);
    expect(parseArgs(['--env', 'prod'], spec).options['dry-run']).toBe(false);
  });

  it('fills in defaults, and lets given values (even 0) win over them', () => {
    expect(parseArgs(['--env', 'prod'], spec).options).toMatchObject({ replicas: 2, 'log-level': 'info' });
    expect(parseArgs(['--env', 'prod', '--replicas', '0'], spec).options.replicas).toBe(0);
    const flagOn: ParserSpec = { prog: 'x', options: [{ name: 'color', type: 'boolean', default: true }] };
    expect(parseArgs([], flagOn).options.color).toBe(true);
  });

  it('keeps the last value when an option is repeated', () => {
    expect(parseArgs(['-e', 'dev', '--env=prod', '-r', '1', '--replicas', '5'], spec).options).toMatchObject({
      env: 'prod',
      replicas: 5,
    });
  });

  it('converts number options and rejects anything that is not a plain number', () => {
    expect(parseArgs(['--env', 'p', '-r', '3', '--delta=-1.5'], spec).options).toMatchObject({ replicas: 3, delta: -1.5 });
    expect(usageError(['--env', 'p', '--replicas', '5x']).message).toBe('option --replicas: expected a number, got "5x"');
    expect(usageError(['--env', 'p', '--replicas=']).message).toBe('option --replicas: expected a number, got ""');
    expect(usageError(['--env', 'p', '--replicas', '1e3']).message).toMatch(/expected a number/);
    expect(usageError(['--env', 'p', '--replicas', '0x1F']).message).toMatch(/expected a number/);
    for (const bad of ['Infinity', 'NaN', ' 5', '5 ', '1_000', '1,5', '--5', '0b1', '5-']) {
      expect(usageError(['--env', 'p', `--replicas=${bad}`]).message).toBe(`option --replicas: expected a number, got "${bad}"`);
    }
    expect(usageError(['--env', 'p', '-r', 'two']).message).toBe('option --replicas: expected a number, got "two"');
    expect(parseArgs(['--env', 'p', '-r', '0.5', '--delta=-2'], spec).options).toMatchObject({ replicas: 0.5, delta: -2 });
    expect(parseArgs(['--env', 'p', '-r', '10.25', '--delta=-0.125'], spec).options).toMatchObject({ replicas: 10.25, delta: -0.125 });
    expect(parseArgs(['--env', 'p', '--replicas', '007'], spec).options.replicas).toBe(7);
  });

  it('keeps positionals in order, wherever they appear, and treats a lone - as one', () => {
    expect(parseArgs(['web', '--env', 'prod', 'api', '-', '-n', 'worker'], spec).positionals).toEqual([
      'web',
      'api',
      '-',
      'worker',
    ]);
  });

  it('treats everything after -- as positional', () => {
    const parsed = parseArgs(['--env', 'prod', '--', '--dry-run', '-rf', '--', '--nope=1'], spec);
    expect(parsed.options['dry-run']).toBe(false);
    expect(parsed.positionals).toEqual(['--dry-run', '-rf', '--', '--nope=1']);
  });

  it('reports every missing required option, in spec order', () => {
    const twoRequired: ParserSpec = {
      prog: 'deploy',
      options: [
        { name: 'env', type: 'string', required: true },
        { name: 'verbose', type: 'boolean' },
        { name: 'region', type: 'string', required: true },
      ],
    };
    expect(usageError(['--verbose'], twoRequired).message).toBe('missing required options: --env, --region');
    expect(usageError(['--region', 'eu'], twoRequired).message).toBe('missing required option: --env');
    expect(usageError([]).message).toBe('missing required option: --env');
  });

  it('reports a required option with a default as missing when it never appeared', () => {
    const withDefault: ParserSpec = {
      prog: 'deploy',
      options: [{ name: 'env', type: 'string', required: true, default: 'dev' }],
    };
    expect(usageError([], withDefault).message).toBe('missing required option: --env');
    expect(parseArgs(['--env='], withDefault).options.env).toBe('');
  });

  it('reports the first problem from the left, before missing options', () => {
    expect(usageError(['--bogus']).message).toBe('unknown option --bogus');
    expect(usageError(['--replicas', 'x', '--verbos']).message).toBe('option --replicas: expected a number, got "x"');
    expect(usageError(['--verbos', '--replicas', 'x']).message).toBe('unknown option --verbos');
  });

  it.each([
    [['--env', 'prod', '--verbos'], 'unknown option --verbos'],
    [['--env', 'prod', '--verbos=1'], 'unknown option --verbos'],
    [['--env', 'prod', '-x'], 'unknown option -x'],
    [['--env', 'prod', '-nr'], 'unknown option -nr'],
    [['--env', 'prod', '-5'], 'unknown option -5'],
    [['--env', 'prod', '-env'], 'unknown option -env'],
    [['--env', 'prod', '-l'], 'unknown option -l'],
    [['--env', 'prod', '--Env=x'], 'unknown option --Env'],
    [['--env', 'prod', '--dry'], 'unknown option --dry'],
  ])('rejects an unknown option: %j', (argv, message) => {
    expect(usageError(argv).message).toBe(message);
  });

  it('says a value option needs a value at the end or before another option', () => {
    expect(usageError(['--env']).message).toBe('option --env needs a value');
    expect(usageError(['--env', '--dry-run']).message).toBe('option --env needs a value');
    expect(usageError(['-e', '-n']).message).toBe('option --env needs a value');
    expect(usageError(['--env', 'p', '--delta', '-5']).message).toBe('option --delta needs a value');
    expect(usageError(['--env', '--']).message).toBe('option --env needs a value');
    expect(usageError(['--env', 'p', '-r']).message).toBe('option --replicas needs a value');
    expect(parseArgs(['--env', '-'], spec).options.env).toBe('-');
  });

  it('refuses a value for a boolean flag', () => {
    expect(usageError(['--env', 'p', '--dry-run=yes']).message).toBe('option --dry-run does not take a value');
    expect(usageError(['--env', 'p', '--dry-run=']).message).toBe('option --dry-run does not take a value');
  });

  it('attaches the usage line to every error', () => {
    const usage = 'usage: deploy --env ENV [--replicas REPLICAS] [--dry-run] [--label LABEL] [--log-level LOG_LEVEL] [--delta DELTA] [ARG ...]';
    for (const argv of [['--bogus'], [], ['--env'], ['--env', 'p', '-r', 'x'], ['--env', 'p', '--dry-run=1']]) {
      const error = usageError(argv);
      expect(error).toBeInstanceOf(Error);
      expect(error.usage).toBe(usage);
    }
  });
});

describe('formatUsage', () => {
  it('lists options in spec order, optional ones in brackets, with upper-case metavars', () => {
    expect(formatUsage(spec)).toBe(
      'usage: deploy --env ENV [--replicas REPLICAS] [--dry-run] [--label LABEL] [--log-level LOG_LEVEL] [--delta DELTA] [ARG ...]',
    );
    expect(formatUsage({ prog: 'tool', options: [] })).toBe('usage: tool [ARG ...]');
    expect(formatUsage({
      prog: 'scale',
      options: [
        { name: 'max-surge-pct', type: 'number', required: true },
        { name: 'force', type: 'boolean' },
        { name: 'tag', short: 't', type: 'string', default: 'x' },
      ],
    })).toBe('usage: scale --max-surge-pct MAX_SURGE_PCT [--force] [--tag TAG] [ARG ...]');
  });
});
