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
  ])('throws UsageError for %s', (_label, argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });

  it.each(['5x', '2.5', '0', '-1', '', ' 5'])('rejects --replicas %p', (value) => {
    expect(() => parseArgs(['deploy', '--env', 'prod', `--replicas=${value}`, '--override'])).toThrow(UsageError);
  });

  it('refuses --replicas without --override', () => {
    expect(() => parseArgs(['deploy', '--env', 'prod', '--replicas', '5'])).toThrow(UsageError);
    expect(() => parseArgs(['deploy', '--env', 'prod', '--replicas', '5'])).toThrow(/--override/);
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

  it('reports invalid JSON as a ConfigError', () => {
    expect(() => planDeploy(['deploy', '--env', 'prod'], '{ "environments": ')).toThrow(ConfigError);
  });

  it('names an unknown environment and lists the known ones', () => {
    expect(() => planDeploy(['deploy', '--env', 'staging'], CONFIG)).toThrow(ConfigError);
    expect(() => planDeploy(['deploy', '--env', 'staging'], CONFIG)).toThrow(/staging.*dev, prod, audit/);
  });

  it('does not mistake inherited object keys for environments', () => {
    expect(() => planDeploy(['deploy', '--env', 'toString'], CONFIG)).toThrow(/unknown environment/);
  });

  it('names the environment and key when a required setting is missing', () => {
    const broken: DeployConfig = { environments: { qa: { region: 'westeurope', replicas: 1 } } };
    expect(() => planDeploy(['deploy', '--env', 'qa'], broken)).toThrow(ConfigError);
    expect(() => planDeploy(['deploy', '--env', 'qa'], broken)).toThrow(/qa.*image/);
  });

  it('rejects configured replicas above the limit (default limit 10)', () => {
    const tooMany: DeployConfig = { environments: { qa: { image: 'web:1', region: 'eu', replicas: 11 } } };
    expect(() => planDeploy(['deploy', '--env', 'qa'], tooMany)).toThrow(ConfigError);
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
    expect(() => planDeploy(['deploy', '--env', 'audit', '--replicas', '4', '--override'], CONFIG)).toThrow(/override/);
  });

  it('keeps an override within maxReplicas (the limit itself is allowed)', () => {
    expect(planDeploy(['deploy', '--env', 'prod', '--replicas', '20', '--override'], CONFIG).replicas).toBe(20);
    expect(() => planDeploy(['deploy', '--env', 'prod', '--replicas', '21', '--override'], CONFIG)).toThrow(ConfigError);
    expect(() => planDeploy(['deploy', '--env', 'dev', '--replicas', '11', '--override'], CONFIG)).toThrow(ConfigError);
  });
});
