import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compilePack, loadPackWithCache } from '../../src/core/compiledPack';
import { loadPackFromDir } from '../../src/core/pack';
import { questionsDir } from '../fixtures/runner/support';

describe('compiled question pack', () => {
  let tmp: string;
  let pack: string;
  let compiled: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-compiled-'));
    pack = path.join(tmp, 'questions');
    fs.cpSync(questionsDir, pack, { recursive: true });
    compiled = path.join(tmp, 'questions.json');
    const { json, errors } = compilePack(pack);
    assert.deepEqual(errors, []);
    fs.writeFileSync(compiled, json!);
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('yields exactly the drills the loader yields, without parsing YAML', async () => {
    const cached = (await loadPackWithCache(pack, compiled));
    assert.equal(cached.fromCache, true);
    assert.deepEqual(cached.errors, []);
    assert.deepEqual(cached.drills, (await loadPackFromDir(pack)).drills);
  });

  it('is the whole pack when the folder is not there (the packaged extension ships only the compiled form)', async () => {
    const expected = (await loadPackFromDir(pack)).drills;
    fs.rmSync(pack, { recursive: true, force: true });
    const cached = await loadPackWithCache(pack, compiled);
    assert.equal(cached.fromCache, true);
    assert.deepEqual(cached.errors, []);
    assert.deepEqual(cached.drills, expected);
    assert.ok(cached.drills.some((d) => d.python && d.python.mistakes.length > 0), 'Python versions come along');
    // As shipped: the folder holds the two schemas and no drill.
    fs.mkdirSync(pack);
    for (const name of ['schema.json', 'drill.schema.json']) fs.copyFileSync(path.join(questionsDir, name), path.join(pack, name));
    const shipped = await loadPackWithCache(pack, compiled);
    assert.equal(shipped.fromCache, true);
    assert.deepEqual(shipped.drills, expected);
  });

  it('a missing folder and no compiled form is the loader\'s error, not an empty pack without a word', async () => {
    fs.rmSync(pack, { recursive: true, force: true });
    fs.rmSync(compiled);
    const cached = await loadPackWithCache(pack, compiled);
    assert.equal(cached.fromCache, false);
    assert.equal(cached.drills.length, 0);
    assert.ok(cached.errors.length > 0);
  });

  it('carries the key points of a drill that gives them', async () => {
    const file = path.join(pack, 'beginner', 'retry-flaky-call', 'drill.yaml');
    const text = fs.readFileSync(file, 'utf8').replace(/^keyPoints:\n(?: {2}- .*\n)+/m, '');
    fs.writeFileSync(file, `${text}keyPoints:\n  - Retries only what may pass next time\n  - Caps the attempts\n  - Sleeps between attempts, not after the last\n`);
    const { json } = compilePack(pack);
    fs.writeFileSync(compiled, json!);
    const cached = await loadPackWithCache(pack, compiled);
    assert.equal(cached.fromCache, true);
    assert.deepEqual(cached.drills.find((d) => d.id === 'retry-flaky-call')?.keyPoints, [
      'Retries only what may pass next time', 'Caps the attempts', 'Sleeps between attempts, not after the last',
    ]);
  });

  it('is ignored once a question file changes, so an edit shows at once', async () => {
    const file = path.join(pack, 'beginner', 'retry-flaky-call', 'drill.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Retry, edited'));
    const cached = (await loadPackWithCache(pack, compiled));
    assert.equal(cached.fromCache, false);
    assert.equal(cached.drills.find((d) => d.id === 'retry-flaky-call')?.title, 'Retry, edited');
  });

  it('is ignored once any file of a drill folder changes: a test file, a mistake', async () => {
    for (const name of ['solution.test.ts', 'mistakes']) {
      const target = path.join(pack, 'beginner', 'retry-flaky-call', name);
      const file = name === 'mistakes' ? path.join(target, fs.readdirSync(target)[0]!) : target;
      const before = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, `${before}\n`);
      assert.equal((await loadPackWithCache(pack, compiled)).fromCache, false, name);
      fs.writeFileSync(file, before);
      assert.equal((await loadPackWithCache(pack, compiled)).fromCache, true, name);
    }
  });

  it('keeps the paths of a folder drill absolute: its folder, files and mistakes', async () => {
    const cached = await loadPackWithCache(pack, compiled);
    const d = cached.drills.find((x) => x.id === 'retry-flaky-call')!;
    assert.equal(d.source.dir, path.join(pack, 'beginner', 'retry-flaky-call'));
    assert.equal(d.source.files?.tests, path.join(pack, 'beginner', 'retry-flaky-call', 'solution.test.ts'));
    assert.ok(d.mistakes.every((m) => m.file?.startsWith(path.join(pack, 'beginner', 'retry-flaky-call', 'mistakes'))));
  });

  it('is ignored when a file is added or removed, and its errors still surface', async () => {
    fs.writeFileSync(path.join(pack, 'beginner', 'broken.yaml'), 'id: broken\n');
    const withBroken = (await loadPackWithCache(pack, compiled));
    assert.equal(withBroken.fromCache, false);
    assert.ok(withBroken.errors.some((e) => e.file.endsWith('broken.yaml') && e.field === 'tier'));
    fs.rmSync(path.join(pack, 'beginner', 'broken.yaml'));
    fs.rmSync(path.join(pack, 'beginner', 'retry-flaky-call'), { recursive: true });
    const fewer = (await loadPackWithCache(pack, compiled));
    assert.equal(fewer.fromCache, false);
    assert.equal(fewer.drills.some((d) => d.id === 'retry-flaky-call'), false);
  });

  it('falls back to the files when the compiled file is missing or unreadable', async () => {
    fs.writeFileSync(compiled, '{ not json');
    assert.equal((await loadPackWithCache(pack, compiled)).fromCache, false);
    fs.rmSync(compiled);
    const loaded = (await loadPackWithCache(pack, compiled));
    assert.equal(loaded.fromCache, false);
    assert.equal(loaded.drills.length, (await loadPackFromDir(pack)).drills.length);
  });

  it('refuses to compile a pack with errors', () => {
    fs.writeFileSync(path.join(pack, 'beginner', 'broken.yaml'), 'id: broken\n');
    const { json, errors } = compilePack(pack);
    assert.equal(json, undefined);
    assert.ok(errors.length > 0);
  });
});
