// Title: Reads allowOverride from the environment's own keys only, ignoring defaults
// Breaks: "a CLI `--replicas` is applied only if the effective `allowOverride` is `true`"
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
  const command = argv[0];
  if (command === undefined) {
    throw new UsageError('missing subcommand (expected "deploy")');
  }
  if (command !== 'deploy') {
    throw new UsageError(`unknown subcommand "${command}" (expected "deploy")`);
  }

  let env: string | undefined;
  let replicasText: string | undefined;
  let override = false;

  for (let i = 1; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('--')) {
      throw new UsageError(`unexpected argument "${token}"`);
    }
    const eq = token.indexOf('=');
    const name = eq >= 0 ? token.slice(0, eq) : token;
    const inline = eq >= 0 ? token.slice(eq + 1) : undefined;

    if (name === '--override') {
      if (inline !== undefined) {
        throw new UsageError('--override does not take a value');
      }
      override = true;
      continue;
    }

    if (name === '--env' || name === '--replicas') {
      let value: string;
      if (inline !== undefined) {
        value = inline;
      } else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) {
          throw new UsageError(`${name} needs a value`);
        }
        value = next;
        i++;
      }
      if (value === '') {
        throw new UsageError(`${name} needs a value`);
      }
      if (name === '--env') {
        env = value;
      } else {
        replicasText = value;
      }
      continue;
    }

    throw new UsageError(`unknown option "${name}"`);
  }

  if (env === undefined) {
    throw new UsageError('--env is required');
  }

  let replicas: number | null = null;
  if (replicasText !== undefined) {
    if (!/^[0-9]+$/.test(replicasText) || Number(replicasText) < 1) {
      throw new UsageError(`--replicas must be a whole number of at least 1, got "${replicasText}"`);
    }
    replicas = Number(replicasText);
    if (!override) {
      throw new UsageError('--replicas changes a configured value; pass --override to confirm');
    }
  }

  return { command: 'deploy', env, replicas, override };
}

function loadConfig(config: DeployConfig | string): DeployConfig {
  if (typeof config !== 'string') {
    return config;
  }
  try {
    return JSON.parse(config) as DeployConfig;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`config is not valid JSON: ${detail}`);
  }
}

function isPositiveWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

export function planDeploy(argv: readonly string[], config: DeployConfig | string): DeployPlan {
  const args = parseArgs(argv);
  const cfg = loadConfig(config);
  const environments: Record<string, EnvironmentConfig> =
    cfg !== null && typeof cfg === 'object' && cfg.environments !== null && typeof cfg.environments === 'object'
      ? cfg.environments
      : {};
  const env = args.env;

  if (!Object.prototype.hasOwnProperty.call(environments, env)) {
    const known = Object.keys(environments);
    throw new ConfigError(`unknown environment "${env}"; known environments: ${known.join(', ') || '(none)'}`);
  }

  const own = environments[env] ?? {};
  const effective: EnvironmentConfig = { ...(cfg.defaults ?? {}), ...own };

  if (typeof effective.image !== 'string' || effective.image === '') {
    throw new ConfigError(`environment "${env}": "image" must be a non-empty string`);
  }
  if (typeof effective.region !== 'string' || effective.region === '') {
    throw new ConfigError(`environment "${env}": "region" must be a non-empty string`);
  }
  if (!isPositiveWhole(effective.replicas)) {
    throw new ConfigError(`environment "${env}": "replicas" must be a whole number of at least 1`);
  }

  const limit = effective.maxReplicas ?? DEFAULT_MAX_REPLICAS;
  if (effective.replicas > limit) {
    throw new ConfigError(`environment "${env}": "replicas" ${effective.replicas} exceeds maxReplicas ${limit}`);
  }

  let replicas = effective.replicas;
  let replicasFrom: 'config' | 'cli' = 'config';
  if (args.replicas !== null) {
    if (own.allowOverride !== true) {
      throw new ConfigError(`environment "${env}" does not allow overriding "replicas" (allowOverride is not true)`);
    }
    if (args.replicas > limit) {
      throw new ConfigError(`environment "${env}": --replicas ${args.replicas} exceeds maxReplicas ${limit}`);
    }
    replicas = args.replicas;
    replicasFrom = 'cli';
  }

  return { env, image: effective.image, region: effective.region, replicas, replicasFrom };
}
