import * as assert from 'node:assert/strict';
import { isRating, RATINGS_KEY, RatingStore, readStoredRatings } from '../../src/core/ratings';
import type { BackupRecord, MementoLike } from '../../src/core/store';
import type { TopicId } from '../../src/core/topics';

class MapMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  writes = 0;
  failing = false;
  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, v);
  }
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  update(key: string, value: unknown): Promise<void> {
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        if (this.failing) return reject(new Error('write failed'));
        this.data.set(key, JSON.parse(JSON.stringify(value)));
        this.writes++;
        resolve();
      }),
    );
  }
  backups(): [string, BackupRecord][] {
    return [...this.data].filter(([k]) => k.startsWith(`${RATINGS_KEY}.unreadable.`)) as [string, BackupRecord][];
  }
}

const now = () => new Date('2025-05-05T05:05:05.000Z');

describe('RatingStore', () => {
  it('sets, replaces and clears ratings in the versioned schema, firing the topic', async () => {
    const m = new MapMemento();
    const r = new RatingStore(m);
    const seen: (TopicId | undefined)[] = [];
    r.onDidChange((t) => seen.push(t));
    await r.set('regex', 2);
    await r.set('file-io', 5);
    await r.set('regex', 4);
    assert.equal(r.get('regex'), 4);
    assert.deepEqual(r.all(), { regex: 4, 'file-io': 5 });
    assert.deepEqual(m.get(RATINGS_KEY), { version: 1, ratings: { regex: 4, 'file-io': 5 } });
    await r.clear('regex');
    assert.equal(r.get('regex'), undefined);
    const writes = m.writes;
    await r.clear('regex');
    assert.equal(m.writes, writes, 'clearing an unrated topic writes nothing');
    await r.resetAll();
    assert.deepEqual(r.all(), {});
    assert.deepEqual(m.get(RATINGS_KEY), { version: 1, ratings: {} });
    assert.deepEqual(seen, ['regex', 'file-io', 'regex', 'regex', undefined]);
  });

  it('refuses unknown topics and ratings outside 1-5, writing nothing', async () => {
    const m = new MapMemento();
    const r = new RatingStore(m);
    for (const bad of [0, 6, 2.5, NaN, -1, '3', undefined, null]) {
      await assert.rejects(r.set('regex', bad as never), RangeError, String(bad));
    }
    await assert.rejects(r.set('cobol' as TopicId, 3), TypeError);
    await assert.rejects(r.clear('cobol' as TopicId), TypeError);
    assert.equal(m.writes, 0);
    assert.deepEqual(r.all(), {});
  });

  it('accepts exactly the whole numbers 1 to 5', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 1.5].map(isRating), [false, true, true, true, true, true, false, false]);
  });

  it('serializes concurrent changes, so every one lands', async () => {
    const m = new MapMemento();
    const r = new RatingStore(m);
    await Promise.all([r.set('regex', 1), r.set('json-yaml', 2), r.set('http-api', 3), r.clear('regex')]);
    assert.deepEqual(m.get(RATINGS_KEY), { version: 1, ratings: { 'json-yaml': 2, 'http-api': 3 } });
  });

  it('keeps its ratings when a write fails', async () => {
    const m = new MapMemento();
    const r = new RatingStore(m);
    await r.set('regex', 3);
    m.failing = true;
    await assert.rejects(r.set('regex', 5), /write failed/);
    assert.equal(r.get('regex'), 3);
  });

  it('reads back what it wrote', async () => {
    const m = new MapMemento();
    const r = new RatingStore(m);
    await r.set('subprocess', 1);
    await r.set('integration', 5);
    const again = new RatingStore(m);
    await again.ready;
    assert.deepEqual(again.all(), r.all());
    assert.deepEqual(again.problems, []);
  });

  it('sets aside unknown topics and bad values one by one, keeping the valid ratings', async () => {
    const m = new MapMemento({ [RATINGS_KEY]: { version: 1, ratings: { regex: 4, cobol: 3, 'file-io': 9, 'http-api': '2', subprocess: 2.5 } } });
    const r = new RatingStore(m, { now });
    assert.deepEqual(r.all(), { regex: 4 });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!, /^Ratings: 4 topic ratings could not be read/);
    assert.match(r.problems[0]!, /"cobol" is not a checklist topic/);
    assert.match(r.problems[0]!, /interviewDrills\.ratings\.unreadable\.2025-05-05T05:05:05\.000Z/);
    await r.ready;
    const [[, backup]] = m.backups() as [[string, BackupRecord]];
    assert.deepEqual(backup.value, { cobol: 3, 'file-io': 9, 'http-api': '2', subprocess: 2.5 });
    assert.deepEqual(m.get(RATINGS_KEY), { version: 1, ratings: { regex: 4 } });
  });

  for (const [what, raw, why] of [
    ['a missing version', { ratings: { regex: 3 } }, /unknown schema version undefined/],
    ['ratings that are not a map', { version: 1, ratings: [3, 4] }, /without a "ratings" map/],
    ['a number', 42, /number 42/],
  ] as [string, unknown, RegExp][]) {
    it(`sets aside ${what} whole`, async () => {
      const m = new MapMemento({ [RATINGS_KEY]: raw });
      const r = new RatingStore(m, { now });
      assert.deepEqual(r.all(), {});
      assert.match(r.problems[0]!, why);
      await r.ready;
      assert.deepEqual(m.backups()[0]![1].value, raw);
      assert.deepEqual(m.get(RATINGS_KEY), { version: 1, ratings: {} });
    });
  }

  it('leaves a valid value alone on load', () => {
    assert.deepEqual(readStoredRatings({ version: 1, ratings: { regex: 1, 'cli-argparse': 5 } }), { ratings: { regex: 1, 'cli-argparse': 5 }, rewrite: false });
    assert.deepEqual(readStoredRatings(undefined), { ratings: {}, rewrite: false });
  });

  it('keeps ratings a newer version wrote as they are, read-only, and says so', async () => {
    const newer = { version: 2, ratings: { regex: { score: 3 } } };
    const m = new MapMemento({ [RATINGS_KEY]: newer });
    const r = new RatingStore(m, { now });
    assert.equal(r.readOnly, true);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!, /newer version of Interview Drills \(schema 2; this one reads 1\)/);
    await r.set('regex', 4);
    assert.equal(r.get('regex'), 4);
    await r.flushed();
    assert.deepEqual(m.get(RATINGS_KEY), newer);
    assert.equal(m.backups().length, 0);
    assert.equal(m.writes, 0);
  });

  it('looks topics up as own keys only: "toString" or "__proto__" are not ratings', async () => {
    const m = new MapMemento({ [RATINGS_KEY]: JSON.parse('{"version":1,"ratings":{"regex":2,"__proto__":{"regex":5},"toString":3}}') });
    const r = new RatingStore(m, { now });
    for (const k of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) assert.equal(r.get(k as TopicId), undefined, k);
    assert.equal(r.get('regex'), 2);
    await r.ready;
    const [[, backup]] = m.backups() as [[string, BackupRecord]];
    assert.deepEqual(Object.keys(backup.value as object).sort(), ['__proto__', 'toString']);
    assert.deepEqual(m.get(RATINGS_KEY), { version: 1, ratings: { regex: 2 } });
  });
});
