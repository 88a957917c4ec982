import { updateConfig, type FileSystem } from './solution';

const TARGET = '/etc/app/config.json';
const ORIGINAL = '{"replicas": 2, "logLevel": "info"}';
const NEW = '{"replicas": 5, "logLevel": "info"}';

const tick = () => Promise.resolve();

function codeError(code: string, detail: string): Error {
  return Object.assign(new Error(`${code}: ${detail}`), { code });
}

/** What a promise rejects with (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Ids '1', '2', '3', ... */
function ids(): () => string {
  let n = 0;
  return () => String(++n);
}

interface Entry {
  data: string;
  /** What survives a power cut: the data as of the last flush. */
  durable: string;
}

/**
 * An in-memory disk. Mutating steps (create, write, flush, rename) are numbered from 1, and `failAt` picks one:
 * mode 'error' makes that step fail (a write leaves half of its data) while the disk keeps working;
 * mode 'power' cuts the power during that step: unflushed data is lost and every later call rejects.
 */
class FakeDisk implements FileSystem {
  files = new Map<string, Entry>();
  steps: string[] = [];
  /** Each distinct text a reader of the watched path could have seen, in order ('<missing>' when absent). */
  seen: string[] = [];
  failAt = 0;
  mode: 'error' | 'power' = 'error';
  dead = false;
  /** The error the failing step threw. */
  failure: Error | undefined;
  /** When set, remove() rejects with this error (after recording the call). */
  removeError: Error | undefined;
  removed: string[] = [];

  constructor(initial: Record<string, string>, private readonly watch = TARGET) {
    for (const [path, data] of Object.entries(initial)) this.files.set(path, { data, durable: data });
    this.observe();
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.data;
  }

  tempFiles(): string[] {
    return [...this.files.keys()].filter((path) => path.endsWith('.tmp'));
  }

  powerCut(): void {
    this.dead = true;
    for (const entry of this.files.values()) entry.data = entry.durable;
    this.observe();
  }

  async readFile(path: string): Promise<string> {
    this.alive();
    await tick();
    const entry = this.files.get(path);
    if (!entry) throw codeError('ENOENT', path);
    return entry.data;
  }

  async createFile(path: string, data: string): Promise<void> {
    this.alive();
    if (this.files.has(path)) throw codeError('EEXIST', path);
    const entry = { data: '', durable: '' };
    this.files.set(path, entry);
    await this.writeInto(`create ${path}`, entry, data);
  }

  async writeFile(path: string, data: string): Promise<void> {
    this.alive();
    let entry = this.files.get(path);
    if (!entry) {
      entry = { data: '', durable: '' };
      this.files.set(path, entry);
    }
    entry.data = '';
    this.observe();
    await this.writeInto(`write ${path}`, entry, data);
  }

  async flush(path: string): Promise<void> {
    this.alive();
    await tick();
    const failing = this.begin(`flush ${path}`);
    const entry = this.files.get(path);
    if (!entry) throw codeError('ENOENT', path);
    if (failing) this.fail(`flush ${path}`);
    entry.durable = entry.data;
  }

  async rename(from: string, to: string): Promise<void> {
    this.alive();
    await tick();
    const failing = this.begin(`rename ${from} -> ${to}`);
    const entry = this.files.get(from);
    if (!entry) throw codeError('ENOENT', from);
    if (failing) this.fail(`rename ${from}`);
    this.files.delete(from);
    this.files.set(to, entry);
    this.observe();
  }

  async remove(path: string): Promise<void> {
    this.removed.push(path);
    if (this.removeError) throw this.removeError;
    this.alive();
    await tick();
    if (!this.files.delete(path)) throw codeError('ENOENT', path);
    this.observe();
  }

  /** Data lands in two halves a few ticks apart, like a large write(2). */
  private async writeInto(name: string, entry: Entry, data: string): Promise<void> {
    const failing = this.begin(name);
    const half = Math.ceil(data.length / 2);
    const pieces = [data.slice(0, half), data.slice(half)];
    for (let i = 0; i < pieces.length; i++) {
      await tick();
      await tick();
      await tick();
      this.alive();
      if (failing && i === 1) this.fail(name);
      entry.data += pieces[i];
      this.observe();
    }
  }

