export interface Stat {
  /** Size in bytes. */
  size: number;
  /** Last modification, milliseconds since the epoch. */
  mtimeMs: number;
  /** True for a directory and for a symbolic link that points at one. */
  isDirectory: boolean;
  /** True when the entry itself is a symbolic link. */
  isSymbolicLink: boolean;
}

export interface FileSystem {
  /** Names of the entries in `dir`; rejects if the directory cannot be read. */
  readdir(dir: string): Promise<string[]>;
  /** Rejects if the entry vanished or cannot be inspected. */
  stat(path: string): Promise<Stat>;
  /** Deletes a file. A dry run never calls it. */
  unlink(path: string): Promise<void>;
}

export interface ScanOptions {
  fs: FileSystem;
  /** Current time in milliseconds. */
  now: () => number;
  olderThanDays: number;
  minBytes: number;
}

export interface CleanupCandidate {
  path: string;
  bytes: number;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface CleanupPlan {
  /** Largest first, equal sizes by path. */
  files: CleanupCandidate[];
  totalBytes: number;
  /** Sorted by path. */
  skipped: Skipped[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** `*.log`, `*.log.<digits>` or `*.gz`, anchored at the end of the name. */
const LOG_NAME = /(?:\.log(?:\.\d+)?|\.gz)$/;

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Plain code-unit order. Paths in one plan are unique, so two entries never compare equal. */
function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : 1;
}

export async function planLogCleanup(root: string, options: ScanOptions): Promise<CleanupPlan> {
  const { fs, now, olderThanDays, minBytes } = options;
  if (!Number.isFinite(olderThanDays) || olderThanDays < 0) {
    throw new RangeError(`olderThanDays must be a finite number >= 0, got ${olderThanDays}`);
  }
  if (!Number.isFinite(minBytes) || minBytes < 0) {
    throw new RangeError(`minBytes must be a finite number >= 0, got ${minBytes}`);
  }
  // One clock reading for the whole scan: older means modified before this instant.
  const cutoff = now() - olderThanDays * DAY_MS;

  const files: CleanupCandidate[] = [];
  const skipped: Skipped[] = [];
  const pending: string[] = [root];

  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      skipped.push({ path: dir, reason: reasonOf(error) });
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      let info: Stat;
      try {
        info = await fs.stat(path);
      } catch (error) {
        skipped.push({ path, reason: reasonOf(error) });
        continue;
      }
      if (info.isSymbolicLink) continue; // never followed, never counted
      if (info.isDirectory) {
        pending.push(path);
        continue;
      }
      if (LOG_NAME.test(name) && info.mtimeMs < cutoff && info.size > minBytes) {
        files.push({ path, bytes: info.size });
      }
    }
  }

  files.sort((a, b) => b.bytes - a.bytes || byPath(a, b));
  skipped.sort(byPath);
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  return { files, totalBytes, skipped };
}
