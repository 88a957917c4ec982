// Title: endpointKey lower-cases the host, so DB and db share a key
// Breaks: "two keys are equal **exactly when** both the host and the port are equal"
export interface Instance {
  readonly host: string;
  readonly port: number;
  readonly tags: readonly string[];
}

export interface TagUpdate {
  readonly host: string;
  readonly port: number;
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
}

/** A Map key that is equal for two (host, port) pairs exactly when both parts are equal. */
export function endpointKey(host: string, port: number): string {
  // host names are case-insensitive in DNS
  return JSON.stringify([host.toLowerCase(), port]);
}

/** A new inventory with the updates applied; the input is never modified. */
export function applyTagUpdates(inventory: readonly Instance[], updates: readonly TagUpdate[]): Instance[] {
  const index = new Map<string, number>();
  inventory.forEach((instance, i) => {
    const key = endpointKey(instance.host, instance.port);
    if (index.has(key)) throw new Error(`Duplicate inventory entry ${instance.host}:${instance.port}`);
    index.set(key, i);
  });

  const result: Instance[] = inventory.slice();
  for (const update of updates) {
    const i = index.get(endpointKey(update.host, update.port));
    if (i === undefined) throw new Error(`No instance ${update.host}:${update.port} in the inventory`);
    const current = result[i];
    const removed = new Set(update.remove ?? []);
    const tags = current.tags.filter((tag) => !removed.has(tag));
    for (const tag of update.add ?? []) {
      if (!tags.includes(tag)) tags.push(tag);
    }
    result[i] = { ...current, tags };
  }
  return result;
}
