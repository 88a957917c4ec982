// Persistence shared by the score and rating stores: a versioned value under one key of a Memento-shaped store
// (VS Code's workspace state, a Map in the tests), validated on every read, never silently dropped.
//
// What VS Code's workspace state does, and what this file does about it:
// - Each window's extension host keeps the extension's whole state in memory; `update` changes that copy at once and
//   writes the whole state a moment later; when another window on the same workspace writes, the copy is replaced
//   by what that window wrote. A store that kept its own copy and wrote it back would undo the other window's
//   changes. So every change here re-reads the key, applies the change to what is stored *now* and writes that: the
//   other windows' attempts are merged, not overwritten. `refresh()` adopts what other windows wrote in between.
// - Data a newer version wrote is never rewritten: the store shows nothing from it, keeps this window's changes in
//   memory only, and says so once. Unreadable data is copied to a backup key before the key is rewritten; only the
//   newest few backups are kept.
import { Emitter, type Event } from './events';

/** The part of vscode.Memento the stores use. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Small checks.

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function isIsoTime(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && !Number.isNaN(Date.parse(v));
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The value under `id`, only when it is the map's own: `constructor`, `toString` and `__proto__` are ordinary keys.
 * Maps are built with Object.fromEntries, spreads and computed keys (never `map[id] = v`), so `__proto__` stays a key.
 */
export function lookup<T>(map: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(map, id) ? map[id] : undefined;
}

/** A JSON copy, so nothing the store keeps shares objects with what the memento keeps. */
export function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}

