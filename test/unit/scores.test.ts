import * as assert from 'node:assert/strict';
import { Emitter } from '../../src/core/events';
import { RATINGS_KEY, RatingStore } from '../../src/core/ratings';
import { type DrillScore, readStoredScores, SCORES_KEY, ScoreStore } from '../../src/core/scores';
import type { BackupRecord, MementoLike } from '../../src/core/store';
import { SharedWorkspaceStorage } from './memento';

/** A Memento over a Map. Writes can be held (to interleave them) or made to fail. */
class FakeMemento implements MementoLike {
  readonly data = new Map<string, unknown>();
  readonly writes: { key: string; value: unknown }[] = [];
  hold = false;
  failKeys = new Set<string>();
  private held: (() => void)[] = [];

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
    const apply = (): void => {
      if ([...this.failKeys].some((k) => key.startsWith(k))) throw new Error(`disk full writing ${key}`);
      if (value === undefined) this.data.delete(key);
      else this.data.set(key, JSON.parse(JSON.stringify(value)));
      this.writes.push({ key, value });
    };
    if (!this.hold) return new Promise((resolve, reject) => setImmediate(() => { try { apply(); resolve(); } catch (e) { reject(e); } }));
    return new Promise((resolve, reject) => this.held.push(() => { try { apply(); resolve(); } catch (e) { reject(e); } }));
  }

  /** Lets held writes land, newest first (the opposite of call order), until none is left. */
  async releaseReversed(): Promise<void> {
    this.hold = false;
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const batch = this.held.splice(0).reverse();
      if (batch.length === 0) return;
      for (const w of batch) w();
    }
  }

  backups(prefix: string): [string, BackupRecord][] {
    return [...this.data].filter(([k]) => k.startsWith(`${prefix}.unreadable.`)) as [string, BackupRecord][];
  }
}

/** A clock that moves one second per call, from a fixed start. */
function clock(start = '2025-03-01T10:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000) - 1000);
}

const pass = { passed: 3, total: 3, durationMs: 12, verdict: 'passed' };
const fail = { passed: 1, total: 3, durationMs: 9, verdict: 'failed' };

function stored(m: FakeMemento): { version: number; drills: Record<string, DrillScore> } {
  return m.get(SCORES_KEY)!;
}

