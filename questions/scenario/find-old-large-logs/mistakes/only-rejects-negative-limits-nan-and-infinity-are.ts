// Title: Only rejects negative limits; NaN and Infinity are accepted
// Breaks: "`olderThanDays` and `minBytes` must be finite numbers `>= 0`; otherwise reject with a `RangeError`."
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
  return error instanceof Error ? error.message : String(error);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkNonNegative(name: string, value: number): void {
  if (typeof value !== 'number' || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  }
}

export async function planLogCleanup(root: string, options: ScanOptions): Promise<CleanupPlan> {
  const { fs, now, olderThanDays, minBytes } = options;
  checkNonNegative('olderThanDays', olderThanDays);
  checkNonNegative('minBytes', minBytes);

  const maxAgeMs = olderThanDays * DAY_MS;
  const currentMs = now();
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
      if (stat.isSymbolicLink) {
        continue;
      }
      if (stat.isDirectory) {
        await walk(path);
        continue;
      }
      const old = currentMs - stat.mtimeMs > maxAgeMs;
      const big = stat.size > minBytes;
      if (LOG_NAME.test(name) && old && big) {
        files.push({ path, bytes: stat.size });
      }
    }
  };

  await walk(root);

  files.sort((a, b) => b.bytes - a.bytes || byPath(a.path, b.path));
  skipped.sort((a, b) => byPath(a.path, b.path));
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  return { files, totalBytes, skipped };
}
