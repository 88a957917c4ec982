// Title: Rethrows an upload failure without saving the progress so far
// Breaks: "if `uploadBatch` rejects, save the manifest (progress so far) and reject with that same error"
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
const MANIFEST_TMP_NAME = `${MANIFEST_NAME}.tmp`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function uploadDirectory(dir: string, options: UploadOptions): Promise<Manifest> {
  const { fs, uploader, batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a whole number of at least 1, got ${batchSize}`);
  }

  const manifestPath = `${dir}/${MANIFEST_NAME}`;
  const tmpPath = `${dir}/${MANIFEST_TMP_NAME}`;
  const manifest: Manifest = { uploaded: [], skipped: [] };

  if (await fs.exists(manifestPath)) {
    const text = await fs.readFile(manifestPath);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`${manifestPath} is not valid JSON: ${messageOf(error)}`);
    }
    const previous = parsed as Partial<Manifest> | null;
    if (previous !== null && typeof previous === 'object' && Array.isArray(previous.uploaded)) {
      manifest.uploaded = previous.uploaded.filter((name): name is string => typeof name === 'string');
    }
  }

  const save = async (): Promise<void> => {
    await fs.writeFile(tmpPath, JSON.stringify(manifest));
    await fs.rename(tmpPath, manifestPath);
  };

  const done = new Set(manifest.uploaded);
  const names = (await fs.listDir(dir))
    .filter((name) => name !== MANIFEST_NAME && name !== MANIFEST_TMP_NAME && !done.has(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  let batch: UploadItem[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) {
      return;
    }
    const items = batch;
    batch = [];
    await uploader.uploadBatch(items);
    manifest.uploaded.push(...items.map((item) => item.name));
    await save();
  };

  for (const name of names) {
    let content: string;
    try {
      content = await fs.readFile(`${dir}/${name}`);
    } catch (error) {
      manifest.skipped.push({ name, reason: messageOf(error) });
      continue;
    }
    batch.push({ name, content });
    if (batch.length === batchSize) {
      await flush();
    }
  }
  await flush();

  await save();
  return manifest;
}