describe('ScoreStore', () => {
  describe('recording', () => {
    it('starts empty, writes nothing and reports no problem when nothing is stored', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m);
      await s.ready;
      assert.equal(s.get('a'), undefined);
      assert.equal(s.status('a'), 'untried');
      assert.deepEqual(s.all(), {});
      assert.deepEqual(s.problems, []);
      assert.equal(m.writes.length, 0);
    });

    it('records an attempt with its time, in the versioned schema, then tells listeners', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m, { now: clock() });
      const seen: (string | undefined)[] = [];
      s.onDidChange((id) => {
        seen.push(id);
        // Listeners run after the write: the memento already holds the change.
        assert.equal(stored(m).drills.a?.attempts, 1);
      });
      const score = await s.recordAttempt('a', fail);
      const attempt = { at: '2025-03-01T10:00:01.000Z', ...fail };
      assert.deepEqual(score, { attempts: 1, hintsUsed: 0, answerRevealed: false, best: { passed: 1, total: 3 }, last: attempt, history: [attempt] });
      assert.deepEqual(s.get('a'), score);
      assert.deepEqual(stored(m), { version: 2, drills: { a: score } });
      assert.deepEqual(seen, ['a']);
      assert.equal(s.status('a'), 'failed');
    });

    it('sets firstPassedAt at the first solving attempt only, and a later failure keeps the drill passed', async () => {
      const s = new ScoreStore(new FakeMemento(), { now: clock() });
      await s.recordAttempt('a', fail);
      assert.equal(s.get('a')?.firstPassedAt, undefined);
      await s.recordAttempt('a', pass);
      assert.equal(s.get('a')?.firstPassedAt, '2025-03-01T10:00:02.000Z');
      await s.recordAttempt('a', pass);
      await s.recordAttempt('a', fail);
      assert.equal(s.get('a')?.firstPassedAt, '2025-03-01T10:00:02.000Z');
      assert.equal(s.status('a'), 'passed');
      assert.equal(s.get('a')?.last?.verdict, 'failed');
      assert.equal(s.get('a')?.attempts, 4);
    });

    it('does not count as solved: no tests, a non-passing verdict with all tests green, or a partial pass', async () => {
      const s = new ScoreStore(new FakeMemento(), { now: clock() });
      await s.recordAttempt('none', { passed: 0, total: 0, durationMs: 1, verdict: 'compile-error' });
      await s.recordAttempt('typed', { passed: 3, total: 3, durationMs: 1, verdict: 'type-errors' });
      await s.recordAttempt('partial', { passed: 2, total: 3, durationMs: 1, verdict: 'failed' });
      for (const id of ['none', 'typed', 'partial']) {
        assert.equal(s.get(id)?.firstPassedAt, undefined, id);
        assert.equal(s.status(id), 'failed', id);
      }
    });

    it('keeps the best ratio seen (ties go to more tests; runs with no tests never count)', async () => {
      const s = new ScoreStore(new FakeMemento(), { now: clock() });
      await s.recordAttempt('a', { passed: 0, total: 0, durationMs: 1, verdict: 'compile-error' });
      assert.equal(s.get('a')?.best, undefined);
      await s.recordAttempt('a', { passed: 2, total: 4, durationMs: 1, verdict: 'failed' });
      assert.deepEqual(s.get('a')?.best, { passed: 2, total: 4 });
      await s.recordAttempt('a', { passed: 1, total: 4, durationMs: 1, verdict: 'failed' });
      assert.deepEqual(s.get('a')?.best, { passed: 2, total: 4 });
      await s.recordAttempt('a', { passed: 3, total: 6, durationMs: 1, verdict: 'failed' });
      assert.deepEqual(s.get('a')?.best, { passed: 3, total: 6 });
      await s.recordAttempt('a', { passed: 0, total: 0, durationMs: 1, verdict: 'crashed' });
      assert.deepEqual(s.get('a')?.best, { passed: 3, total: 6 });
      await s.recordAttempt('a', { passed: 5, total: 5, durationMs: 1, verdict: 'passed' });
      assert.deepEqual(s.get('a')?.best, { passed: 5, total: 5 });
    });

    it('caps the history, most recent last (default 20)', async () => {
      const s = new ScoreStore(new FakeMemento(), { now: clock(), historyLimit: 3 });
      for (let i = 0; i < 5; i++) await s.recordAttempt('a', { passed: i, total: 9, durationMs: i, verdict: 'failed' });
      assert.deepEqual(s.get('a')?.history.map((h) => h.passed), [2, 3, 4]);
      assert.equal(s.get('a')?.attempts, 5);
      assert.equal(s.get('a')?.last?.passed, 4);
      const d = new ScoreStore(new FakeMemento(), { now: clock() });
      for (let i = 0; i < 25; i++) await d.recordAttempt('a', fail);
      assert.equal(d.get('a')?.history.length, 20);
    });

    it('steps down the hint ladder, never past its end, writing nothing once at the end', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m);
      assert.equal(await s.recordHint('a', 2), 1);
      assert.equal(await s.recordHint('a', 2), 2);
      const writes = m.writes.length;
      assert.equal(await s.recordHint('a', 2), 2);
      assert.equal(m.writes.length, writes);
      assert.equal(s.get('a')?.hintsUsed, 2);
      assert.equal(s.status('a'), 'untried', 'hints alone are not an attempt');
      assert.equal(await s.recordHint('b', 0), 0);
      assert.equal(s.get('b'), undefined);
    });

    it('marks an answer revealed once', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m);
      await s.markAnswerRevealed('a');
      assert.equal(s.get('a')?.answerRevealed, true);
      const writes = m.writes.length;
      await s.markAnswerRevealed('a');
      assert.equal(m.writes.length, writes);
    });

    it('resets one drill or all of them, firing the id or undefined', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m, { now: clock() });
      await s.recordAttempt('a', pass);
      await s.recordAttempt('b', fail);
      const seen: (string | undefined)[] = [];
      s.onDidChange((id) => seen.push(id));
      await s.reset('a');
      assert.equal(s.get('a'), undefined);
      assert.ok(s.get('b'));
      await s.reset('missing');
      await s.reset();
      assert.deepEqual(s.all(), {});
      assert.deepEqual(stored(m), { version: 2, drills: {} });
      assert.deepEqual(seen, ['a', undefined]);
    });

    it('refuses figures that are not those of a finished check, writing nothing', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m);
      const bad: [string, unknown][] = [
        ['a', { passed: 4, total: 3, durationMs: 1, verdict: 'failed' }],
        ['a', { passed: -1, total: 3, durationMs: 1, verdict: 'failed' }],
        ['a', { passed: 1.5, total: 3, durationMs: 1, verdict: 'failed' }],
        ['a', { passed: 1, total: 3, durationMs: NaN, verdict: 'failed' }],
        ['a', { passed: 1, total: 3, durationMs: -5, verdict: 'failed' }],
        ['a', { passed: 1, total: 3, durationMs: 1, verdict: '' }],
        ['a', { passed: '1', total: 3, durationMs: 1, verdict: 'failed' }],
        ['a', undefined],
        ['', fail],
      ];
      for (const [id, a] of bad) {
        await assert.rejects(s.recordAttempt(id, a as typeof fail), TypeError, JSON.stringify(a));
      }
      await assert.rejects(s.recordHint('a', -1), TypeError);
      assert.equal(m.writes.length, 0);
      assert.deepEqual(s.all(), {});
    });

    it('leaves the store as it was when a write fails, and carries on afterwards', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m, { now: clock() });
      await s.recordAttempt('a', fail);
      let fired = 0;
      s.onDidChange(() => fired++);
      m.failKeys.add(SCORES_KEY);
      await assert.rejects(s.recordAttempt('a', pass), /disk full/);
      assert.equal(s.get('a')?.attempts, 1);
      assert.equal(s.status('a'), 'failed');
      assert.equal(fired, 0);
      m.failKeys.clear();
      await s.recordAttempt('a', pass);
      assert.equal(s.get('a')?.attempts, 2);
      assert.equal(stored(m).drills.a?.attempts, 2);
    });

    it('serializes writes: concurrent attempts all land even when the memento finishes them out of order', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m, { now: clock() });
      m.hold = true;
      const all = Promise.all([
        s.recordAttempt('a', fail),
        s.recordAttempt('b', pass),
        s.recordAttempt('a', pass),
        s.recordHint('b', 3),
        s.markAnswerRevealed('c'),
      ]);
      await m.releaseReversed();
      await all;
      const drills = stored(m).drills;
      assert.equal(drills.a?.attempts, 2);
      assert.ok(drills.a?.firstPassedAt);
      assert.equal(drills.b?.attempts, 1);
      assert.equal(drills.b?.hintsUsed, 1);
      assert.equal(drills.c?.answerRevealed, true);
      assert.deepEqual(s.all(), drills);
    });

    it('reads back what it wrote: a new store over the same memento sees equal scores', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m, { now: clock() });
      await s.recordAttempt('a', pass);
      await s.recordHint('a', 3);
      await s.recordAttempt('b', { passed: 0, total: 0, durationMs: 3, verdict: 'timeout' });
      const again = new ScoreStore(m);
      await again.ready;
      assert.deepEqual(again.all(), s.all());
      assert.deepEqual(again.problems, []);
      assert.equal(again.status('a'), 'passed');
      assert.equal(m.writes.length, 3, 'a clean v2 value is not rewritten on load');
    });

    it('hands out frozen scores that share nothing with the memento', async () => {
      const m = new FakeMemento();
      const s = new ScoreStore(m, { now: clock() });
      await s.recordAttempt('a', fail);
      const score = s.get('a')!;
      assert.throws(() => {
        (score as { attempts: number }).attempts = 99;
      }, TypeError);
      (stored(m).drills.a as { attempts: number }).attempts = 42;
      assert.equal(s.get('a')?.attempts, 1);
    });
  });

  describe('loading and migration', () => {
    const now = () => new Date('2025-04-02T08:00:00.000Z');

    it('migrates the v1 envelope; solved drills get the migration time as firstPassedAt', async () => {
      const m = new FakeMemento({
        [SCORES_KEY]: { version: 1, scores: { a: { passed: 3, total: 3, attempts: 2 }, b: { passed: 1, total: 4, attempts: 5 }, c: { passed: 0, total: 0, attempts: 1 } } },
      });
      const s = new ScoreStore(m, { now });
      assert.deepEqual(s.problems, []);
      assert.deepEqual(s.get('a'), { attempts: 2, hintsUsed: 0, answerRevealed: false, best: { passed: 3, total: 3 }, firstPassedAt: '2025-04-02T08:00:00.000Z', history: [] });
      assert.deepEqual(s.get('b'), { attempts: 5, hintsUsed: 0, answerRevealed: false, best: { passed: 1, total: 4 }, history: [] });
      assert.deepEqual(s.get('c'), { attempts: 1, hintsUsed: 0, answerRevealed: false, history: [] });
      assert.deepEqual([s.status('a'), s.status('b'), s.status('c')], ['passed', 'failed', 'failed']);
      await s.ready;
      assert.deepEqual(stored(m), { version: 2, drills: s.all() });
      assert.equal(m.backups(SCORES_KEY).length, 0);
    });

    it('migrates the bare, unversioned v1 map', async () => {
      const m = new FakeMemento({ [SCORES_KEY]: { a: { passed: 2, total: 2, attempts: 1 } } });
      const s = new ScoreStore(m, { now });
      await s.ready;
      assert.equal(s.status('a'), 'passed');
      assert.equal(stored(m).version, 2);
    });

    it('sets aside a malformed entry under a backup key and keeps the others', async () => {
      const good = { attempts: 1, hintsUsed: 2, answerRevealed: true, history: [] };
      const m = new FakeMemento({
        [SCORES_KEY]: { version: 2, drills: { good, bad: { attempts: 'many', hintsUsed: 0, answerRevealed: false, history: [] }, worse: 7 } },
      });
      const s = new ScoreStore(m, { now });
      assert.deepEqual(s.get('good'), good);
      assert.equal(s.get('bad'), undefined);
      assert.equal(s.problems.length, 1);
      assert.match(s.problems[0]!, /2 drill scores could not be read/);
      assert.match(s.problems[0]!, /"bad": attempts is not a count/);
      assert.match(s.problems[0]!, /interviewDrills\.scores\.unreadable\.2025-04-02T08:00:00\.000Z/);
      await s.ready;
      const [[key, backup]] = m.backups(SCORES_KEY) as [[string, BackupRecord]];
      assert.equal(key, 'interviewDrills.scores.unreadable.2025-04-02T08:00:00.000Z');
      assert.equal(backup.whole, false);
      assert.deepEqual(backup.value, { bad: { attempts: 'many', hintsUsed: 0, answerRevealed: false, history: [] }, worse: 7 });
      assert.equal(backup.reasons.length, 2);
      assert.deepEqual(stored(m), { version: 2, drills: { good } });
    });

    it('validates every field of a v2 entry, and fills in the fields older writers left out', () => {
      const attempt = { at: '2025-01-01T00:00:00.000Z', passed: 1, total: 2, durationMs: 5, verdict: 'failed' };
      const cases: [unknown, RegExp][] = [
        [{ attempts: 1, hintsUsed: -1 }, /hintsUsed/],
        [{ attempts: 1, answerRevealed: 'yes' }, /answerRevealed/],
        [{ attempts: 1, best: { passed: 3, total: 2 } }, /best/],
        [{ attempts: 1, last: { ...attempt, at: 'yesterday' } }, /last at/],
        [{ attempts: 1, firstPassedAt: 12 }, /firstPassedAt/],
        [{ attempts: 1, history: {} }, /history is not a list/],
        [{ attempts: 1, history: [attempt, { ...attempt, verdict: 3 }] }, /history\[1\] verdict/],
        [{ attempts: 1, history: [{ ...attempt, durationMs: -1 }] }, /durationMs/],
        [[], /array/],
      ];
      for (const [entry, why] of cases) {
        const r = readStoredScores({ version: 2, drills: { x: entry } });
        assert.deepEqual(r.drills, {}, JSON.stringify(entry));
        assert.match(r.setAside!.reasons[0]!, why, JSON.stringify(entry));
      }
      const r = readStoredScores({ version: 2, drills: { x: { attempts: 3 } } });
      assert.deepEqual(r.drills.x, { attempts: 3, hintsUsed: 0, answerRevealed: false, history: [] });
      assert.equal(r.setAside, undefined);
    });

    const wholes: [string, unknown, RegExp][] = [
      ['an unknown version', { version: 'two', drills: {} }, /unknown schema version "two"/],
      ['a v2 value without drills', { version: 2, drills: [] }, /without a "drills" map/],
      ['a v1 value without scores', { version: 1 }, /without a "scores" map/],
      ['a string', 'garbage', /string/],
      ['an array', [1, 2], /array/],
      ['null', null, /null/],
    ];
    for (const [what, raw, why] of wholes) {
      it(`sets aside ${what} whole, reports it and starts afresh`, async () => {
        const m = new FakeMemento({ [SCORES_KEY]: raw });
        const s = new ScoreStore(m, { now });
        assert.deepEqual(s.all(), {});
        assert.equal(s.problems.length, 1);
        assert.match(s.problems[0]!, why);
        assert.match(s.problems[0]!, /set aside under "interviewDrills\.scores\.unreadable\./);
        await s.ready;
        const backups = m.backups(SCORES_KEY);
        assert.equal(backups.length, 1);
        assert.deepEqual(backups[0]![1].value, raw);
        assert.equal(backups[0]![1].whole, true);
        assert.deepEqual(stored(m), { version: 2, drills: {} });
      });
    }

    it('picks a fresh backup key when one with the same time exists', async () => {
      const taken = 'interviewDrills.scores.unreadable.2025-04-02T08:00:00.000Z';
      const m = new FakeMemento({ [SCORES_KEY]: 'garbage', [taken]: { earlier: true } });
      const s = new ScoreStore(m, { now });
      await s.ready;
      assert.deepEqual(m.get(taken), { earlier: true });
      assert.ok(m.get(`${taken}.2`));
    });

    it('never overwrites unreadable data before its backup is written', async () => {
      const m = new FakeMemento({ [SCORES_KEY]: { version: 'nine', drills: { precious: 1 } } });
      m.failKeys.add(`${SCORES_KEY}.unreadable.`);
      const s = new ScoreStore(m, { now });
      await s.ready;
      assert.deepEqual(m.get(SCORES_KEY), { version: 'nine', drills: { precious: 1 } });
      assert.match(s.problems.at(-1)!, /failed.*disk full/);
      // The next change tries the backup first again, and fails without touching the main key.
      await assert.rejects(s.recordAttempt('a', pass), /disk full/);
      assert.deepEqual(m.get(SCORES_KEY), { version: 'nine', drills: { precious: 1 } });
      m.failKeys.clear();
      await s.recordAttempt('a', pass);
      assert.deepEqual(m.backups(SCORES_KEY)[0]![1].value, { version: 'nine', drills: { precious: 1 } });
      assert.equal(stored(m).drills.a?.attempts, 1);
      const order = m.writes.map((w) => (w.key === SCORES_KEY ? 'main' : 'backup'));
      assert.deepEqual(order, ['backup', 'main']);
    });

    it('rewrites a v2 value whose histories exceed the limit', async () => {
      const attempt = { at: '2025-01-01T00:00:00.000Z', passed: 1, total: 2, durationMs: 5, verdict: 'failed' };
      const m = new FakeMemento({ [SCORES_KEY]: { version: 2, drills: { a: { attempts: 4, history: [attempt, attempt, attempt, attempt] } } } });
      const s = new ScoreStore(m, { historyLimit: 2 });
      await s.ready;
      assert.equal(s.get('a')?.history.length, 2);
      assert.equal(stored(m).drills.a?.history.length, 2);
      assert.deepEqual(s.problems, []);
    });
  });
});

