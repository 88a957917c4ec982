export interface Resource {
  close(): void | Promise<void>;
}

export interface CleanupOptions {
  /** Receives a close() error that would otherwise be lost because the body already failed. */
  onCloseError?: (error: unknown) => void;
}

export async function withResource<R extends Resource, T>(
  open: () => R | Promise<R>,
  body: (resource: R) => T | Promise<T>,
  options: CleanupOptions = {},
): Promise<T> {
  throw new Error('Not implemented: withResource');
}
