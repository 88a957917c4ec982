export interface FileSystem {
  /** The file's text; rejects with an error whose `code` is 'ENOENT' when there is no such file. */
  readFile(path: string): Promise<string>;
  /** Creates a NEW file holding `data`; rejects with code 'EEXIST' if `path` exists (like open(path, 'wx')). */
  createFile(path: string, data: string): Promise<void>;
  /** Truncates (or creates) the file, then writes `data` into it. */
  writeFile(path: string, data: string): Promise<void>;
  /** Forces the file's data out to the disk (fsync). Until then a power cut may lose it. */
  flush(path: string): Promise<void>;
  /** Atomically puts `from` in place of `to`, replacing `to` if it exists. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; rejects with code 'ENOENT' when it is missing. */
  remove(path: string): Promise<void>;
}

export interface UpdateOptions {
  /** Returns a fresh random-looking id for a temporary file name. Default: Math.random based. */
  makeId?: () => string;
}

export async function updateConfig(
  fs: FileSystem,
  target: string,
  edit: (current: string | null) => string,
  options: UpdateOptions = {},
): Promise<string> {
  throw new Error('Not implemented: updateConfig');
}