  private observe(): void {
    const text = this.files.get(this.watch)?.data ?? '<missing>';
    if (this.seen[this.seen.length - 1] !== text) this.seen.push(text);
  }

  private alive(): void {
    if (this.dead) throw codeError('EIO', 'the machine is off');
  }

  private begin(name: string): boolean {
    this.steps.push(name);
    return this.steps.length === this.failAt;
  }

  private fail(name: string): never {
    if (this.mode === 'power') this.powerCut();
    this.failure = codeError('EIO', `${name} failed`);
    throw this.failure;
  }
}

describe('updateConfig', () => {
  it('passes the current text to edit, replaces the file with the result and returns it', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    const seenByEdit: Array<string | null> = [];
    const result = await updateConfig(disk, TARGET, (current) => {
      seenByEdit.push(current);
      return NEW;
    }, { makeId: ids() });
    expect(result).toBe(NEW);
    expect(seenByEdit).toEqual([ORIGINAL]);
    expect(disk.text(TARGET)).toBe(NEW);
    expect(disk.tempFiles()).toEqual([]);
  });

  it('writes a temp file beside the target, flushes it, then renames it over the target', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    await updateConfig(disk, TARGET, () => NEW, { makeId: ids() });
    expect(disk.steps).toEqual([
      'create /etc/app/.config.json.1.tmp',
      'flush /etc/app/.config.json.1.tmp',
      'rename /etc/app/.config.json.1.tmp -> /etc/app/config.json',
    ]);
  });

  it('never lets a reader see anything but the complete old or the complete new text', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    await updateConfig(disk, TARGET, () => NEW, { makeId: ids() });
    expect(disk.seen).toEqual([ORIGINAL, NEW]);
  });

  it('keeps the new text after a power cut that follows a successful update (it was flushed)', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    await updateConfig(disk, TARGET, () => NEW, { makeId: ids() });
    disk.powerCut();
    expect(disk.text(TARGET)).toBe(NEW);
  });

  it.each([1, 2, 3])('a failure at step %i rejects with that error, keeps the original and removes the temp file', async (step) => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    disk.failAt = step;
    await expect(updateConfig(disk, TARGET, () => NEW, { makeId: ids() })).rejects.toThrow(/^EIO: .* failed$/);
    expect(disk.text(TARGET)).toBe(ORIGINAL);
    expect(disk.seen).toEqual([ORIGINAL]);
    expect(disk.tempFiles()).toEqual([]);
    expect(disk.removed).toEqual(['/etc/app/.config.json.1.tmp']);
  });

  it.each([1, 2, 3])('a failure at step %i rejects with the same error object even when removing the temp file fails', async (step) => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    disk.failAt = step;
    disk.removeError = codeError('EBUSY', 'cannot remove');
    const error = await rejectionOf(updateConfig(disk, TARGET, () => NEW, { makeId: ids() }));
    expect(disk.failure).toBeInstanceOf(Error);
    expect(error).toBe(disk.failure);
    expect(disk.removed).toEqual(['/etc/app/.config.json.1.tmp']);
    expect(disk.text(TARGET)).toBe(ORIGINAL);
  });

  it.each([1, 2, 3])('a power cut at step %i leaves the original text on disk', async (step) => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    disk.mode = 'power';
    disk.failAt = step;
    const error = await rejectionOf(updateConfig(disk, TARGET, () => NEW, { makeId: ids() }));
    expect(disk.failure).toBeInstanceOf(Error);
    expect(error).toBe(disk.failure);
    expect(disk.text(TARGET)).toBe(ORIGINAL);
    expect(disk.seen).toEqual([ORIGINAL]);
  });

  it('a failure after the temp file was created, with a remove that throws a non-Error, still rejects with the original', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    const original = codeError('EIO', 'flush failed');
    disk.flush = async () => {
      throw original;
    };
    disk.remove = async () => {
      throw 'remove: device busy';
    };
    await expect(updateConfig(disk, TARGET, () => NEW, { makeId: ids() })).rejects.toBe(original);
    expect(disk.text(TARGET)).toBe(ORIGINAL);
  });

  it('creates the file when it does not exist yet, calling edit with null', async () => {
    const disk = new FakeDisk({});
    const seenByEdit: Array<string | null> = [];
    await updateConfig(disk, TARGET, (current) => {
      seenByEdit.push(current);
      return NEW;
    }, { makeId: ids() });
    expect(seenByEdit).toEqual([null]);
    expect(disk.seen).toEqual(['<missing>', NEW]);
    expect(disk.tempFiles()).toEqual([]);
  });

  it('passes an empty file to edit as the empty string, not null', async () => {
    const disk = new FakeDisk({ [TARGET]: '' });
    const seenByEdit: Array<string | null> = [];
    await updateConfig(disk, TARGET, (current) => {
      seenByEdit.push(current);
      return NEW;
    }, { makeId: ids() });
    expect(seenByEdit).toEqual(['']);
    expect(disk.text(TARGET)).toBe(NEW);
  });

  it.each([
    ['an error without a code', new Error('I/O error')],
    ['an EISDIR error', codeError('EISDIR', TARGET)],
    ['a thrown string', 'disk unplugged'],
    ['a code-less object', { reason: 'ENOENT' }],
    ['null', null],
    ['undefined', undefined],
  ])('passes on %s from readFile, the same value, without editing', async (_label, thrown) => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    disk.readFile = async () => {
      throw thrown;
    };
    let edits = 0;
    await expect(updateConfig(disk, TARGET, () => {
      edits++;
      return NEW;
    }, { makeId: ids() })).rejects.toBe(thrown);
    expect(edits).toBe(0);
    expect(disk.steps).toEqual([]);
  });

  it('does not try another name when createFile fails with anything but EEXIST, and removes its partial file', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    const denied = codeError('ENOSPC', 'no space left on device');
    const created: string[] = [];
    disk.createFile = async (path) => {
      created.push(path);
      throw denied;
    };
    let idCalls = 0;
    const makeId = () => String(++idCalls);
    await expect(updateConfig(disk, TARGET, () => NEW, { makeId })).rejects.toBe(denied);
    expect(created).toEqual(['/etc/app/.config.json.1.tmp']);
    expect(idCalls).toBe(1);
    expect(disk.removed).toEqual(['/etc/app/.config.json.1.tmp']);
    expect(disk.text(TARGET)).toBe(ORIGINAL);
  });

  it('passes on read errors other than ENOENT without calling edit or writing anything', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    disk.readFile = async () => {
      throw codeError('EACCES', TARGET);
    };
    let edits = 0;
    await expect(updateConfig(disk, TARGET, () => {
      edits++;
      return NEW;
    }, { makeId: ids() })).rejects.toThrow('EACCES');
    expect(edits).toBe(0);
    expect(disk.steps).toEqual([]);
  });

  it('writes nothing when edit throws, and passes its error on', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    const invalid = new SyntaxError('config is not valid JSON');
    await expect(updateConfig(disk, TARGET, () => {
      throw invalid;
    }, { makeId: ids() })).rejects.toBe(invalid);
    expect(disk.steps).toEqual([]);
    expect(disk.text(TARGET)).toBe(ORIGINAL);
  });

  it('picks a new name when a temp file already exists, and leaves that file alone', async () => {
    const leftover = '/etc/app/.config.json.1.tmp';
    const disk = new FakeDisk({ [TARGET]: ORIGINAL, [leftover]: 'left over from a crash' });
    await updateConfig(disk, TARGET, () => NEW, { makeId: ids() });
    expect(disk.steps[0]).toBe('create /etc/app/.config.json.2.tmp');
    expect(disk.text(TARGET)).toBe(NEW);
    expect(disk.text(leftover)).toBe('left over from a crash');
  });

  it('gives up with EEXIST after five taken names, without deleting other files', async () => {
    const taken: Record<string, string> = { [TARGET]: ORIGINAL };
    for (let i = 1; i <= 5; i++) taken[`/etc/app/.config.json.${i}.tmp`] = `other ${i}`;
    const disk = new FakeDisk(taken);
    await expect(updateConfig(disk, TARGET, () => NEW, { makeId: ids() })).rejects.toThrow('EEXIST');
    expect(disk.tempFiles()).toHaveLength(5);
    expect(disk.text(TARGET)).toBe(ORIGINAL);
    for (let i = 1; i <= 5; i++) expect(disk.text(`/etc/app/.config.json.${i}.tmp`)).toBe(`other ${i}`);
    expect(disk.removed).toEqual([]);
  });

  it('tries exactly five names, one makeId() call each, and rejects with the last EEXIST error itself', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    const errors: Error[] = [];
    const created: string[] = [];
    disk.createFile = async (path) => {
      created.push(path);
      const error = codeError('EEXIST', path);
      errors.push(error);
      throw error;
    };
    let idCalls = 0;
    const makeId = () => `n${++idCalls}`;
    const error = await rejectionOf(updateConfig(disk, TARGET, () => NEW, { makeId }));
    expect(errors).toHaveLength(5);
    expect(error).toBe(errors[4]);
    expect(created).toEqual([1, 2, 3, 4, 5].map((i) => `/etc/app/.config.json.n${i}.tmp`));
    expect(idCalls).toBe(5);
    expect(disk.removed).toEqual([]);
  });

  it('succeeds on the fifth name when the first four are taken', async () => {
    const taken: Record<string, string> = { [TARGET]: ORIGINAL };
    for (let i = 1; i <= 4; i++) taken[`/etc/app/.config.json.${i}.tmp`] = `other ${i}`;
    const disk = new FakeDisk(taken);
    await expect(updateConfig(disk, TARGET, () => NEW, { makeId: ids() })).resolves.toBe(NEW);
    expect(disk.steps[0]).toBe('create /etc/app/.config.json.5.tmp');
    expect(disk.text(TARGET)).toBe(NEW);
    expect(disk.tempFiles()).toHaveLength(4);
  });

  it('lets two updates of the same file run at once, each through its own temp file', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    const makeId = ids();
    const results = await Promise.all([
      updateConfig(disk, TARGET, () => 'version A', { makeId }),
      updateConfig(disk, TARGET, () => 'version B', { makeId }),
    ]);
    expect(results).toEqual(['version A', 'version B']);
    expect(['version A', 'version B']).toContain(disk.text(TARGET));
    for (const text of disk.seen) expect([ORIGINAL, 'version A', 'version B']).toContain(text);
    expect(disk.tempFiles()).toEqual([]);
  });

  it('puts the temp file in the current directory for a bare file name', async () => {
    const disk = new FakeDisk({ 'config.json': ORIGINAL }, 'config.json');
    await updateConfig(disk, 'config.json', () => NEW, { makeId: ids() });
    expect(disk.steps).toEqual([
      'create .config.json.1.tmp',
      'flush .config.json.1.tmp',
      'rename .config.json.1.tmp -> config.json',
    ]);
  });

  it('names the temp file after the last path component, in that directory', async () => {
    const disk = new FakeDisk({ 'deploy/app.v2.yaml': ORIGINAL }, 'deploy/app.v2.yaml');
    await updateConfig(disk, 'deploy/app.v2.yaml', () => NEW, { makeId: () => 'x9' });
    expect(disk.steps).toEqual([
      'create deploy/.app.v2.yaml.x9.tmp',
      'flush deploy/.app.v2.yaml.x9.tmp',
      'rename deploy/.app.v2.yaml.x9.tmp -> deploy/app.v2.yaml',
    ]);
    expect(disk.text('deploy/app.v2.yaml')).toBe(NEW);
  });

  it('invents its own unique temp names when no makeId is given', async () => {
    const disk = new FakeDisk({ [TARGET]: ORIGINAL });
    await updateConfig(disk, TARGET, () => 'one');
    await updateConfig(disk, TARGET, () => 'two');
    const creates = disk.steps.filter((s) => s.startsWith('create '));
    expect(creates).toHaveLength(2);
    for (const step of creates) expect(step).toMatch(/^create \/etc\/app\/\.config\.json\.[^/]+\.tmp$/);
    expect(creates[0]).not.toBe(creates[1]);
    expect(disk.text(TARGET)).toBe('two');
  });
});
