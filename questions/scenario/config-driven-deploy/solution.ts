import { parseArgs as parseArgv } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface DeployArgs {
  command: 'deploy';
  env: string;
  replicas: number | null;
  override: boolean;
}

export interface EnvironmentConfig {
  image?: string;
  region?: string;
  replicas?: number;
  maxReplicas?: number;
  allowOverride?: boolean;
}

export interface DeployConfig {
  defaults?: EnvironmentConfig;
  environments: Record<string, EnvironmentConfig>;
}

export interface DeployPlan {
  env: string;
  image: string;
  region: string;
  replicas: number;
  replicasFrom: 'config' | 'cli';
}

const DEFAULT_MAX_REPLICAS = 10;

export function parseArgs(argv: readonly string[]): DeployArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command (expected: deploy)');
  if (command !== 'deploy') throw new UsageError(`unknown command "${command}" (expected: deploy)`);

  let values;
  try {
    ({ values } = parseArgv({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        env: { type: 'string' },
        replicas: { type: 'string' },
        override: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }

  const { env, replicas: replicasText } = values;
  const override = values.override === true;
  if (env === undefined || env === '') throw new UsageError('--env is required and must not be empty');
  let replicas: number | null = null;
  if (replicasText !== undefined) {
    if (!/^\d+$/.test(replicasText) || Number(replicasText) < 1) {
      throw new UsageError(`--replicas must be a whole number of at least 1, got "${replicasText}"`);
    }
    if (!override) throw new UsageError('--replicas changes the configured value; pass --override to confirm');
    replicas = Number(replicasText);
  }
  return { command: 'deploy', env, replicas, override };
}

function loadConfig(config: DeployConfig | string): DeployConfig {
  let value: unknown = config;
  if (typeof config === 'string') {
    try {
      value = JSON.parse(config);
    } catch (err) {
      throw new ConfigError(`config is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const envs = (value as { environments?: unknown } | null)?.environments;
  if (typeof envs !== 'object' || envs === null) throw new ConfigError('config has no "environments" section');
  return value as DeployConfig;
}

function isWholeAtLeastOne(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

export function planDeploy(argv: readonly string[], config: DeployConfig | string): DeployPlan {
  const args = parseArgs(argv);
  const cfg = loadConfig(config);
  const known = Object.keys(cfg.environments);
  if (!Object.hasOwn(cfg.environments, args.env)) {
    throw new ConfigError(`unknown environment "${args.env}" (known: ${known.join(', ')})`);
  }
  const merged: EnvironmentConfig = { ...cfg.defaults, ...cfg.environments[args.env] };
  const where = `environment "${args.env}"`;

  if (typeof merged.image !== 'string' || merged.image === '') throw new ConfigError(`${where} is missing "image"`);
  if (typeof merged.region !== 'string' || merged.region === '') throw new ConfigError(`${where} is missing "region"`);
  if (!isWholeAtLeastOne(merged.replicas)) {
    throw new ConfigError(`${where} needs "replicas" as a whole number of at least 1`);
  }
  const limit = merged.maxReplicas ?? DEFAULT_MAX_REPLICAS;
  if (merged.replicas > limit) {
    throw new ConfigError(`${where} sets replicas ${merged.replicas} above its limit of ${limit}`);
  }

  let replicas = merged.replicas;
  let replicasFrom: 'config' | 'cli' = 'config';
  if (args.replicas !== null) {
    if (merged.allowOverride !== true) throw new ConfigError(`${where} does not allow overrides`);
    if (args.replicas > limit) {
      throw new ConfigError(`--replicas ${args.replicas} is above the limit of ${limit} for ${where}`);
    }
    replicas = args.replicas;
    replicasFrom = 'cli';
  }
  return { env: args.env, image: merged.image, region: merged.region, replicas, replicasFrom };
}
