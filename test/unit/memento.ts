// A model of VS Code's workspace state as several windows on one workspace see it (extHostMemento.ts and
// extHostStorage.ts in VS Code 1.100): each window's extension host keeps the extension's whole state as one object
// in memory; `update` changes that object at once and sends the *whole* object to storage a moment later (a
// setImmediate here); when storage changes because another window wrote, every other window's object is replaced by
// what was written. `get` returns the in-memory value itself, not a copy.
import type { MementoLike } from '../../src/core/store';

export class SharedWorkspaceStorage {
  /** What is on disk: the extension's whole state, as JSON. */
  stored = '{}';
  private readonly windows: WindowMemento[] = [];

  constructor(initial: Record<string, unknown> = {}) {
    this.stored = JSON.stringify(initial);
  }

  /** A new window opening the workspace: it reads the stored state once. */
  open(): WindowMemento {
    const w = new WindowMemento(this, JSON.parse(this.stored) as Record<string, unknown>);
    this.windows.push(w);
    return w;
  }

  /** A window's write lands: storage takes its whole state and the other windows are told. */
  write(from: WindowMemento, state: Record<string, unknown>): void {
    this.stored = JSON.stringify(state);
    for (const w of this.windows) if (w !== from) w.accept(JSON.parse(this.stored) as Record<string, unknown>);
  }

  value(key: string): unknown {
    return (JSON.parse(this.stored) as Record<string, unknown>)[key];
  }
}

export class WindowMemento implements MementoLike {
  constructor(
    private readonly storage: SharedWorkspaceStorage,
    private state: Record<string, unknown>,
  ) {}

  get<T>(key: string): T | undefined {
    return (Object.hasOwn(this.state, key) ? this.state[key] : undefined) as T | undefined;
  }

  keys(): readonly string[] {
    return Object.keys(this.state);
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.state[key];
    else this.state[key] = value;
    return new Promise((resolve) => setImmediate(() => {
      this.storage.write(this, this.state);
      resolve();
    }));
  }

  accept(state: Record<string, unknown>): void {
    this.state = state;
  }
}
