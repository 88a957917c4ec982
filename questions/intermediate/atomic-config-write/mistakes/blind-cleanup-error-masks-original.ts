// Title: A failing cleanup remove() replaces the original rename/flush error
// Breaks: "remove your temporary file (ignore a failure to remove it) and reject with the **original** error"
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

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function tempPath(target: string, id: string): string {
  const slash = target.lastIndexOf('/');
  const dir = slash >= 0 ? target.slice(0, slash + 1) : '';
  const base = target.slice(slash + 1);
  return `${dir}.${base}.${id}.tmp`;
}

function defaultId(): string {
  return Math.random().toString(36).slice(2, 10);
}

export async function updateConfig(
  fs: FileSystem,
  target: string,
  edit: (current: string | null) => string,
  options: UpdateOptions = {},
): Promise<string> {
  const makeId = options.makeId ?? defaultId;

  let current: string | null;
  try {
    current = await fs.readFile(target);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    current = null;
  }

  const next = edit(current);

  let temp = '';
  let created = false;
  let lastError: unknown;
  for (let n = 0; n < MAX_NAMES; n++) {
    temp = tempPath(target, makeId());
    try {
      await fs.createFile(temp, next);
      created = true;
      break;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') {
        // Someone else's file: leave it alone and pick another name.
        lastError = error;
        continue;
      }
      try {
        await fs.remove(temp);
      } catch {
        // ignore
      }
      throw error;
    }
  }
  if (!created) throw lastError;

  try {
    await fs.flush(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.remove(temp);
    throw error;
  }
  return next;
}
