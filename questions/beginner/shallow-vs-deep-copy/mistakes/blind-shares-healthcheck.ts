// Title: Spreads the top level only, so the result shares healthCheck with the base
// Breaks: "the result shares no object or array with them"
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
    ...base,
    name,
    replicas: overrides.replicas ?? base.replicas,
    labels: { ...base.labels, ...(overrides.labels ?? {}) },
    ports: [...base.ports, ...(overrides.extraPorts ?? [])],
  };
}
