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

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10);
}

export async function updateConfig(
  fs: FileSystem,
  target: string,
  edit: (current: string | null) => string,
  options: UpdateOptions = {},
): Promise<string> {
  const makeId = options.makeId ?? randomId;
  const slash = target.lastIndexOf('/');
  const dir = target.slice(0, slash + 1); // keeps the trailing '/', or '' for a bare file name
  const base = target.slice(slash + 1);

  // 1. Read the original. Nothing has been written yet, so any failure here leaves it untouched.
  let current: string | null;
  try {
    current = await fs.readFile(target);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
    current = null;
  }
  const text = edit(current);

  // 2. Write a temp file beside the target, under a name nobody else is using.
  let temp: string | undefined; // set as soon as a file of ours may exist
  try {
    for (let attempt = 1; temp === undefined; attempt++) {
      const candidate = `${dir}.${base}.${makeId()}.tmp`;
      try {
        await fs.createFile(candidate, text);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') {
          temp = candidate; // the failed write may have left a partial file of ours
          throw error;
        }
        if (attempt === MAX_NAMES) throw error;
        continue; // someone else's file: pick another name
      }
      temp = candidate;
    }
    // 3. Make the data durable, then swap it in with one atomic rename.
    await fs.flush(temp);
    await fs.rename(temp, target);
    return text;
  } catch (error) {
    if (temp !== undefined) {
      try {
        await fs.remove(temp);
      } catch {
        // Already gone (or the disk is dead): the original error is the one worth reporting.
      }
    }
    throw error;
  }
}
