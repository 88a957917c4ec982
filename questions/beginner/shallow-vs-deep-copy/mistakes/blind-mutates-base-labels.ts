// Title: Merges override labels into the base's labels object (Object.assign onto it)
// Breaks: "`base`, `DEFAULTS` and `overrides` stay exactly as they were"
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
  const labels = Object.assign(base.labels, overrides.labels ?? {});
  return {
    name,
    replicas: overrides.replicas ?? base.replicas,
    labels: { ...labels },
    ports: [...base.ports, ...(overrides.extraPorts ?? [])],
    healthCheck: { ...base.healthCheck },
  };
}
