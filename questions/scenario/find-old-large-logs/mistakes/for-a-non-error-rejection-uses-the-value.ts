// Title: For a non-Error rejection, uses the value's `message` property or a generic text instead of String(error)
// Breaks: "Use `String(error)` when the error is not an `Error`."
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

const DAY_MS = 86_400_000;
const LOG_NAME = /(?:\.log|\.log\.\d+|\.gz)$/;

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return 'unknown error';
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function planLogCleanup(root: string, options: ScanOptions): Promise<CleanupPlan> {
  const { fs, now, olderThanDays, minBytes } = options;
  if (typeof olderThanDays !== 'number' || !Number.isFinite(olderThanDays) || olderThanDays < 0) {
    throw new RangeError('olderThanDays must be a finite number >= 0');
  }
  if (typeof minBytes !== 'number' || !Number.isFinite(minBytes) || minBytes < 0) {
    throw new RangeError('minBytes must be a finite number >= 0');
  }

  const current = now();
  const maxAgeMs = olderThanDays * DAY_MS;
  const files: CleanupCandidate[] = [];
  const skipped: Skipped[] = [];

  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      skipped.push({ path: dir, reason: reasonOf(error) });
      return;
    }
    for (const name of names) {
      const path = joinPath(dir, name);
      let stat: Stat;
      try {
        stat = await fs.stat(path);
      } catch (error) {
        skipped.push({ path, reason: reasonOf(error) });
        continue;
      }
      if (stat.isSymbolicLink) continue;
      if (stat.isDirectory) {
        await walk(path);
        continue;
      }
      if (!LOG_NAME.test(name)) continue;
      if (!(current - stat.mtimeMs > maxAgeMs)) continue;
      if (!(stat.size > minBytes)) continue;
      files.push({ path, bytes: stat.size });
    }
  };

  await walk(root);

  files.sort((a, b) => b.bytes - a.bytes || byPath(a.path, b.path));
  skipped.sort((a, b) => byPath(a.path, b.path));
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  return { files, totalBytes, skipped };
}
