import { which, runTool, ToolNotFoundError } from './solution';
import type { FileInfo, RunResult } from './solution';

const exe: FileInfo = { isFile: true, executable: true };
const plain: FileInfo = { isFile: true, executable: false };
const folder: FileInfo = { isFile: false, executable: true };

function fakeFs(entries: Record<string, FileInfo>) {
  const probed: string[] = [];
  return {
    probed,
    stat(path: string): FileInfo | null {
      probed.push(path);
      return entries[path] ?? null;
    },
  };
}

function fakeRunner() {
  const calls: { file: string; args: readonly string[] }[] = [];
  const run = async (file: string, args: readonly string[]): Promise<RunResult> => {
    calls.push({ file, args });
    return { code: 0, stdout: 'Client Version: v1.30.0\n', stderr: '' };
  };
  return { calls, run };
}

describe('which', () => {
  it('returns the first match in PATH order', () => {
    const fs = fakeFs({ '/usr/local/bin/kubectl': exe, '/usr/bin/kubectl': exe });
    expect(which('kubectl', { env: { PATH: '/usr/local/bin:/usr/bin' }, fs })).toBe('/usr/local/bin/kubectl');
    expect(which('kubectl', { env: { PATH: '/usr/bin:/usr/local/bin' }, fs })).toBe('/usr/bin/kubectl');
  });

  it('skips a file that exists but is not executable and keeps looking', () => {
    const fs = fakeFs({ '/opt/tools/kubectl': plain, '/usr/bin/kubectl': exe });
    expect(which('kubectl', { env: { PATH: '/opt/tools:/usr/bin' }, fs })).toBe('/usr/bin/kubectl');
    expect(which('kubectl', { env: { PATH: '/opt/tools' }, fs })).toBeNull();
  });

  it('skips a directory that happens to have the command name', () => {
    const fs = fakeFs({ '/home/ci/kubectl': folder, '/usr/bin/kubectl': exe });
    expect(which('kubectl', { env: { PATH: '/home/ci:/usr/bin' }, fs })).toBe('/usr/bin/kubectl');
  });

  it('skips empty PATH entries without probing "/kubectl" or the current directory', () => {
    const fs = fakeFs({ '/kubectl': exe, kubectl: exe });
    expect(which('kubectl', { env: { PATH: ':/opt/bin::/usr/bin:' }, fs })).toBeNull();
    expect(fs.probed).toEqual(['/opt/bin/kubectl', '/usr/bin/kubectl']);
  });

  it('joins an entry that already ends in a slash with a single slash', () => {
    const fs = fakeFs({ '/opt/tools/bin/kubectl': exe });
    expect(which('kubectl', { env: { PATH: '/usr/bin:/opt/tools/bin/' }, fs })).toBe('/opt/tools/bin/kubectl');
  });

  it('joins the root entry "/" with one slash', () => {
    const fs = fakeFs({ '/kubectl': exe });
    expect(which('kubectl', { env: { PATH: '/' }, fs })).toBe('/kubectl');
    expect(fs.probed).toEqual(['/kubectl']);
  });

  it('skips relative PATH entries without probing them, wherever they appear', () => {
    const fs = fakeFs({ 'node_modules/.bin/tsc': exe, './tsc': exe, 'tsc': exe, 'bin/tsc': exe, '/opt/bin/tsc': exe });
    expect(which('tsc', { env: { PATH: 'node_modules/.bin:.:/usr/bin:bin/:./' }, fs })).toBeNull();
    expect(fs.probed).toEqual(['/usr/bin/tsc']);
    expect(which('tsc', { env: { PATH: '.:/opt/bin' }, fs })).toBe('/opt/bin/tsc');
    expect(fs.probed).toEqual(['/usr/bin/tsc', '/opt/bin/tsc']);
  });

  it('probes a directory listed twice only once, at its first place', () => {
    const fs = fakeFs({ '/opt/bin/helm': exe });
    expect(which('helm', { env: { PATH: '/usr/bin:/bin:/usr/bin:/opt/bin:/bin' }, fs })).toBe('/opt/bin/helm');
    expect(fs.probed).toEqual(['/usr/bin/helm', '/bin/helm', '/opt/bin/helm']);
    expect(which('kubectl', { env: { PATH: '/usr/bin:/usr/bin' }, fs })).toBeNull();
    expect(fs.probed.slice(3)).toEqual(['/usr/bin/kubectl']);
  });

  it('returns null when the command is nowhere on PATH', () => {
    const fs = fakeFs({ '/usr/bin/helm': exe });
    expect(which('kubectl', { env: { PATH: '/usr/local/bin:/usr/bin:/bin' }, fs })).toBeNull();
    expect(fs.probed).toEqual(['/usr/local/bin/kubectl', '/usr/bin/kubectl', '/bin/kubectl']);
  });

  it.each([
    ['PATH is missing', {}],
    ['PATH is empty', { PATH: '' }],
  ])('returns null when %s', (_label, env) => {
    const fs = fakeFs({ '/usr/bin/kubectl': exe });
    expect(which('kubectl', { env, fs })).toBeNull();
  });

  it('returns null for an empty command name', () => {
    const fs = fakeFs({ '/usr/bin/': exe });
    expect(which('', { env: { PATH: '/usr/bin' }, fs })).toBeNull();
  });

  it('checks a name containing a slash directly, without searching PATH', () => {
    const fs = fakeFs({ '/usr/bin/kubectl': exe, './deploy.sh': exe, 'scripts/notes.txt': plain });
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(which('/usr/bin/kubectl', { env, fs })).toBe('/usr/bin/kubectl');
    expect(which('./deploy.sh', { env, fs })).toBe('./deploy.sh');
    expect(which('scripts/notes.txt', { env, fs })).toBeNull();
    expect(fs.probed).toEqual(['/usr/bin/kubectl', './deploy.sh', 'scripts/notes.txt']);
  });
});

