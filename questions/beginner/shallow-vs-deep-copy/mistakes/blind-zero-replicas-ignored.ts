// Title: Uses || for replicas, so an override of 0 falls back to the base
// Breaks: "`replicas` is `overrides.replicas` when it is given (`0` too)"
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
    replicas: overrides.replicas || base.replicas,
    labels: { ...base.labels, ...(overrides.labels ?? {}) },
    ports: [...base.ports, ...(overrides.extraPorts ?? [])],
    healthCheck: { ...base.healthCheck },
  };
}
