// Title: Treats any truthy allowOverride (e.g. the string "yes" or 1) as permission
// Breaks: "a CLI `--replicas` is applied only if the effective `allowOverride` is `true` (else `ConfigError`)"
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

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

export function parseArgs(argv: readonly string[]): DeployArgs {
  if (argv.length === 0) {
    throw new UsageError('missing subcommand: expected "deploy"');
  }
  if (argv[0] !== 'deploy') {
    throw new UsageError(`unknown subcommand "${argv[0]}": expected "deploy"`);
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
    const name = eq === -1 ? token : token.slice(0, eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);

    if (name === '--override') {
      if (inline !== undefined) {
        throw new UsageError('--override does not take a value');
      }
      override = true;
      continue;
    }
    if (name !== '--env' && name !== '--replicas') {
      throw new UsageError(`unknown option "${name}"`);
    }
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
  }

  if (env === undefined) {
    throw new UsageError('--env is required');
  }
  let replicas: number | null = null;
  if (replicasText !== undefined) {
    if (!/^[0-9]+$/.test(replicasText)) {
      throw new UsageError(`--replicas must be a whole number, got "${replicasText}"`);
    }
    replicas = Number(replicasText);
    if (!Number.isSafeInteger(replicas) || replicas < 1) {
      throw new UsageError(`--replicas must be at least 1, got "${replicasText}"`);
    }
    if (!override) {
      throw new UsageError('--replicas requires --override');
    }
  }
  return { command: 'deploy', env, replicas, override };
}

function loadConfig(config: DeployConfig | string): DeployConfig {
  let parsed: unknown = config;
  if (typeof config === 'string') {
    try {
      parsed = JSON.parse(config);
    } catch (error) {
      throw new ConfigError(`invalid JSON config: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new ConfigError('config must be an object');
  }
  const cfg = parsed as DeployConfig;
  if (typeof cfg.environments !== 'object' || cfg.environments === null) {
    throw new ConfigError('config must have "environments"');
  }
  return cfg;
}

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

export function planDeploy(argv: readonly string[], config: DeployConfig | string): DeployPlan {
  const args = parseArgs(argv);
  const cfg = loadConfig(config);
  const env = args.env;

  if (!hasOwn(cfg.environments, env)) {
    const known = Object.keys(cfg.environments).join(', ');
    throw new ConfigError(`unknown environment "${env}"; known environments: ${known}`);
  }
  const settings: EnvironmentConfig = { ...(cfg.defaults ?? {}), ...cfg.environments[env] };

  const { image, region } = settings;
  if (typeof image !== 'string' || image === '') {
    throw new ConfigError(`environment "${env}": "image" must be a non-empty string`);
  }
  if (typeof region !== 'string' || region === '') {
    throw new ConfigError(`environment "${env}": "region" must be a non-empty string`);
  }
  if (!isWhole(settings.replicas)) {
    throw new ConfigError(`environment "${env}": "replicas" must be a whole number of at least 1`);
  }
  const maxReplicas = settings.maxReplicas ?? 10;
  if (settings.replicas > maxReplicas) {
    throw new ConfigError(`environment "${env}": "replicas" ${settings.replicas} exceeds maxReplicas ${maxReplicas}`);
  }

  let replicas = settings.replicas;
  let replicasFrom: 'config' | 'cli' = 'config';
  if (args.replicas !== null) {
    if (!settings.allowOverride) {
      throw new ConfigError(`environment "${env}" does not allow overriding "replicas"`);
    }
    if (args.replicas > maxReplicas) {
      throw new ConfigError(`environment "${env}": --replicas ${args.replicas} exceeds maxReplicas ${maxReplicas}`);
    }
    replicas = args.replicas;
    replicasFrom = 'cli';
  }
  return { env, image, region, replicas, replicasFrom };
}
