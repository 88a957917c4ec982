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
  // Outside the try: if opening fails there is nothing to close.
  const resource = await open();
  let result: T;
  try {
    result = await body(resource);
  } catch (bodyError) {
    try {
      await resource.close();
    } catch (closeError) {
      options.onCloseError?.(closeError);
    }
    throw bodyError;
  }
  await resource.close();
  return result;
}
