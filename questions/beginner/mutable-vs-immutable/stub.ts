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
  throw new Error('Not implemented: endpointKey');
}

/** A new inventory with the updates applied; the input is never modified. */
export function applyTagUpdates(inventory: readonly Instance[], updates: readonly TagUpdate[]): Instance[] {
  throw new Error('Not implemented: applyTagUpdates');
}