/** Runs async operations one at a time, in call order; a failed operation does not stop the ones after it. */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(op: () => Promise<T>): Promise<T> {
    const result = this.tail.then(op);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading, setting aside, backups.

/** What a load found unreadable, to be copied under a backup key. */
export interface SetAside {
  /** True when the whole stored value is set aside; false when only some entries are. */
  whole: boolean;
  /** The raw value (whole), or the raw unreadable entries by key. */
  value: unknown;
  /** Why, one line per reason. */
  reasons: string[];
}

/** The value written under a backup key. */
export interface BackupRecord {
  from: string;
  at: string;
  reasons: string[];
  whole: boolean;
  value: unknown;
}

/** What a store's reader makes of the stored value. */
export interface ReadValue<T> {
  value: T;
  setAside?: SetAside;
  /** The stored value should be rewritten in the current schema (it was migrated or cleaned). */
  rewrite: boolean;
  /** Set when a newer version of the extension wrote the value: it is kept as it is, and nothing is written over it. */
  newerVersion?: number;
}

/** Reads the schema version of a stored envelope: the version when it is newer than `current`, else undefined. */
export function newerVersionOf(raw: unknown, current: number): number | undefined {
  if (!isPlainObject(raw)) return undefined;
  const v = raw.version;
  return typeof v === 'number' && Number.isSafeInteger(v) && v > current ? v : undefined;
}

export const BACKUP_INFIX = '.unreadable.';
export const DEFAULT_MAX_BACKUPS = 3;

/** A backup key that is not in use yet: `<key>.unreadable.<ISO time>`, with `.2`, `.3`... appended if needed. */
export function backupKey(memento: MementoLike, key: string, now: Date): string {
  const base = `${key}${BACKUP_INFIX}${now.toISOString()}`;
  let candidate = base;
  for (let n = 2; memento.get(candidate) !== undefined; n++) candidate = `${base}.${n}`;
  return candidate;
}

/** The backup keys of `key`, oldest first. */
export function backupKeys(memento: MementoLike, key: string): string[] {
  const prefix = `${key}${BACKUP_INFIX}`;
  const order = (k: string): [string, number] => {
    const rest = k.slice(prefix.length);
    const m = /^(.*Z)(?:\.(\d+))?$/.exec(rest);
    return m ? [m[1]!, Number(m[2] ?? 1)] : [rest, 0];
  };
  return memento
    .keys()
    .filter((k) => k.startsWith(prefix) && memento.get(k) !== undefined)
    .sort((a, b) => {
      const [ta, na] = order(a);
      const [tb, nb] = order(b);
      return ta < tb ? -1 : ta > tb ? 1 : na - nb;
    });
}

/** One sentence saying what was set aside and where. */
export function describeSetAside(s: SetAside, backup: string, what: string, entries: (n: number) => string): string {
  const n = s.whole ? 0 : Object.keys(s.value as object).length;
  const shown = s.reasons.slice(0, 3).join('; ');
  const detail = s.reasons.length > 3 ? `${shown}; and ${s.reasons.length - 3} more` : shown;
  return s.whole
    ? `the stored ${what} could not be read (${detail}); they were set aside under "${backup}" and start afresh.`
    : `${entries(n)} could not be read (${detail}) and ${n === 1 ? 'was' : 'were'} set aside under "${backup}"; the others are kept.`;
}

/**
 * Writes one store's value under its key, after first writing the backups of what reads set aside: the main key is
 * never overwritten before the data it replaces is safe elsewhere. A failed backup is retried before the next write.
 * After a backup lands, only the newest `maxBackups` backups of the key are kept.
 */
export class GuardedWriter {
  private readonly pendingBackups: { key: string; record: BackupRecord }[] = [];

  constructor(
    private readonly memento: MementoLike,
    private readonly key: string,
    private readonly maxBackups = DEFAULT_MAX_BACKUPS,
  ) {}

  /**
   * Chooses the backup key now and keeps the record until the next write. Returns the backup key, and whether it is
   * new (the same data read again while its backup is still pending is not backed up twice).
   */
  setAside(setAside: SetAside, now: Date): { key: string; fresh: boolean } {
    const same = this.pendingBackups.find((b) => b.record.whole === setAside.whole && JSON.stringify(b.record.value) === JSON.stringify(setAside.value));
    if (same) return { key: same.key, fresh: false };
    let key = backupKey(this.memento, this.key, now);
    while (this.pendingBackups.some((b) => b.key === key)) key = `${key}.${this.pendingBackups.length + 1}`;
    this.pendingBackups.push({ key, record: { from: this.key, at: now.toISOString(), reasons: setAside.reasons, whole: setAside.whole, value: setAside.value } });
    return { key, fresh: true };
  }

  async write(value: unknown): Promise<void> {
    let backedUp = false;
    while (this.pendingBackups.length > 0) {
      const b = this.pendingBackups[0]!;
      await this.memento.update(b.key, plain(b.record));
      this.pendingBackups.shift();
      backedUp = true;
    }
    if (backedUp) await this.pruneBackups();
    await this.memento.update(this.key, plain(value));
  }

  private async pruneBackups(): Promise<void> {
    const keys = backupKeys(this.memento, this.key);
    for (const old of keys.slice(0, Math.max(0, keys.length - Math.max(1, this.maxBackups)))) await this.memento.update(old, undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The base of the score and rating stores.

export interface VersionedStoreSpec<T> {
  memento: MementoLike;
  key: string;
  /** The schema version this extension writes. */
  version: number;
  /** "Scores", "Ratings": starts each problem sentence. */
  label: string;
  /** "scores", "ratings"; and how to count set-aside entries ("1 drill score", "3 drill scores"). */
  what: string;
  entries: (n: number) => string;
  /** `now` is called only when the reader needs the time (a migration). */
  read(raw: unknown, now: () => Date): ReadValue<T>;
  /** The envelope written under the key. */
  stored(value: T): unknown;
  now?: () => Date;
  maxBackups?: number;
}

/**
 * Load with a reader, set aside what cannot be read, a `ready` promise for the load-time writes, changes queued one
 * at a time and merged into what is stored at the moment of writing, `onDidChange` after each landed change.
 * Subclasses add only their domain verbs, through `change()` and `current`.
 */
export abstract class VersionedStore<T, K> {
  private value: T;
  private readonly queue = new WriteQueue();
  private readonly writer: GuardedWriter;
  private readonly changed = new Emitter<K | undefined>();
  private readonly problemList: string[] = [];
  private readonly memento: MementoLike;
  private readonly spec: VersionedStoreSpec<T>;
  protected readonly now: () => Date;
  /** The schema version of data a newer version wrote; while set, nothing is written. */
  private newer: number | undefined;
  /** Fires after a change lands: what changed, or undefined when everything may have (reset, refresh). */
  readonly onDidChange: Event<K | undefined> = this.changed.event;
  /** Settles once the load-time writes (migration, backup of unreadable data) are done. Never rejects. */
  readonly ready: Promise<void>;

  protected constructor(spec: VersionedStoreSpec<T>) {
    this.spec = spec;
    this.memento = spec.memento;
    this.now = spec.now ?? (() => new Date());
    this.writer = new GuardedWriter(spec.memento, spec.key, spec.maxBackups);
    const loadedAt = this.now();
    const read = this.readNow(() => loadedAt);
    this.value = deepFreeze(read.value);
    this.ready = read.rewrite && this.newer === undefined
      ? this.queue
          .run(() => this.writer.write(spec.stored(read.value)))
          .catch((e: unknown) => void this.problemList.push(`${spec.label}: writing the ${read.setAside ? 'backup and cleaned' : 'migrated'} ${spec.what} failed (${errorText(e)}); retried with the next change.`))
      : Promise.resolve();
  }

  /** What was set aside, kept read-only or failed at load, one human sentence each (empty when all was well). */
  get problems(): readonly string[] {
    return [...this.problemList];
  }

  /** True while the stored data comes from a newer version: changes are kept in memory only. */
  get readOnly(): boolean {
    return this.newer !== undefined;
  }

  /** Resolves once every write queued so far has landed. */
  flushed(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Adopts what is stored now (e.g. written by another window on the same workspace) and fires onDidChange when it
   * differs from what the store showed. Resolves to whether it did.
   */
  refresh(): Promise<boolean> {
    return this.queue.run(async () => {
      if (this.newer !== undefined) return false;
      const read = this.readNow();
      if (this.newer !== undefined || sameJson(read.value, this.value)) return false;
      if (read.rewrite) await this.writer.write(this.spec.stored(read.value)).catch(() => undefined);
      this.value = deepFreeze(plain(read.value));
      this.changed.fire(undefined);
      return true;
    });
  }

  dispose(): void {
    this.changed.dispose();
  }

  protected get current(): T {
    return this.value;
  }

  /**
   * Applies `update` to the value stored now (re-read, so other windows' changes are kept) and writes the result.
   * `update` returns undefined for "no change". Writes first, then adopts the new value and fires `changed`: a failed
   * write leaves the store as it was. With newer-version data, the change is kept in memory and nothing is written.
   */
  protected change(changed: K | undefined, update: (stored: T) => T | undefined): Promise<T> {
    return this.queue.run(async () => {
      if (this.newer !== undefined) {
        const next = update(this.value);
        if (next !== undefined) {
          this.value = deepFreeze(plain(next));
          this.changed.fire(changed);
        }
        return this.value;
      }
      const read = this.readNow();
      const base = this.newer === undefined ? read.value : this.value;
      const next = update(base);
      const outsideChange = !sameJson(read.value, this.value);
      if (next === undefined) {
        if (outsideChange && this.newer === undefined) {
          this.value = deepFreeze(plain(read.value));
          this.changed.fire(undefined);
        }
        return this.value;
      }
      if (this.newer === undefined) await this.writer.write(this.spec.stored(next));
      this.value = deepFreeze(plain(next));
      this.changed.fire(outsideChange ? undefined : changed);
      return this.value;
    });
  }

  /** Reads the key now; queues backups of what the read set aside; notices data from a newer version. */
  private readNow(now: () => Date = this.now): ReadValue<T> {
    const raw = this.memento.get<unknown>(this.spec.key);
    const newer = newerVersionOf(raw, this.spec.version);
    if (newer !== undefined) {
      if (this.newer === undefined) {
        this.newer = newer;
        this.problemList.push(
          `${this.spec.label}: the stored ${this.spec.what} were written by a newer version of Interview Drills (schema ${newer}; this one reads ${this.spec.version}). ` +
          `They are kept as they are and not shown; changes made in this version last until the window closes. Update the extension to see and keep them.`,
        );
      }
      return { value: this.spec.read(undefined, now).value, rewrite: false, newerVersion: newer };
    }
    const read = this.spec.read(raw, now);
    if (read.setAside) {
      const backup = this.writer.setAside(read.setAside, now());
      if (backup.fresh) this.problemList.push(`${this.spec.label}: ${describeSetAside(read.setAside, backup.key, this.spec.what, this.spec.entries)}`);
    }
    return read;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
