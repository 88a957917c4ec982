// Title: Each update is applied to the original instance, so a second update for the same instance discards the first
// Breaks: "applies the updates in order"
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
  return JSON.stringify([host, port]);
}

function applyOne(instance: Instance, update: TagUpdate): Instance {
  const remove = update.remove ?? [];
  const tags = instance.tags.filter((tag) => !remove.includes(tag));
  for (const tag of update.add ?? []) {
    if (!tags.includes(tag)) tags.push(tag);
  }
  return { ...instance, tags };
}

/** A new inventory with the updates applied; the input is never modified. */
export function applyTagUpdates(inventory: readonly Instance[], updates: readonly TagUpdate[]): Instance[] {
  const index = new Map<string, number>();
  inventory.forEach((instance, i) => {
    const key = endpointKey(instance.host, instance.port);
    if (index.has(key)) throw new Error(`duplicate instance ${instance.host}:${instance.port}`);
    index.set(key, i);
  });
  const result = inventory.slice();
  for (const update of updates) {
    const i = index.get(endpointKey(update.host, update.port));
    if (i === undefined) throw new Error(`no instance ${update.host}:${update.port} in the inventory`);
    result[i] = applyOne(inventory[i], update);
  }
  return result;
}
