// Title: Counts files as they are listed, so an unreadable file still uses a slot and batches come out smaller
// Breaks: "skipped files take no slot; the last group may be smaller"
export interface FileSystem {
  listDir(dir: string): Promise<string[]>;
  /** Rejects when the file cannot be read. */
  readFile(path: string): Promise<string>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  exists(path: string): Promise<boolean>;
}

export interface UploadItem {
  name: string;
  content: string;
}

export interface Uploader {
  uploadBatch(items: readonly UploadItem[]): Promise<void>;
}

export interface Manifest {
  uploaded: string[];
  skipped: { name: string; reason: string }[];
}

export interface UploadOptions {
  fs: FileSystem;
  uploader: Uploader;
  batchSize: number;
}

export const MANIFEST_NAME = '.upload-manifest.json';
const TEMP_NAME = `${MANIFEST_NAME}.tmp`;

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function uploadDirectory(dir: string, options: UploadOptions): Promise<Manifest> {
  const { fs, uploader, batchSize } = options;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError('batchSize must be a whole number of at least 1');
  }
  const manifestPath = joinPath(dir, MANIFEST_NAME);
  const tempPath = joinPath(dir, TEMP_NAME);

  const manifest: Manifest = { uploaded: [], skipped: [] };
  if (await fs.exists(manifestPath)) {
    const text = await fs.readFile(manifestPath);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`${MANIFEST_NAME} at ${manifestPath} is not valid JSON: ${reasonOf(error)}`);
    }
    const uploaded = (parsed as Partial<Manifest> | null)?.uploaded;
    if (Array.isArray(uploaded)) {
      manifest.uploaded = uploaded.filter((n): n is string => typeof n === 'string');
    }
  }

  const save = async (): Promise<void> => {
    await fs.writeFile(tempPath, JSON.stringify(manifest));
    await fs.rename(tempPath, manifestPath);
  };

  const done = new Set(manifest.uploaded);
  const names = (await fs.listDir(dir))
    .filter((name) => name !== MANIFEST_NAME && name !== TEMP_NAME && !done.has(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  let batch: UploadItem[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      await uploader.uploadBatch(items);
    } catch (error) {
      await save();
      throw error;
    }
    manifest.uploaded.push(...items.map((item) => item.name));
    await save();
  };

  for (let start = 0; start < names.length; start += batchSize) {
    for (const name of names.slice(start, start + batchSize)) {
      try {
        batch.push({ name, content: await fs.readFile(joinPath(dir, name)) });
      } catch (error) {
        manifest.skipped.push({ name, reason: reasonOf(error) });
      }
    }
    await flush();
  }
  await flush();

  await save();
  return manifest;
}
