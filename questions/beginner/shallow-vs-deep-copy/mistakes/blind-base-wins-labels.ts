// Title: On a label both have, the base value wins
// Breaks: "on the same key the override wins"
export interface ServiceConfig {
  name: string;
  replicas: number;
  labels: Record<string, string>;
  ports: number[];
  healthCheck: { path: string; timeoutSeconds: number };
}
export interface Overrides { replicas?: number; labels?: Record<string, string>; extraPorts?: number[] }
export const DEFAULTS: ServiceConfig = {
  name: 'service',
  replicas: 2,
  labels: { team: 'platform', tier: 'backend' },
  ports: [8080],
  healthCheck: { path: '/healthz', timeoutSeconds: 5 },
};
export function configFor(name: string, overrides: Overrides = {}, base: ServiceConfig = DEFAULTS): ServiceConfig {
  return {
    name,
    replicas: overrides.replicas ?? base.replicas,
    labels: { ...(overrides.labels ?? {}), ...base.labels },
    ports: [...base.ports, ...(overrides.extraPorts ?? [])],
    healthCheck: { ...base.healthCheck },
  };
}
