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
      '/logs/app.log.': big(),
      '/logs/app.log1': big(),
      '/logs/app.log.1a': big(),
      '/logs/app.log.1.gz': big(),
      '/logs/debug.LOG': big(),
      '/logs/logrotate.conf': big(),
      '/logs/archive.log': dir(),
      '/logs/archive.log/notes.txt': big(),
      '/logs/archive.log/worker.log': big(),
    });
    const plan = await planLogCleanup('/logs', options(fs));
    expect(plan.files.map((f) => f.path)).toEqual([
      '/logs/app.log',
      '/logs/app.log.1',
      '/logs/app.log.1.gz',
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

  it.each([
    ['olderThanDays', Number.POSITIVE_INFINITY, 100],
    ['olderThanDays', Number.NEGATIVE_INFINITY, 100],
    ['olderThanDays', -0.5, 100],
    ['minBytes', 7, Number.NaN],
    ['minBytes', 7, -0.5],
    ['minBytes', 7, Number.NEGATIVE_INFINITY],
  ])('also rejects %s = %p / %p with a RangeError before reading the tree', async (_label: string, olderThanDays: number, minBytes: number) => {
    const fs = fakeFs(varLog);
    await expect(planLogCleanup('/var/log', options(fs, olderThanDays, minBytes))).rejects.toBeInstanceOf(RangeError);
    expect(fs.readdirs).toEqual([]);
  });

  it('accepts 0 for both limits: any file older than now and bigger than 0 bytes', async () => {
    const fs = fakeFs({
      '/logs': dir(),
      '/logs/empty.log': file(0, 30),
      '/logs/one-byte.log': file(1, 30),
      '/logs/just-written.log': file(50, 0),
      '/logs/a-moment-ago.log': file(50, 1 / DAY),
    });
    const plan = await planLogCleanup('/logs', options(fs, 0, 0));
    expect(plan.files).toEqual([
      { path: '/logs/a-moment-ago.log', bytes: 50 },
      { path: '/logs/one-byte.log', bytes: 1 },
    ]);
    expect(plan.totalBytes).toBe(51);
  });

  it('takes fractional days and byte limits as they are', async () => {
    const fs = fakeFs({
      '/logs': dir(),
      '/logs/thirty-hours.log': file(500, 1.25),
      '/logs/thirty-six-hours.log': file(500, 1.5),
      '/logs/forty-hours.log': file(500, 40 / 24),
      '/logs/twenty-hours.log': file(500, 20 / 24),
      '/logs/ten-bytes.log': file(10, 30),
      '/logs/eleven-bytes.log': file(11, 30),
    });
    const plan = await planLogCleanup('/logs', options(fs, 1.5, 10.5));
    expect(plan.files).toEqual([
      { path: '/logs/forty-hours.log', bytes: 500 },
      { path: '/logs/eleven-bytes.log', bytes: 11 },
    ]);
  });

  it('breaks size ties by path in plain < order (upper case first), whatever the listing order', async () => {
    const fs = fakeFs({
      '/logs': dir(),
      '/logs/worker.log': file(300 * MB, 30),
      '/logs/b.log': file(300 * MB, 30),
      '/logs/api.log.2': file(300 * MB, 30),
      '/logs/Zeta.log': file(300 * MB, 30),
      '/logs/api.log.10': file(300 * MB, 30),
      '/logs/Alpha.log': file(200 * MB, 30),
      '/logs/huge.gz': file(900 * MB, 30),
    });
    const plan = await planLogCleanup('/logs', options(fs));
    expect(plan.files.map((f) => f.path)).toEqual([
      '/logs/huge.gz',
      '/logs/Zeta.log',
      '/logs/api.log.10',
      '/logs/api.log.2',
      '/logs/b.log',
      '/logs/worker.log',
      '/logs/Alpha.log',
    ]);
  });

  it('sorts skipped by path in plain < order, mixing unreadable directories and vanished files', async () => {
    const fs = fakeFs({
      '/var/log': dir(),
      '/var/log/zz.log': vanished(),
      '/var/log/b-dir': locked(),
      '/var/log/Z-dir': locked(),
      '/var/log/a.log': vanished(),
      '/var/log/keep.log': file(300 * MB, 30),
    });
    const plan = await planLogCleanup('/var/log', options(fs));
    expect(plan.skipped.map((s) => s.path)).toEqual(['/var/log/Z-dir', '/var/log/a.log', '/var/log/b-dir', '/var/log/zz.log']);
    expect(plan.files).toEqual([{ path: '/var/log/keep.log', bytes: 300 * MB }]);
  });

  it('uses String(error) as the reason when readdir or stat rejects with something that is not an Error', async () => {
    const base = fakeFs({
      '/var/log': dir(),
      '/var/log/secure': dir(),
      '/var/log/audit': dir(),
      '/var/log/app.log.1': file(300 * MB, 30),
      '/var/log/gone.log': file(300 * MB, 30),
    });
    const fs = {
      ...base,
      async readdir(path: string): Promise<string[]> {
        if (path === '/var/log/secure') throw 'EACCES: permission denied';
        if (path === '/var/log/audit') throw { code: 'EACCES', message: 'looks like an error but is not one' };
        return base.readdir(path);
      },
      async stat(path: string) {
        if (path === '/var/log/gone.log') throw 404;
        return base.stat(path);
      },
    };
    const plan = await planLogCleanup('/var/log', { fs, now: () => NOW, olderThanDays: 7, minBytes: 100 * MB });
    expect(plan.skipped).toEqual([
      { path: '/var/log/audit', reason: '[object Object]' },
      { path: '/var/log/gone.log', reason: '404' },
      { path: '/var/log/secure', reason: 'EACCES: permission denied' },
    ]);
    expect(plan.files).toEqual([{ path: '/var/log/app.log.1', bytes: 300 * MB }]);
  });

  it('uses the message of an Error, not its name or String(error)', async () => {
    const base = fakeFs({ '/var/log': dir(), '/var/log/app.log': file(300 * MB, 30) });
    const fs = {
      ...base,
      async stat(): Promise<never> {
        throw new TypeError('stat failed: EIO');
      },
    };
    const plan = await planLogCleanup('/var/log', { fs, now: () => NOW, olderThanDays: 7, minBytes: 100 * MB });
    expect(plan.skipped).toEqual([{ path: '/var/log/app.log', reason: 'stat failed: EIO' }]);
  });
});
