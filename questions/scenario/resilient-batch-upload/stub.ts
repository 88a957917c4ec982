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

export async function uploadDirectory(dir: string, options: UploadOptions): Promise<Manifest> {
  throw new Error('Not implemented: uploadDirectory');
}
