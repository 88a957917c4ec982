// Title: Treats every read error (not only ENOENT) as a missing file
// Breaks: "any other read error is passed on to the caller"
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

const MAX_NAMES = 5;

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function defaultId(): string {
  return Math.random().toString(36).slice(2, 10);
}

function tempPathFor(target: string, id: string): string {
  const slash = target.lastIndexOf('/');
  const dir = slash >= 0 ? target.slice(0, slash + 1) : '';
  const base = slash >= 0 ? target.slice(slash + 1) : target;
  return `${dir}.${base}.${id}.tmp`;
}

async function readCurrent(fs: FileSystem, target: string): Promise<string | null> {
  try {
    return await fs.readFile(target);
  } catch (error) {
    // Missing or unreadable: start from scratch.
    void error;
    return null;
  }
}

async function createTemp(fs: FileSystem, target: string, data: string, makeId: () => string): Promise<string> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= MAX_NAMES; attempt++) {
    const tmp = tempPathFor(target, makeId());
    try {
      await fs.createFile(tmp, data);
      return tmp;
    } catch (error) {
      if (hasCode(error, 'EEXIST')) {
        // Someone else's file: leave it alone and pick another name.
        lastError = error;
        continue;
      }
      await discard(fs, tmp);
      throw error;
    }
  }
  throw lastError;
}

async function discard(fs: FileSystem, path: string): Promise<void> {
  try {
    await fs.remove(path);
  } catch {
    // Best effort: the original error matters more.
  }
}

export async function updateConfig(
  fs: FileSystem,
  target: string,
  edit: (current: string | null) => string,
  options: UpdateOptions = {},
): Promise<string> {
  const makeId = options.makeId ?? defaultId;
  const current = await readCurrent(fs, target);
  const next = edit(current);
  const tmp = await createTemp(fs, target, next, makeId);
  try {
    await fs.flush(tmp);
    await fs.rename(tmp, target);
  } catch (error) {
    await discard(fs, tmp);
    throw error;
  }
  return next;
}
