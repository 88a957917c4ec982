import { parseArgs, planDeploy, UsageError, ConfigError } from './solution';
import type { DeployConfig } from './solution';

const CONFIG: DeployConfig = {
  defaults: { region: 'westeurope', maxReplicas: 10, allowOverride: false },
  environments: {
    dev: { image: 'registry.local/web:1.5.0-rc1', replicas: 1, allowOverride: true },
    prod: { image: 'registry.local/web:1.4.2', replicas: 3, region: 'northeurope', maxReplicas: 20, allowOverride: true },
    audit: { image: 'registry.local/web:1.4.2', replicas: 2 },
  },
};

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** A ConfigError whose message contains every one of `parts` (in any order). */
function expectConfigError(fn: () => unknown, ...parts: string[]): void {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(ConfigError);
  for (const part of parts) expect(error.message).toContain(part);
}

const valid = (settings: object, defaults?: object): DeployConfig =>
  ({ ...(defaults ? { defaults } : {}), environments: { qa: { image: 'web:1', region: 'eu', replicas: 2, ...settings } } }) as DeployConfig;

describe('parseArgs', () => {
  it('parses the subcommand, flags and the override switch', () => {
    expect(parseArgs(['deploy', '--env', 'prod', '--replicas', '5', '--override'])).toEqual({
      command: 'deploy',
      env: 'prod',
      replicas: 5,
      override: true,
    });
  });

  it('accepts --name=value and leaves replicas null when not given', () => {
    expect(parseArgs(['deploy', '--env=dev'])).toEqual({ command: 'deploy', env: 'dev', replicas: null, override: false });
    expect(parseArgs(['deploy', '--override', '--replicas=12', '--env=prod'])).toEqual({
      command: 'deploy',
      env: 'prod',
      replicas: 12,
      override: true,
    });
  });

  it.each([
    ['no command at all', []],
    ['an unknown subcommand', ['rollback', '--env', 'prod']],
    ['a missing --env', ['deploy']],
    ['--env at the end without a value', ['deploy', '--env']],
    ['--env followed by another flag', ['deploy', '--env', '--override']],
    ['an unknown option', ['deploy', '--env', 'prod', '--force']],
    ['a leftover positional argument', ['deploy', '--env', 'prod', 'now']],
    ['--override given a value', ['deploy', '--env', 'prod', '--override=yes']],
    ['the subcommand in another case', ['Deploy', '--env', 'prod']],
    ['the subcommand after the options', ['--env', 'prod', 'deploy']],
    ['a second subcommand', ['deploy', 'deploy', '--env', 'prod']],
    ['--replicas at the end without a value', ['deploy', '--env', 'prod', '--override', '--replicas']],
    ['--replicas followed by another flag', ['deploy', '--env', 'prod', '--replicas', '--override']],
    ['an unknown option in the = form', ['deploy', '--env', 'prod', '--force=1']],
    ['a single-dash option', ['deploy', '-e', 'prod']],
    ['only --override', ['deploy', '--override']],
  ])('throws UsageError for %s', (_label, argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });

  it.each([
    ['no command at all', [], 'deploy'],
    ['an unknown subcommand', ['rollback', '--env', 'prod'], 'rollback'],
    ['a leftover positional argument', ['deploy', '--env', 'prod', 'now'], 'now'],
    ['an unknown option', ['deploy', '--env', 'prod', '--force'], '--force'],
    ['an unknown option in the = form', ['deploy', '--env', 'prod', '--force=1'], '--force'],
    ['an unknown option with a value', ['deploy', '--env', 'prod', '--force', '3', '--override'], '--force'],
    ['--override given a value', ['deploy', '--env', 'prod', '--override=yes'], '--override'],
    ['--env without a value', ['deploy', '--env'], '--env'],
    ['--env with an empty value', ['deploy', '--env='], '--env'],
    ['--env followed by an empty argument', ['deploy', '--env', ''], '--env'],
    ['--replicas without a value', ['deploy', '--env', 'prod', '--override', '--replicas'], '--replicas'],
    ['--replicas with an empty value', ['deploy', '--env', 'prod', '--override', '--replicas='], '--replicas'],
    ['a missing --env', ['deploy', '--override'], '--env'],
    ['a bad replica count', ['deploy', '--env', 'prod', '--replicas', '5x', '--override'], '--replicas'],
    ['--replicas without --override', ['deploy', '--env', 'prod', '--replicas', '5'], '--override'],
  ])('names what is wrong in the UsageError for %s', (_label, argv, named) => {
    const error = thrown(() => parseArgs(argv as string[]));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(named);
  });

  it.each(['5x', '2.5', '0', '-1', '', ' 5', '5 ', '+5', '1e1', '0x5', 'five', '00'])('rejects --replicas %p', (value) => {
    expect(() => parseArgs(['deploy', '--env', 'prod', `--replicas=${value}`, '--override'])).toThrow(UsageError);
  });

  it('accepts --replicas 1, in either form and before or after --override', () => {
    expect(parseArgs(['deploy', '--env', 'prod', '--replicas', '1', '--override']).replicas).toBe(1);
    expect(parseArgs(['deploy', '--replicas=7', '--env', 'prod', '--override'])).toEqual({
      command: 'deploy', env: 'prod', replicas: 7, override: true,
    });
    expect(parseArgs(['deploy', '--env', 'prod', '--override'])).toEqual({
      command: 'deploy', env: 'prod', replicas: null, override: true,
    });
  });

  it('takes a value that starts with a dash only in the --name=value form, as parseArgs does', () => {
    expect(parseArgs(['deploy', '--env=-x']).env).toBe('-x');
    expect(() => parseArgs(['deploy', '--env', '-x'])).toThrow(UsageError);
    expect(() => parseArgs(['deploy', '--env', 'prod', '--override', '--replicas', '-5'])).toThrow(UsageError);
  });

  it('refuses --replicas without --override, in either form', () => {
    expect(() => parseArgs(['deploy', '--env', 'prod', '--replicas', '5'])).toThrow(UsageError);
    expect(() => parseArgs(['deploy', '--env', 'prod', '--replicas=5'])).toThrow(UsageError);
  });
});

