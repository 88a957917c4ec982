// Title: A close() failure after a successful body falls into the catch and calls close() a second time
// Breaks: "Calls `close()` **exactly once**, whether the body returned, threw, or its promise rejected"
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
  const resource = await open();
  try {
    const result = await body(resource);
    await resource.close();
    return result;
  } catch (error) {
    try {
      await resource.close();
    } catch (closeError) {
      options.onCloseError?.(closeError);
    }
    throw error;
  }
}

export interface Lock {
  acquire(): Promise<void>;
  release(): void;
}

export async function withLock<T>(lock: Lock, body: () => T | Promise<T>): Promise<T> {
  await lock.acquire();
  try {
    return await body();
  } finally {
    lock.release();
  }
}
