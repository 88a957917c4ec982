import { planLogCleanup } from './solution';

const DAY = 86_400_000;
const MB = 1024 * 1024;
const NOW = Date.UTC(2024, 5, 1, 3, 0, 0);

type FakeNode =
  | { kind: 'dir' }
  | { kind: 'file'; size: number; ageDays: number }
  | { kind: 'link'; target: string }
  | { kind: 'locked' }
  | { kind: 'vanished' };

const dir = (): FakeNode => ({ kind: 'dir' });
const file = (size: number, ageDays: number): FakeNode => ({ kind: 'file', size, ageDays });
const link = (target: string): FakeNode => ({ kind: 'link', target });
const locked = (): FakeNode => ({ kind: 'locked' });
const vanished = (): FakeNode => ({ kind: 'vanished' });

/** An in-memory tree keyed by absolute path. Links resolve like the real thing; deep paths fail with ELOOP. */
function fakeFs(tree: Record<string, FakeNode>) {
  const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
  const parts = (p: string) => p.split('/').filter((s) => s !== '');
  const resolve = (p: string, followLast: boolean): string => {
    const segments = parts(p);
    let current = '';
    segments.forEach((segment, i) => {
      current = current === '/' ? `/${segment}` : `${current}/${segment}`;
      const node = tree[current];
      if (node !== undefined && node.kind === 'link' && (followLast || i < segments.length - 1)) {
        current = node.target;
      }
    });
    return current === '' ? '/' : current;
  };
  const statOf = (node: FakeNode, isSymbolicLink: boolean) => {
    if (node.kind === 'file') {
      return { size: node.size, mtimeMs: NOW - node.ageDays * DAY, isDirectory: false, isSymbolicLink };
    }
    return { size: 4096, mtimeMs: NOW - 400 * DAY, isDirectory: true, isSymbolicLink };
  };
  const fs = {
    readdirs: [] as string[],
    unlinked: [] as string[],
    async readdir(path: string): Promise<string[]> {
      fs.readdirs.push(path);
      if (parts(path).length > 12) throw new Error(`ELOOP: too many symbolic links encountered, scandir '${path}'`);
      const real = resolve(path, true);
      const node = tree[real];
      if (node === undefined || node.kind === 'vanished') throw new Error(`ENOENT: no such file or directory, scandir '${path}'`);
      if (node.kind === 'locked') throw new Error(`EACCES: permission denied, scandir '${path}'`);
      if (node.kind !== 'dir') throw new Error(`ENOTDIR: not a directory, scandir '${path}'`);
      return Object.keys(tree)
        .filter((p) => p !== real && parentOf(p) === real)
        .map((p) => p.slice(p.lastIndexOf('/') + 1));
    },
    async stat(path: string) {
      const real = resolve(path, false);
      const node = tree[real];
      if (node === undefined || node.kind === 'vanished') throw new Error(`ENOENT: no such file or directory, stat '${path}'`);
      if (node.kind === 'link') {
        const target = tree[node.target];
        if (target === undefined) throw new Error(`ENOENT: dangling link '${path}'`);
        return statOf(target, true);
      }
      return statOf(node, false);
    },
    async unlink(path: string): Promise<void> {
      fs.unlinked.push(path);
    },
  };
  return fs;
}

const options = (fs: ReturnType<typeof fakeFs>, olderThanDays = 7, minBytes = 100 * MB) => ({
  fs,
  now: () => NOW,
  olderThanDays,
  minBytes,
});

const varLog: Record<string, FakeNode> = {
  '/var/log': dir(),
  '/var/log/syslog.log': file(900 * MB, 30),
  '/var/log/app': dir(),
  '/var/log/app/api.log': file(300 * MB, 10),
  '/var/log/app/api.log.1': file(1200 * MB, 20),
  '/var/log/app/api.log.2.gz': file(300 * MB, 40),
  '/var/log/app/fresh.log': file(2000 * MB, 1),
  '/var/log/app/tiny.log': file(10 * 1024, 90),
  '/var/log/nginx': dir(),
  '/var/log/nginx/old': dir(),
  '/var/log/nginx/old/access.log.14': file(500 * MB, 60),
};