describe('planDeploy', () => {
  it('fills missing keys from the defaults', () => {
    expect(planDeploy(['deploy', '--env', 'dev'], CONFIG)).toEqual({
      env: 'dev',
      image: 'registry.local/web:1.5.0-rc1',
      region: 'westeurope',
      replicas: 1,
      replicasFrom: 'config',
    });
  });

  it("lets the environment's own keys win over the defaults", () => {
    const plan = planDeploy(['deploy', '--env', 'prod'], CONFIG);
    expect(plan.region).toBe('northeurope');
    expect(plan.replicas).toBe(3);
  });

  it('reads the same settings from JSON text', () => {
    expect(planDeploy(['deploy', '--env=prod'], JSON.stringify(CONFIG))).toEqual(planDeploy(['deploy', '--env=prod'], CONFIG));
  });

  it('reports invalid JSON as a ConfigError that says so', () => {
    expectConfigError(() => planDeploy(['deploy', '--env', 'prod'], '{ "environments": '), 'JSON');
  });

  it.each([
    ['no environments', '{}'],
    ['environments null', '{"environments": null}'],
    ['environments that are a number', '{"environments": 3}'],
  ])('reports a config with %s as a ConfigError naming environments', (_label, text) => {
    expectConfigError(() => planDeploy(['deploy', '--env', 'prod'], text), 'environments');
    expectConfigError(() => planDeploy(['deploy', '--env', 'prod'], JSON.parse(text) as DeployConfig), 'environments');
  });

  it('parses the arguments before it reads the config', () => {
    expect(() => planDeploy(['deploy'], '{ not json')).toThrow(UsageError);
  });

  it('works without defaults', () => {
    expect(planDeploy(['deploy', '--env', 'qa'], valid({}))).toEqual({
      env: 'qa', image: 'web:1', region: 'eu', replicas: 2, replicasFrom: 'config',
    });
  });

  it('names an unknown environment and lists the known ones', () => {
    expectConfigError(() => planDeploy(['deploy', '--env', 'staging'], CONFIG), 'staging', 'dev', 'prod', 'audit');
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])(
    'does not mistake the inherited name %s for an environment',
    (name) => {
      expectConfigError(() => planDeploy(['deploy', '--env', name], CONFIG), name, 'dev', 'prod', 'audit');
      expectConfigError(() => planDeploy(['deploy', '--env', name], JSON.stringify(CONFIG)), name);
    },
  );

  it('accepts an environment whose own key happens to be an inherited name', () => {
    const text = '{"environments": {"toString": {"image": "web:2", "region": "eu", "replicas": 1}}}';
    expect(planDeploy(['deploy', '--env', 'toString'], text)).toEqual({
      env: 'toString', image: 'web:2', region: 'eu', replicas: 1, replicasFrom: 'config',
    });
  });

  it('names the environment and key when a required setting is missing', () => {
    const broken: DeployConfig = { environments: { qa: { region: 'westeurope', replicas: 1 } } };
    expectConfigError(() => planDeploy(['deploy', '--env', 'qa'], broken), 'qa', 'image');
  });

  it.each([
    ['an empty image', { image: '' }, 'image'],
    ['an image that is not a string', { image: 42 }, 'image'],
    ['a missing region', { region: undefined }, 'region'],
    ['an empty region', { region: '' }, 'region'],
    ['a region that is not a string', { region: ['eu'] }, 'region'],
    ['missing replicas', { replicas: undefined }, 'replicas'],
    ['zero replicas', { replicas: 0 }, 'replicas'],
    ['negative replicas', { replicas: -2 }, 'replicas'],
    ['fractional replicas', { replicas: 1.5 }, 'replicas'],
    ['replicas as a string', { replicas: '3' }, 'replicas'],
    ['NaN replicas', { replicas: Number.NaN }, 'replicas'],
  ])('rejects %s with a ConfigError naming the environment and the key', (_label, settings, key) => {
    expectConfigError(() => planDeploy(['deploy', '--env', 'qa'], valid(settings)), 'qa', key);
  });

  it('accepts one replica, and replicas equal to the limit', () => {
    expect(planDeploy(['deploy', '--env', 'qa'], valid({ replicas: 1 })).replicas).toBe(1);
    expect(planDeploy(['deploy', '--env', 'qa'], valid({ replicas: 10 })).replicas).toBe(10);
    expect(planDeploy(['deploy', '--env', 'qa'], valid({ replicas: 4, maxReplicas: 4 })).replicas).toBe(4);
  });

  it('rejects configured replicas above the limit (default limit 10), naming the environment', () => {
    const tooMany: DeployConfig = { environments: { qa: { image: 'web:1', region: 'eu', replicas: 11 } } };
    expectConfigError(() => planDeploy(['deploy', '--env', 'qa'], tooMany), 'qa');
    expectConfigError(() => planDeploy(['deploy', '--env', 'qa'], valid({ replicas: 5, maxReplicas: 4 })), 'qa');
  });

  it('names the environment when an override is refused or too large', () => {
    expectConfigError(() => planDeploy(['deploy', '--env', 'qa', '--replicas', '3', '--override'], valid({})), 'qa');
    expectConfigError(
      () => planDeploy(['deploy', '--env', 'qa', '--replicas', '11', '--override'], valid({ allowOverride: true })),
      'qa',
    );
  });

  it('takes the limit and the override permission from the defaults when the environment has none', () => {
    expect(() => planDeploy(['deploy', '--env', 'qa'], valid({ replicas: 6 }, { maxReplicas: 5 }))).toThrow(ConfigError);
    expect(planDeploy(['deploy', '--env', 'qa', '--replicas', '3', '--override'], valid({}, { allowOverride: true }))).toMatchObject({
      replicas: 3, replicasFrom: 'cli',
    });
    expect(() => planDeploy(['deploy', '--env', 'qa', '--replicas', '3', '--override'], valid({ allowOverride: false }, { allowOverride: true })))
      .toThrow(ConfigError);
    expect(() => planDeploy(['deploy', '--env', 'qa', '--replicas', '6', '--override'], valid({ allowOverride: true }, { maxReplicas: 5 })))
      .toThrow(ConfigError);
  });

  it('rejects configured replicas above the limit even when a valid override is given', () => {
    const config = valid({ replicas: 12, allowOverride: true });
    expect(() => planDeploy(['deploy', '--env', 'qa', '--replicas', '5', '--override'], config)).toThrow(ConfigError);
  });

  it('applies a CLI override when the environment allows it', () => {
    expect(planDeploy(['deploy', '--env', 'prod', '--replicas', '5', '--override'], CONFIG)).toEqual({
      env: 'prod',
      image: 'registry.local/web:1.4.2',
      region: 'northeurope',
      replicas: 5,
      replicasFrom: 'cli',
    });
  });

  it('refuses an override when the environment does not allow it', () => {
    expect(() => planDeploy(['deploy', '--env', 'audit', '--replicas', '4', '--override'], CONFIG)).toThrow(ConfigError);
    expect(planDeploy(['deploy', '--env', 'audit'], CONFIG)).toMatchObject({ replicas: 2, replicasFrom: 'config' });
    expect(planDeploy(['deploy', '--env', 'audit', '--override'], CONFIG)).toMatchObject({ replicas: 2, replicasFrom: 'config' });
  });

  it.each([['the string "yes"', 'yes'], ['the number 1', 1], ['the string "true"', 'true']])(
    'allows an override only for allowOverride === true, not %s',
    (_label, allow) => {
      const config = valid({ allowOverride: allow });
      expect(() => planDeploy(['deploy', '--env', 'qa', '--replicas', '3', '--override'], config)).toThrow(ConfigError);
    },
  );

  it('keeps an override within maxReplicas (the limit itself is allowed)', () => {
    expect(planDeploy(['deploy', '--env', 'prod', '--replicas', '20', '--override'], CONFIG).replicas).toBe(20);
    expect(() => planDeploy(['deploy', '--env', 'prod', '--replicas', '21', '--override'], CONFIG)).toThrow(ConfigError);
    expect(() => planDeploy(['deploy', '--env', 'dev', '--replicas', '11', '--override'], CONFIG)).toThrow(ConfigError);
    expect(planDeploy(['deploy', '--env', 'dev', '--replicas', '10', '--override'], CONFIG).replicas).toBe(10);
  });
});
