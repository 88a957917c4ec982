import * as assert from 'node:assert/strict';
import { moveRatings, RATINGS_KEY } from '../../src/core/ratings';
import { REVIEWS_KEY, ReviewStore } from '../../src/core/reviewStore';
import type { MementoLike } from '../../src/core/store';

class MapMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
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
    return new Promise((resolve) => setImmediate(() => {
      if (value === undefined) this.data.delete(key);
      else this.data.set(key, JSON.parse(JSON.stringify(value)));
      resolve();
    }));
  }
}

const DAY = 24 * 60 * 60 * 1000;

describe('ReviewStore', () => {
  it('schedules a solved drill, shows it due once its day comes, and stores the schedule versioned', async () => {
    let t = Date.parse('2026-03-02T09:00:00.000Z');
    const m = new MapMemento();
    const store = new ReviewStore(m, { now: () => new Date(t) });
    const fired: (string | undefined)[] = [];
    store.onDidChange((id) => fired.push(id));
    await store.record('retry-flaky-call', false);
    assert.equal(store.get('retry-flaky-call'), undefined, 'a failed first check schedules nothing');
    await store.record('retry-flaky-call', true);
    assert.equal(store.get('retry-flaky-call')?.dueAt, '2026-03-03T09:00:00.000Z');
    assert.deepEqual(fired, ['retry-flaky-call']);
    assert.deepEqual(store.due(), []);
    t += DAY;
    assert.deepEqual(store.due().map((d) => d.id), ['retry-flaky-call']);
    await store.record('retry-flaky-call', true);
    assert.equal(store.get('retry-flaky-call')?.step, 1);
    assert.deepEqual(store.due(), []);
    const stored = m.get<{ version: number; reviews: Record<string, { step: number }> }>(REVIEWS_KEY);
    assert.equal(stored?.version, 1);
    assert.equal(stored?.reviews['retry-flaky-call']?.step, 1);
    // A new store over the same state reads it back.
    assert.deepEqual(new ReviewStore(m, { now: () => new Date(t) }).all(), store.all());
  });

  it('sets aside unreadable entries with the reason and keeps the good ones', async () => {
    const good = { step: 0, dueAt: '2026-03-03T09:00:00.000Z', lastAt: '2026-03-02T09:00:00.000Z', reviews: 0, lapses: 0 };
    const m = new MapMemento({ [REVIEWS_KEY]: { version: 1, reviews: { 'a-drill': good, 'b-drill': { step: 9 } } } });
    const store = new ReviewStore(m);
    await store.ready;
    assert.deepEqual(Object.keys(store.all()), ['a-drill']);
    assert.match(store.problems.join('\n'), /b-drill: step must be a whole number/);
    assert.ok(m.keys().some((k) => k.startsWith(`${REVIEWS_KEY}.unreadable.`)), 'a backup was written');
  });

  it('merges an imported schedule: the entry checked last wins, and merging twice changes nothing', async () => {
    const older = { step: 0, dueAt: '2026-03-03T09:00:00.000Z', lastAt: '2026-03-02T09:00:00.000Z', reviews: 0, lapses: 0 };
    const newer = { step: 2, dueAt: '2026-03-20T09:00:00.000Z', lastAt: '2026-03-13T09:00:00.000Z', reviews: 2, lapses: 0 };
    const m = new MapMemento({ [REVIEWS_KEY]: { version: 1, reviews: { 'a-drill': newer, 'b-drill': older } } });
    const store = new ReviewStore(m);
    let changes = 0;
    store.onDidChange(() => changes++);
    await store.mergeIn({ 'a-drill': older, 'b-drill': newer, 'c-drill': older });
    assert.deepEqual(store.all(), { 'a-drill': newer, 'b-drill': newer, 'c-drill': older });
    await store.mergeIn({ 'a-drill': older, 'b-drill': newer, 'c-drill': older });
    assert.equal(changes, 1);
  });
});

describe('moveRatings (workspace state to global state)', () => {
  it('copies the workspace ratings, keeps a rating the global state already has, and removes the workspace copy', async () => {
    const ws = new MapMemento({ [RATINGS_KEY]: { version: 1, ratings: { regex: 2, subprocess: 4 } } });
    const global = new MapMemento({ [RATINGS_KEY]: { version: 1, ratings: { regex: 5 } } });
    assert.equal(await moveRatings(ws, global), 1);
    assert.deepEqual(global.get(RATINGS_KEY), { version: 1, ratings: { regex: 5, subprocess: 4 } });
    assert.equal(ws.get(RATINGS_KEY), undefined);
    assert.equal(await moveRatings(ws, global), 0, 'a second run finds nothing to move');
  });

  it('moves the good ratings of a partly unreadable value and leaves the value in place, so nothing is lost', async () => {
    const raw = { version: 1, ratings: { regex: 2, 'not-a-topic': 3 } };
    const ws = new MapMemento({ [RATINGS_KEY]: raw });
    const global = new MapMemento();
    assert.equal(await moveRatings(ws, global), 1);
    assert.deepEqual(global.get(RATINGS_KEY), { version: 1, ratings: { regex: 2 } });
    assert.deepEqual(ws.get(RATINGS_KEY), raw);
  });

  it('leaves ratings written by a newer version where they are', async () => {
    const raw = { version: 7, ratings: {} };
    const ws = new MapMemento({ [RATINGS_KEY]: raw });
    const global = new MapMemento();
    assert.equal(await moveRatings(ws, global), 0);
    assert.deepEqual(ws.get(RATINGS_KEY), raw);
    assert.equal(global.get(RATINGS_KEY), undefined);
  });
});
