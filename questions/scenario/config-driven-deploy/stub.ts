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

export function parseArgs(argv: readonly string[]): DeployArgs {
  throw new Error('Not implemented: parseArgs');
}

export function planDeploy(argv: readonly string[], config: DeployConfig | string): DeployPlan {
  throw new Error('Not implemented: planDeploy');
}
