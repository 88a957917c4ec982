// Title: Does not await the body: an async body is still running when close() is called
// Breaks: "`body` may be async: wait for it to **finish** before closing."
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
  let result: T | Promise<T>;
  try {
    result = body(resource);
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
