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

export async function planLogCleanup(root: string, options: ScanOptions): Promise<CleanupPlan> {
  throw new Error('Not implemented: planLogCleanup');
}
