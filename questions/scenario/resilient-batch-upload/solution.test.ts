import { uploadDirectory, MANIFEST_NAME } from './solution';
import type { UploadItem } from './solution';

const DIR = '/var/reports';
const MANIFEST = `${DIR}/${MANIFEST_NAME}`;

function fakeFs(files: Record<string, string>, unreadable: string[] = []) {
  const data = new Map<string, string>(Object.entries(files));
  const ops: string[] = [];
  const reads: string[] = [];
  const existsCalls: string[] = [];
  const fs = {
    async listDir(dir: string): Promise<string[]> {
      ops.push(`list ${dir}`);
      return [...data.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1));
    },
    async readFile(path: string): Promise<string> {
      reads.push(path);
      if (unreadable.includes(path)) throw new Error(`EACCES: permission denied, open '${path}'`);
      const text = data.get(path);
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    async writeFile(path: string, text: string): Promise<void> {
      ops.push(`write ${path}`);
      data.set(path, text);
    },
    async rename(from: string, to: string): Promise<void> {
      ops.push(`rename ${from} -> ${to}`);
      const text = data.get(from);
      if (text === undefined) throw new Error(`ENOENT: rename '${from}'`);
      data.delete(from);
      data.set(to, text);
    },
    async exists(path: string): Promise<boolean> {
      existsCalls.push(path);
      return data.has(path);
    },
  };
  const manifest = () => {
    const text = data.get(MANIFEST);
    return text === undefined ? null : JSON.parse(text);
  };
  return { fs, data, ops, reads, existsCalls, manifest };
}

function fakeUploader(failOnCall?: number, failure: unknown = new Error('503 Service Unavailable')) {
  const batches: string[][] = [];
  const received: UploadItem[] = [];
  let calls = 0;
  const uploader = {
    async uploadBatch(items: readonly UploadItem[]): Promise<void> {
      calls++;
      if (calls === failOnCall) throw failure;
      batches.push(items.map((item) => item.name));
      received.push(...items);
    },
  };
  return { uploader, batches, received };
}

/** Five report files, deliberately listed out of order. */
const FILES: Record<string, string> = {
  [`${DIR}/e.csv`]: 'e-data',
  [`${DIR}/b.csv`]: 'b-data',
  [`${DIR}/d.csv`]: 'd-data',
  [`${DIR}/a.csv`]: 'a-data',
  [`${DIR}/c.csv`]: 'c-data',
};

