// Title: withLock returns the body promise without awaiting it, so release() runs before an async body finishes
// Breaks: "run the body, and always `release()` afterwards"
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

export interface Lock {
  acquire(): Promise<void>;
  release(): void;
}

export async function withLock<T>(lock: Lock, body: () => T | Promise<T>): Promise<T> {
  await lock.acquire();
  try {
    return body();
  } finally {
    lock.release();
  }
}
