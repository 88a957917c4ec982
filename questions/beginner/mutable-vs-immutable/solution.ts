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

/** A new inventory with the updates applied; the input is never modified. */
export function applyTagUpdates(inventory: readonly Instance[], updates: readonly TagUpdate[]): Instance[] {
  const index = new Map<string, number>();
  inventory.forEach((inst, i) => {
    const key = endpointKey(inst.host, inst.port);
    if (index.has(key)) throw new Error(`duplicate instance ${inst.host}:${inst.port}`);
    index.set(key, i);
  });

  const result = [...inventory];
  for (const update of updates) {
    const i = index.get(endpointKey(update.host, update.port));
    if (i === undefined) throw new Error(`unknown instance ${update.host}:${update.port}`);
    const current = result[i];
    const remove = update.remove ?? [];
    const tags = current.tags.filter((tag) => !remove.includes(tag));
    for (const tag of update.add ?? []) {
      if (!tags.includes(tag)) tags.push(tag);
    }
    result[i] = { ...current, tags };
  }
  return result;
}
