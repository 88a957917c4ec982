export interface ServiceConfig {
  name: string;
  replicas: number;
  labels: Record<string, string>;
  ports: number[];
  healthCheck: { path: string; timeoutSeconds: number };
}

export interface Overrides {
  replicas?: number;
  labels?: Record<string, string>;
  extraPorts?: number[];
}

/** Shared by every service: configFor must never change it. */
export const DEFAULTS: ServiceConfig = {
  name: 'service',
  replicas: 2,
  labels: { team: 'platform', tier: 'backend' },
  ports: [8080],
  healthCheck: { path: '/healthz', timeoutSeconds: 5 },
};

export function configFor(name: string, overrides: Overrides = {}, base: ServiceConfig = DEFAULTS): ServiceConfig {
  throw new Error('Not implemented: configFor');
}
