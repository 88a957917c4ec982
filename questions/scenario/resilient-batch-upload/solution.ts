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

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function uploadDirectory(dir: string, options: UploadOptions): Promise<Manifest> {
  const { fs, uploader, batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a whole number >= 1, got ${batchSize}`);
  }
  const manifestPath = `${dir}/${MANIFEST_NAME}`;
  const tempPath = `${manifestPath}.tmp`;

  const manifest: Manifest = { uploaded: [], skipped: [] };
  if (await fs.exists(manifestPath)) {
    const text = await fs.readFile(manifestPath);
    let previous: Partial<Manifest>;
    try {
      previous = JSON.parse(text) as Partial<Manifest>;
    } catch (err) {
      throw new Error(`cannot resume: ${manifestPath} is not valid JSON (${errorMessage(err)})`);
    }
    manifest.uploaded = [...(previous.uploaded ?? [])];
  }

  const save = async (): Promise<void> => {
    await fs.writeFile(tempPath, JSON.stringify(manifest, null, 2));
    await fs.rename(tempPath, manifestPath);
  };

  const done = new Set(manifest.uploaded);
  const names = (await fs.listDir(dir))
    .filter((name) => name !== MANIFEST_NAME && name !== `${MANIFEST_NAME}.tmp`)
    .filter((name) => !done.has(name))
    .sort();

  let batch: UploadItem[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      await uploader.uploadBatch(items);
    } catch (err) {
      await save();
      throw err;
    }
    manifest.uploaded.push(...items.map((item) => item.name));
    await save();
  };

  for (const name of names) {
    let content: string;
    try {
      content = await fs.readFile(`${dir}/${name}`);
    } catch (err) {
      manifest.skipped.push({ name, reason: errorMessage(err) });
      continue;
    }
    batch.push({ name, content });
    if (batch.length === batchSize) await flush();
  }
  await flush();
  await save();
  return manifest;
}