describe('planLogCleanup', () => {
  it('plans the old, large log files of the whole tree, largest first, with the total', async () => {
    const fs = fakeFs(varLog);
    const plan = await planLogCleanup('/var/log', options(fs));
    expect(plan.files).toEqual([
      { path: '/var/log/app/api.log.1', bytes: 1200 * MB },
      { path: '/var/log/syslog.log', bytes: 900 * MB },
      { path: '/var/log/nginx/old/access.log.14', bytes: 500 * MB },
      { path: '/var/log/app/api.log', bytes: 300 * MB },
      { path: '/var/log/app/api.log.2.gz', bytes: 300 * MB },
    ]);
    expect(plan.totalBytes).toBe(3200 * MB);
    expect(plan.skipped).toEqual([]);
  });

  it('is a dry run: it never deletes anything', async () => {
    const fs = fakeFs(varLog);
    const plan = await planLogCleanup('/var/log', options(fs));
    expect(plan.files.length).toBeGreaterThan(0);
    expect(fs.unlinked).toEqual([]);
  });

  it('matches only names ending in .log, .log.<digits> or .gz', async () => {
    const big = (): FakeNode => file(200 * MB, 30);
    const fs = fakeFs({
      '/logs': dir(),
      '/logs/app.log': big(),
      '/logs/app.log.1': big(),
      '/logs/app.log.12': big(),
      '/logs/syslog.3.gz': big(),
      '/logs/app.log.bak': big(),
      '/logs/app.logs': big(),
      '/logs/catalog.txt': big(),
      '/logs/app.log.1.tmp': big(),
      '/logs/upload.gz.part': big(),
      '/logs/logrotate.conf': big(),
      '/logs/archive.log': dir(),
      '/logs/archive.log/notes.txt': big(),
      '/logs/archive.log/worker.log': big(),
    });
    const plan = await planLogCleanup('/logs', options(fs));
    expect(plan.files.map((f) => f.path)).toEqual([
      '/logs/app.log',
      '/logs/app.log.1',
      '/logs/app.log.12',
      '/logs/archive.log/worker.log',
      '/logs/syslog.3.gz',
    ]);
  });

  it('needs strictly more than N days and strictly more than minBytes', async () => {
    const fs = fakeFs({
      '/logs': dir(),
      '/logs/exactly-seven-days.log': file(500 * MB, 7),
      '/logs/just-over-seven-days.log': file(500 * MB, 7 + 1 / DAY),
      '/logs/yesterday.log': file(500 * MB, 1),
      '/logs/exactly-min.log': file(100 * MB, 30),
      '/logs/one-byte-over.log': file(100 * MB + 1, 30),
    });
    const plan = await planLogCleanup('/logs', options(fs, 7, 100 * MB));
    expect(plan.files).toEqual([
      { path: '/logs/just-over-seven-days.log', bytes: 500 * MB },
      { path: '/logs/one-byte-over.log', bytes: 100 * MB + 1 },
    ]);
  });

  it('never follows or lists symbolic links, so a link loop cannot trap the walk', async () => {
    const fs = fakeFs({
      '/var/log': dir(),
      '/var/log/app.log.1': file(300 * MB, 30),
      '/var/log/loop': link('/var/log'),
      '/var/log/current.log': link('/data/huge.log'),
      '/var/log/archive': link('/mnt/archive'),
      '/data': dir(),
      '/data/huge.log': file(5000 * MB, 30),
      '/mnt/archive': dir(),
      '/mnt/archive/old.log': file(800 * MB, 300),
    });
    const plan = await planLogCleanup('/var/log', options(fs));
    expect(plan.files).toEqual([{ path: '/var/log/app.log.1', bytes: 300 * MB }]);
    expect(plan.totalBytes).toBe(300 * MB);
    expect(plan.skipped).toEqual([]);
    expect(fs.readdirs).toEqual(['/var/log']);
  });

  it('records unreadable directories with the reason and scans everything else', async () => {
    const fs = fakeFs({
      '/var/log': dir(),
      '/var/log/zeta': locked(),
      '/var/log/alpha': dir(),
      '/var/log/alpha/deep': locked(),
      '/var/log/alpha/big.log': file(400 * MB, 30),
      '/var/log/old.log.3': file(150 * MB, 30),
    });
    const plan = await planLogCleanup('/var/log', options(fs));
    expect(plan.files).toEqual([
      { path: '/var/log/alpha/big.log', bytes: 400 * MB },
      { path: '/var/log/old.log.3', bytes: 150 * MB },
    ]);
    expect(plan.skipped).toEqual([
      { path: '/var/log/alpha/deep', reason: "EACCES: permission denied, scandir '/var/log/alpha/deep'" },
      { path: '/var/log/zeta', reason: "EACCES: permission denied, scandir '/var/log/zeta'" },
    ]);
  });

  it('returns an empty plan, not a rejection, when the root itself is unreadable', async () => {
    const fs = fakeFs({ '/root-only': locked() });
    const plan = await planLogCleanup('/root-only', options(fs));
    expect(plan).toEqual({
      files: [],
      totalBytes: 0,
      skipped: [{ path: '/root-only', reason: "EACCES: permission denied, scandir '/root-only'" }],
    });
  });

  it('records a file that disappears between listing and stat, and keeps going', async () => {
    const fs = fakeFs({
      '/var/log': dir(),
      '/var/log/app.log.1': vanished(),
      '/var/log/app.log.2': file(250 * MB, 30),
    });
    const plan = await planLogCleanup('/var/log', options(fs));
    expect(plan.files).toEqual([{ path: '/var/log/app.log.2', bytes: 250 * MB }]);
    expect(plan.skipped).toEqual([
      { path: '/var/log/app.log.1', reason: expect.stringContaining('ENOENT') },
    ]);
  });

  it('joins paths with exactly one slash, also when the root ends in "/"', async () => {
    const fs = fakeFs({
      '/': dir(),
      '/boot.log': file(200 * MB, 30),
      '/srv': dir(),
      '/srv/app.log.1': file(300 * MB, 30),
    });
    const plan = await planLogCleanup('/', options(fs));
    expect(plan.files.map((f) => f.path)).toEqual(['/srv/app.log.1', '/boot.log']);
    const again = await planLogCleanup('/srv/', options(fs));
    expect(again.files.map((f) => f.path)).toEqual(['/srv/app.log.1']);
  });

  it.each([
    ['olderThanDays', -1, 100],
    ['olderThanDays', Number.NaN, 100],
    ['minBytes', 7, -5],
    ['minBytes', 7, Number.POSITIVE_INFINITY],
  ])('rejects a bad %s with a RangeError (olderThanDays %p, minBytes %p)', async (_label: string, olderThanDays: number, minBytes: number) => {
    const fs = fakeFs(varLog);
    await expect(planLogCleanup('/var/log', options(fs, olderThanDays, minBytes))).rejects.toThrow(RangeError);
  });
});