describe('uploadDirectory', () => {
  it('uploads every file in name order, in batches of batchSize (the last one may be smaller)', async () => {
    const disk = fakeFs(FILES);
    const up = fakeUploader();
    const manifest = await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 });
    expect(up.batches).toEqual([['a.csv', 'b.csv'], ['c.csv', 'd.csv'], ['e.csv']]);
    expect(up.received).toEqual(['a', 'b', 'c', 'd', 'e'].map((n) => ({ name: `${n}.csv`, content: `${n}-data` })));
    expect(manifest).toEqual({ uploaded: ['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv'], skipped: [] });
  });

  it('skips an unreadable file with the reason and carries on', async () => {
    const disk = fakeFs(FILES, [`${DIR}/b.csv`]);
    const up = fakeUploader();
    const manifest = await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 });
    expect(up.batches).toEqual([['a.csv', 'c.csv'], ['d.csv', 'e.csv']]);
    expect(manifest.skipped).toEqual([{ name: 'b.csv', reason: `EACCES: permission denied, open '${DIR}/b.csv'` }]);
    expect(disk.manifest()).toEqual(manifest);
  });

  it('writes the manifest atomically: temp file first, then rename over the real one', async () => {
    const disk = fakeFs(FILES);
    const up = fakeUploader();
    await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 });
    const writes = disk.ops.filter((op) => op.startsWith('write '));
    expect(writes.length).toBeGreaterThan(0);
    disk.ops.forEach((op, i) => {
      if (op.startsWith('write ')) {
        expect(op).toBe(`write ${MANIFEST}.tmp`);
        expect(disk.ops[i + 1]).toBe(`rename ${MANIFEST}.tmp -> ${MANIFEST}`);
      }
    });
    expect(disk.data.has(`${MANIFEST}.tmp`)).toBe(false);
    expect(disk.manifest()).toEqual({ uploaded: ['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv'], skipped: [] });
  });

  it('resumes from an existing manifest without re-reading or re-uploading finished files', async () => {
    const disk = fakeFs({
      ...FILES,
      [MANIFEST]: JSON.stringify({ uploaded: ['a.csv', 'b.csv'], skipped: [] }),
    });
    const up = fakeUploader();
    const manifest = await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 });
    expect(up.batches).toEqual([['c.csv', 'd.csv'], ['e.csv']]);
    expect(disk.reads).not.toContain(`${DIR}/a.csv`);
    expect(disk.reads).not.toContain(`${DIR}/b.csv`);
    expect(manifest.uploaded).toEqual(['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv']);
  });

  it('never uploads its own manifest or temp file', async () => {
    const disk = fakeFs({
      [`${DIR}/a.csv`]: 'a-data',
      [MANIFEST]: JSON.stringify({ uploaded: [], skipped: [] }),
      [`${MANIFEST}.tmp`]: '{"half": ',
    });
    const up = fakeUploader();
    await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 10 });
    expect(up.batches).toEqual([['a.csv']]);
  });

  it('retries previously skipped files on the next run', async () => {
    const disk = fakeFs({
      [`${DIR}/a.csv`]: 'a-data',
      [`${DIR}/b.csv`]: 'b-data',
      [MANIFEST]: JSON.stringify({ uploaded: ['a.csv'], skipped: [{ name: 'b.csv', reason: 'EACCES' }] }),
    });
    const up = fakeUploader();
    const manifest = await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 5 });
    expect(up.batches).toEqual([['b.csv']]);
    expect(manifest).toEqual({ uploaded: ['a.csv', 'b.csv'], skipped: [] });
  });

  it('saves progress when a batch fails, rethrows, and a rerun uploads only the rest', async () => {
    const disk = fakeFs(FILES);
    const failing = fakeUploader(2);
    await expect(uploadDirectory(DIR, { fs: disk.fs, uploader: failing.uploader, batchSize: 2 })).rejects.toThrow('503 Service Unavailable');
    expect(disk.manifest()).toEqual({ uploaded: ['a.csv', 'b.csv'], skipped: [] });

    const healthy = fakeUploader();
    await uploadDirectory(DIR, { fs: disk.fs, uploader: healthy.uploader, batchSize: 2 });
    expect(healthy.batches).toEqual([['c.csv', 'd.csv'], ['e.csv']]);
    expect(disk.manifest().uploaded).toEqual(['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv']);
  });

  it('refuses to resume from a corrupt manifest instead of uploading everything again', async () => {
    const disk = fakeFs({ ...FILES, [MANIFEST]: '{"uploaded": ["a.csv", ' });
    const up = fakeUploader();
    await expect(uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 })).rejects.toThrow(/upload-manifest/);
    expect(up.batches).toEqual([]);
  });

  it('writes an empty manifest for an empty directory', async () => {
    const disk = fakeFs({});
    const up = fakeUploader();
    await expect(uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 3 })).resolves.toEqual({ uploaded: [], skipped: [] });
    expect(up.batches).toEqual([]);
    expect(disk.manifest()).toEqual({ uploaded: [], skipped: [] });
  });

  it('rejects with the very error uploadBatch rejected with, after saving what was done', async () => {
    const disk = fakeFs(FILES);
    const failure = new Error('503 Service Unavailable');
    const up = fakeUploader(3, failure);
    await expect(uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 })).rejects.toBe(failure);
    expect(disk.manifest()).toEqual({ uploaded: ['a.csv', 'b.csv', 'c.csv', 'd.csv'], skipped: [] });
  });

  it('passes a non-Error rejection of uploadBatch through unchanged', async () => {
    const disk = fakeFs(FILES);
    const up = fakeUploader(1, 'socket hang up');
    await expect(uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 })).rejects.toBe('socket hang up');
    expect(disk.manifest()).toEqual({ uploaded: [], skipped: [] });
  });

  it('saves the manifest when a batch fails, including files skipped since the last save', async () => {
    const disk = fakeFs(FILES, [`${DIR}/a.csv`, `${DIR}/d.csv`]);
    const failure = new Error('connection reset');
    const up = fakeUploader(2, failure);
    await expect(uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 2 })).rejects.toBe(failure);
    // batch 1 = b, c (a was skipped): saved. Batch 2 = e (d skipped): fails, and the save must still record d.
    expect(disk.manifest()).toEqual({
      uploaded: ['b.csv', 'c.csv'],
      skipped: [
        { name: 'a.csv', reason: `EACCES: permission denied, open '${DIR}/a.csv'` },
        { name: 'd.csv', reason: `EACCES: permission denied, open '${DIR}/d.csv'` },
      ],
    });
    const last = disk.ops.slice(-2);
    expect(last).toEqual([`write ${MANIFEST}.tmp`, `rename ${MANIFEST}.tmp -> ${MANIFEST}`]);
  });

  it('saves after every successful batch, before the next batch is sent', async () => {
    const disk = fakeFs(FILES);
    const seen: unknown[] = [];
    const uploader = {
      async uploadBatch(items: readonly UploadItem[]): Promise<void> {
        seen.push({ sending: items.map((i) => i.name), uploaded: disk.manifest()?.uploaded ?? [] });
      },
    };
    await uploadDirectory(DIR, { fs: disk.fs, uploader, batchSize: 2 });
    expect(seen).toEqual([
      { sending: ['a.csv', 'b.csv'], uploaded: [] },
      { sending: ['c.csv', 'd.csv'], uploaded: ['a.csv', 'b.csv'] },
      { sending: ['e.csv'], uploaded: ['a.csv', 'b.csv', 'c.csv', 'd.csv'] },
    ]);
  });

  it('orders names by plain code-unit comparison (what sort() gives), not locale or numeric order', async () => {
    const disk = fakeFs({
      [`${DIR}/b.csv`]: 'b',
      [`${DIR}/10.csv`]: '10',
      [`${DIR}/B.csv`]: 'B',
      [`${DIR}/9.csv`]: '9',
      [`${DIR}/a.csv`]: 'a',
    });
    const up = fakeUploader();
    await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 5 });
    expect(up.batches).toEqual([['10.csv', '9.csv', 'B.csv', 'a.csv', 'b.csv']]);
  });

  it('accepts batchSize 1: one file per batch', async () => {
    const disk = fakeFs({ [`${DIR}/b.csv`]: 'b', [`${DIR}/a.csv`]: 'a' });
    const up = fakeUploader();
    await uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize: 1 });
    expect(up.batches).toEqual([['a.csv'], ['b.csv']]);
    expect(disk.manifest()).toEqual({ uploaded: ['a.csv', 'b.csv'], skipped: [] });
  });

  it.each([0, -2, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects batchSize %p before touching the file system', async (batchSize) => {
    const disk = fakeFs(FILES);
    const up = fakeUploader();
    await expect(uploadDirectory(DIR, { fs: disk.fs, uploader: up.uploader, batchSize })).rejects.toThrow(RangeError);
    expect(disk.ops).toEqual([]);
    expect(disk.reads).toEqual([]);
    expect(disk.existsCalls).toEqual([]);
  });
});