describe('ScoreStore: newer data, backups, odd ids and several windows', () => {
  const now = () => new Date('2025-04-02T08:00:00.000Z');

  it('keeps data a newer version wrote untouched and read-only, with one clear message', async () => {
    const newer = { version: 3, drills: { 'retry-flaky-call': { attempts: 4, streak: 2 } }, extra: 'kept' };
    const m = new FakeMemento({ [SCORES_KEY]: newer });
    const s = new ScoreStore(m, { now });
    assert.equal(s.readOnly, true);
    assert.deepEqual(s.problems.length, 1);
    assert.match(s.problems[0]!, /^Scores: the stored scores were written by a newer version of Interview Drills \(schema 3; this one reads 2\)/);
    assert.match(s.problems[0]!, /kept as they are/);
    await s.ready;
    // This window's attempts show, but nothing is written over the newer data and nothing is backed up.
    await s.recordAttempt('retry-flaky-call', pass);
    await s.recordHint('retry-flaky-call', 3);
    await s.reset();
    await s.recordAttempt('a', fail);
    assert.equal(s.status('a'), 'failed');
    await s.flushed();
    assert.deepEqual(m.get(SCORES_KEY), newer);
    assert.deepEqual(m.writes, []);
    assert.equal(m.backups(SCORES_KEY).length, 0);
    // A later load says it again, once.
    assert.equal(new ScoreStore(m, { now }).problems.length, 1);
  });

  it('keeps only the newest three backups, however often unreadable data is loaded', async () => {
    const m = new FakeMemento();
    let t = Date.parse('2025-04-02T08:00:00.000Z');
    for (let i = 0; i < 6; i++) {
      m.data.set(SCORES_KEY, `garbage ${i}`);
      const s = new ScoreStore(m, { now: () => new Date((t += 60_000)) });
      await s.ready;
    }
    const backups = m.backups(SCORES_KEY);
    assert.equal(backups.length, 3);
    assert.deepEqual(backups.map(([, b]) => b.value).sort(), ['garbage 3', 'garbage 4', 'garbage 5']);
    // The cap is an option; older backups with a same-time suffix count too.
    const m2 = new FakeMemento({
      [`${SCORES_KEY}.unreadable.2025-01-01T00:00:00.000Z`]: { n: 1 },
      [`${SCORES_KEY}.unreadable.2025-01-01T00:00:00.000Z.2`]: { n: 2 },
      [SCORES_KEY]: 7,
    });
    await new ScoreStore(m2, { now, maxBackups: 2 }).ready;
    assert.deepEqual(m2.backups(SCORES_KEY).map(([k]) => k).sort(), [`${SCORES_KEY}.unreadable.2025-01-01T00:00:00.000Z.2`, `${SCORES_KEY}.unreadable.2025-04-02T08:00:00.000Z`]);
  });

  it('treats "constructor" as an ordinary drill id and never returns what Object.prototype has', async () => {
    const m = new FakeMemento();
    const s = new ScoreStore(m, { now });
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      assert.equal(s.get(id), undefined, id);
      assert.equal(s.status(id), 'untried', id);
    }
    await s.recordAttempt('constructor', fail);
    await s.recordAttempt('constructor', pass);
    assert.equal(await s.recordHint('constructor', 3), 1);
    await s.markAnswerRevealed('constructor');
    assert.deepEqual({ attempts: s.get('constructor')?.attempts, status: s.status('constructor'), hints: s.get('constructor')?.hintsUsed, revealed: s.get('constructor')?.answerRevealed }, { attempts: 2, status: 'passed', hints: 1, revealed: true });
    assert.equal(new Map(Object.entries(stored(m).drills)).get('constructor')?.attempts, 2);
    assert.equal(new ScoreStore(m).get('constructor')?.attempts, 2);
    await s.reset('constructor');
    assert.equal(s.get('constructor'), undefined);
    // Ids no pack can produce are refused with the id rule, not stored.
    await assert.rejects(s.recordAttempt('toString', pass), /lower-case letters and digits/);
  });

  it('sets aside stored entries under "__proto__" or "toString" intact, without touching the other scores', async () => {
    const raw = JSON.parse('{"version":2,"drills":{"__proto__":{"attempts":9},"toString":{"attempts":8},"constructor":{"attempts":1}}}') as unknown;
    const m = new FakeMemento({ [SCORES_KEY]: raw });
    const s = new ScoreStore(m, { now });
    assert.deepEqual(Object.keys(s.all()), ['constructor']);
    assert.equal(s.get('__proto__'), undefined);
    assert.equal(s.get('toString'), undefined);
    assert.equal(Object.getPrototypeOf(s.all()), Object.prototype);
    await s.ready;
    const [[, backup]] = m.backups(SCORES_KEY) as [[string, BackupRecord]];
    assert.deepEqual(Object.keys(backup.value as object).sort(), ['__proto__', 'toString']);
    assert.equal((backup.value as Record<string, { attempts: number }>)['__proto__']!.attempts, 9);
    assert.deepEqual(Object.keys(stored(m).drills), ['constructor']);
  });

  it('two windows on one workspace keep each other\'s attempts (each change is merged into what is stored now)', async () => {
    const storage = new SharedWorkspaceStorage();
    const one = new ScoreStore(storage.open(), { now });
    const two = new ScoreStore(storage.open(), { now });
    await one.recordAttempt('a', fail);
    await two.recordAttempt('b', pass);
    await one.recordAttempt('a', pass);
    await two.recordAttempt('a', fail);
    await one.recordHint('b', 3);
    const onDisk = storage.value(SCORES_KEY) as { drills: Record<string, DrillScore> };
    assert.deepEqual(Object.keys(onDisk.drills).sort(), ['a', 'b']);
    assert.equal(onDisk.drills.a!.attempts, 3);
    assert.deepEqual(onDisk.drills.a!.history.map((h) => h.verdict), ['failed', 'passed', 'failed']);
    assert.equal(onDisk.drills.a!.firstPassedAt !== undefined, true);
    assert.equal(onDisk.drills.b!.attempts, 1);
    assert.equal(onDisk.drills.b!.hintsUsed, 1);
    // Each store shows what it wrote merged with what the other wrote before it.
    assert.equal(one.get('b')?.hintsUsed, 1);
    assert.equal(two.get('a')?.attempts, 3);
    // A reset in one window forgets only that drill; the other window's later attempts on other drills stay.
    await one.reset('b');
    await two.recordAttempt('c', pass);
    assert.deepEqual(Object.keys((storage.value(SCORES_KEY) as { drills: object }).drills).sort(), ['a', 'c']);
  });

  it('refresh() adopts another window\'s writes and tells listeners once', async () => {
    const storage = new SharedWorkspaceStorage();
    const one = new ScoreStore(storage.open(), { now });
    const two = new ScoreStore(storage.open(), { now });
    const fired: (string | undefined)[] = [];
    two.onDidChange((id) => fired.push(id));
    await one.recordAttempt('a', pass);
    assert.equal(two.status('a'), 'untried');
    assert.equal(await two.refresh(), true);
    assert.equal(two.status('a'), 'passed');
    assert.equal(await two.refresh(), false);
    assert.deepEqual(fired, [undefined]);
  });

  it('ratings from two windows are merged too', async () => {
    const storage = new SharedWorkspaceStorage();
    const one = new RatingStore(storage.open());
    const two = new RatingStore(storage.open());
    await one.set('regex', 2);
    await two.set('file-io', 4);
    assert.deepEqual(storage.value(RATINGS_KEY), { version: 1, ratings: { regex: 2, 'file-io': 4 } });
  });
});

describe('Emitter', () => {
  it('calls listeners in order until they are disposed, and survives a throwing listener', () => {
    const errors: unknown[] = [];
    const e = new Emitter<number>({ onListenerError: (err) => errors.push(err) });
    const seen: string[] = [];
    const bag: { dispose(): void }[] = [];
    const a = e.event((n) => seen.push(`a${n}`));
    e.event(() => {
      throw new Error('boom');
    });
    e.event((n) => seen.push(`c${n}`), undefined, bag);
    e.fire(1);
    a.dispose();
    e.fire(2);
    for (const d of bag) d.dispose();
    e.fire(3);
    assert.deepEqual(seen, ['a1', 'c1', 'c2']);
    assert.equal(errors.length, 3);
    e.dispose();
    assert.equal(e.listenerCount, 0);
    e.event(() => seen.push('late'));
    e.fire(4);
    assert.deepEqual(seen, ['a1', 'c1', 'c2']);
  });

  it('passes thisArgs', () => {
    const e = new Emitter<void>();
    const target = { hits: 0 };
    e.event(function (this: typeof target) {
      this.hits++;
    }, target);
    e.fire();
    assert.equal(target.hits, 1);
  });
});
