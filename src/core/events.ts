// A tiny event emitter for the core, shaped like vscode.EventEmitter so the VS Code layer can pass its events on
// unchanged (an `Event<T>` here is assignable to `vscode.Event<T>`), without the core importing 'vscode'.

export interface Disposable {
  dispose(): void;
}

/** Subscribes a listener; the returned disposable unsubscribes it (also pushed onto `disposables` when given). */
export type Event<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

export interface EmitterOptions {
  /** Called with whatever a listener throws; the other listeners still run. Default: console.error. */
  onListenerError?: (error: unknown) => void;
}

export class Emitter<T> implements Disposable {
  private listeners = new Set<{ fn: (e: T) => unknown; thisArgs: unknown }>();
  private disposed = false;

  constructor(private readonly options: EmitterOptions = {}) {}

  readonly event: Event<T> = (fn, thisArgs, disposables) => {
    if (this.disposed) return { dispose() {} };
    const entry = { fn, thisArgs };
    this.listeners.add(entry);
    const subscription = { dispose: () => void this.listeners.delete(entry) };
    disposables?.push(subscription);
    return subscription;
  };

  /** Calls every listener with `e`, in subscription order. A listener that throws does not stop the others. */
  fire(e: T): void {
    for (const entry of [...this.listeners]) {
      // A listener removed by an earlier one during this fire is not called.
      if (!this.listeners.has(entry)) continue;
      try {
        entry.fn.call(entry.thisArgs, e);
      } catch (error) {
        (this.options.onListenerError ?? ((err) => console.error(err)))(error);
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