describe('runTool', () => {
  it('runs the resolved absolute path with the given arguments', async () => {
    const fs = fakeFs({ '/usr/bin/kubectl': exe });
    const runner = fakeRunner();
    const result = await runTool('kubectl', ['version', '--client'], { env: { PATH: '/usr/local/bin:/usr/bin' }, fs, run: runner.run });
    expect(runner.calls).toEqual([{ file: '/usr/bin/kubectl', args: ['version', '--client'] }]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('v1.30.0');
  });

  it('returns the very result run gives, even a failing exit code', async () => {
    const fs = fakeFs({ '/usr/bin/kubectl': exe });
    const given: RunResult = { code: 1, stdout: '', stderr: 'error: no context\n' };
    const calls: string[] = [];
    const run = async (file: string): Promise<RunResult> => {
      calls.push(file);
      return given;
    };
    await expect(runTool('kubectl', [], { env: { PATH: '/usr/bin' }, fs, run })).resolves.toBe(given);
    expect(calls).toEqual(['/usr/bin/kubectl']);
  });

  it('rejects with the same error when run itself rejects', async () => {
    const fs = fakeFs({ '/usr/bin/kubectl': exe });
    const boom = new Error('spawn EACCES');
    const run = async (): Promise<RunResult> => {
      throw boom;
    };
    await expect(runTool('kubectl', [], { env: { PATH: '/usr/bin' }, fs, run })).rejects.toBe(boom);
  });

  it('runs a name containing a slash unchanged when it qualifies, without searching PATH', async () => {
    const fs = fakeFs({ './deploy.sh': exe, '/usr/bin/deploy.sh': exe });
    const runner = fakeRunner();
    await runTool('./deploy.sh', ['--dry-run'], { env: { PATH: '/usr/bin' }, fs, run: runner.run });
    expect(runner.calls).toEqual([{ file: './deploy.sh', args: ['--dry-run'] }]);
    expect(fs.probed).toEqual(['./deploy.sh']);
  });

  it('lists only the non-empty PATH directories, in order, in searched and in the message', async () => {
    const fs = fakeFs({ '/kubectl': exe, kubectl: exe });
    const runner = fakeRunner();
    const attempt = runTool('kubectl', [], { env: { PATH: ':/usr/bin::/opt/ci/bin:/bin:' }, fs, run: runner.run });
    await expect(attempt).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(attempt).rejects.toMatchObject({
      name: 'ToolNotFoundError',
      command: 'kubectl',
      searched: ['/usr/bin', '/opt/ci/bin', '/bin'],
    });
    // Each directory must be readable on its own: not run together into one longer path.
    const message = await attempt.then(() => '', (err: Error) => err.message);
    for (const dir of ['/usr/bin', '/opt/ci/bin', '/bin']) {
      expect(message).toMatch(new RegExp(`(^|[^\\w/.-])${dir.replace(/[/.]/g, '\\$&')}($|[^\\w/.-])`));
    }
    expect(message.indexOf('/usr/bin')).toBeLessThan(message.indexOf('/opt/ci/bin'));
    expect(runner.calls).toEqual([]);
  });

  it('lists each absolute directory once in searched and in the message, never a relative one', async () => {
    const fs = fakeFs({ './kubectl': exe, 'bin/kubectl': exe });
    const runner = fakeRunner();
    const env = { PATH: '/usr/bin:.:/bin:bin:/usr/bin:/opt/ci/bin:/bin' };
    const attempt = runTool('kubectl', [], { env, fs, run: runner.run });
    await expect(attempt).rejects.toMatchObject({ command: 'kubectl', searched: ['/usr/bin', '/bin', '/opt/ci/bin'] });
    const message = await attempt.then(() => '', (err: Error) => err.message);
    expect(message.split('/usr/bin').length).toBe(2);
    expect(message).not.toMatch(/(^|[\s,:(])bin([\s,)]|$)/);
    expect(fs.probed).toEqual(['/usr/bin/kubectl', '/bin/kubectl', '/opt/ci/bin/kubectl']);
    expect(runner.calls).toEqual([]);
  });

  it.each([
    ['PATH is missing', {}],
    ['PATH is empty', { PATH: '' }],
    ['PATH has only separators', { PATH: '::' }],
    ['PATH has only relative entries', { PATH: '.:bin' }],
  ])('rejects with an empty searched list when %s', async (_label, env) => {
    const fs = fakeFs({ '/kubectl': exe, kubectl: exe });
    const runner = fakeRunner();
    const attempt = runTool('kubectl', ['version'], { env, fs, run: runner.run });
    await expect(attempt).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(attempt).rejects.toMatchObject({ command: 'kubectl', searched: [] });
    await expect(attempt).rejects.toThrow(/kubectl/);
    expect(runner.calls).toEqual([]);
  });

  it('rejects an empty command name with a ToolNotFoundError listing the PATH it would search', async () => {
    const fs = fakeFs({ '/usr/bin/': exe, '/usr/bin': exe });
    const runner = fakeRunner();
    const attempt = runTool('', [], { env: { PATH: '/usr/bin:/bin' }, fs, run: runner.run });
    await expect(attempt).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(attempt).rejects.toMatchObject({ command: '', searched: ['/usr/bin', '/bin'] });
    expect(runner.calls).toEqual([]);
  });

  it('fails with a helpful ToolNotFoundError and never calls the runner', async () => {
    const fs = fakeFs({});
    const runner = fakeRunner();
    const attempt = runTool('kubectl', ['get', 'pods'], { env: { PATH: '/usr/local/bin::/usr/bin' }, fs, run: runner.run });
    await expect(attempt).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(attempt).rejects.toMatchObject({ command: 'kubectl', searched: ['/usr/local/bin', '/usr/bin'] });
    await expect(attempt).rejects.toThrow(/kubectl/);
    await expect(attempt).rejects.toThrow('/usr/local/bin');
    await expect(attempt).rejects.toThrow('/usr/bin');
    expect(runner.calls).toEqual([]);
  });

  it('reports an explicit path that is not executable', async () => {
    const fs = fakeFs({ './deploy.sh': plain, '/usr/bin/deploy.sh': exe });
    const runner = fakeRunner();
    const attempt = runTool('./deploy.sh', [], { env: { PATH: '/usr/bin' }, fs, run: runner.run });
    await expect(attempt).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(attempt).rejects.toMatchObject({ name: 'ToolNotFoundError', command: './deploy.sh', searched: [] });
    await expect(attempt).rejects.toThrow(/\.\/deploy\.sh/);
    expect(runner.calls).toEqual([]);
  });
});
