import * as assert from 'node:assert/strict';
import {
  addDays, describeDue, dueReviews, pickNextDrill, readSchedule, recordCheck, REVIEW_INTERVALS_DAYS, type ReviewEntry,
} from '../../src/core/review';

const T0 = new Date('2026-11-02T09:00:00.000Z'); // a Monday
const days = (n: number, from = T0) => addDays(from, n);

describe('spaced review: the schedule (injected clock)', () => {
  it('a first pass schedules the drill one day later; a failed check before any pass schedules nothing', () => {
    assert.equal(recordCheck(undefined, false, T0), undefined);
    const e = recordCheck(undefined, true, T0)!;
    assert.deepEqual(e, { step: 0, dueAt: days(1).toISOString(), lastAt: T0.toISOString(), reviews: 0, lapses: 0 });
  });

  it('passing each review when due walks the intervals 1, 3, 7, 14, 30 days, then stays at 30', () => {
    assert.deepEqual(REVIEW_INTERVALS_DAYS, [1, 3, 7, 14, 30]);
    let now = T0;
    let e = recordCheck(undefined, true, now)!;
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      now = new Date(e.dueAt);
      const next = recordCheck(e, true, now)!;
      gaps.push((Date.parse(next.dueAt) - now.getTime()) / 86_400_000);
      e = next;
    }
    assert.deepEqual(gaps, [3, 7, 14, 30, 30, 30]);
    assert.equal(e.reviews, 6);
    assert.equal(e.step, 4);
  });

  it('a failed review (while due) starts over at one day and counts a lapse', () => {
    let e = recordCheck(undefined, true, T0)!;
    e = recordCheck(e, true, days(1))!; // step 1, due in 3 days
    e = recordCheck(e, true, days(4))!; // step 2, due in 7 days
    const failed = recordCheck(e, false, days(11))!;
    assert.equal(failed.step, 0);
    assert.equal(failed.dueAt, days(12).toISOString());
    assert.equal(failed.lapses, 1);
    assert.equal(failed.reviews, 2);
  });

  it('checks before the drill is due change nothing: practising early neither moves it on nor starts it over', () => {
    const e = recordCheck(undefined, true, T0)!;
    const early = new Date(T0.getTime() + 60 * 60 * 1000);
    assert.equal(recordCheck(e, true, early), e);
    assert.equal(recordCheck(e, false, early), e);
    // exactly at dueAt it is due
    assert.notEqual(recordCheck(e, true, days(1)), e);
  });

  it('due reviews: only those due at now, longest overdue first, ties by id', () => {
    const mk = (due: Date): ReviewEntry => ({ step: 0, dueAt: due.toISOString(), lastAt: T0.toISOString(), reviews: 0, lapses: 0 });
    const schedule = { b: mk(days(2)), a: mk(days(2)), c: mk(days(1)), later: mk(days(10)) };
    assert.deepEqual(dueReviews(schedule, days(3)).map((d) => d.id), ['c', 'a', 'b']);
    assert.deepEqual(dueReviews(schedule, days(0)), []);
    assert.deepEqual(dueReviews(schedule, days(10)).map((d) => d.id), ['c', 'a', 'b', 'later']);
  });

  it('describes how long a review has been due, in local days', () => {
    const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);
    const now = local(2026, 11, 12); // Thursday 12 Nov 2026
    assert.equal(describeDue(local(2026, 11, 12, 8).toISOString(), now), 'due today');
    assert.equal(describeDue(local(2026, 11, 11).toISOString(), now), 'due since yesterday');
    assert.equal(describeDue(local(2026, 11, 10).toISOString(), now), 'due since Tuesday');
    assert.equal(describeDue(local(2026, 11, 3).toISOString(), now), 'due since 3 Nov');
  });
});

describe('spaced review: Next Drill', () => {
  const drills = [
    { id: 'a1', topic: 'regex' }, { id: 'a2', topic: 'subprocess' }, { id: 'a3', topic: 'subprocess' }, { id: 'a4', topic: 'regex' },
  ];
  const entry = (due: Date): ReviewEntry => ({ step: 0, dueAt: due.toISOString(), lastAt: T0.toISOString(), reviews: 0, lapses: 0 });

  it('due reviews come first, with the reason', () => {
    const choice = pickNextDrill({ drills, solved: new Set(['a4']), schedule: { a4: entry(days(1)) }, now: days(2), weakestTopic: { id: 'subprocess', label: 'Running commands' } });
    assert.equal(choice?.id, 'a4');
    assert.equal(choice?.kind, 'due');
    assert.match(choice!.reason, /^due since /);
  });

  it('then the first unsolved drill of the weakest topic, then the first unsolved in order', () => {
    const base = { drills, schedule: { a1: entry(days(5)) }, now: days(2) };
    assert.deepEqual(pickNextDrill({ ...base, solved: new Set(['a1']), weakestTopic: { id: 'subprocess', label: 'Running commands' } }),
      { id: 'a2', kind: 'weak-topic', reason: 'weakest topic: Running commands' });
    assert.deepEqual(pickNextDrill({ ...base, solved: new Set(['a1', 'a2', 'a3']), weakestTopic: { id: 'subprocess', label: 'Running commands' } }),
      { id: 'a4', kind: 'unsolved', reason: 'next unsolved drill' });
    assert.deepEqual(pickNextDrill({ ...base, solved: new Set(['a1']) }), { id: 'a2', kind: 'unsolved', reason: 'next unsolved drill' });
  });

  it('never picks the drill open now while there is another choice; ignores schedule entries of unknown drills', () => {
    const choice = pickNextDrill({ drills, solved: new Set(), schedule: { gone: entry(days(0)) }, now: days(2), current: 'a1' });
    assert.equal(choice?.id, 'a2');
  });

  it('when everything is solved and nothing is due: the review due soonest', () => {
    const choice = pickNextDrill({ drills, solved: new Set(drills.map((d) => d.id)), schedule: { a3: entry(days(9)), a2: entry(days(4)) }, now: days(2) });
    assert.equal(choice?.id, 'a2');
    assert.equal(choice?.kind, 'oldest');
  });
});

describe('spaced review: stored schedule', () => {
  it('keeps valid entries and names each bad one', () => {
    const good = { step: 1, dueAt: T0.toISOString(), lastAt: T0.toISOString(), reviews: 1, lapses: 0 };
    const { schedule, problems } = readSchedule({ ok: good, bad: { ...good, step: 9 }, 'no id!': good, worse: 'x', extra: { ...good, more: 1 } });
    assert.deepEqual(Object.keys(schedule), ['ok']);
    assert.equal(problems.length, 4);
    assert.ok(problems.some((p) => p.startsWith('bad: step')));
    assert.ok(problems.some((p) => p.includes('unknown field "more"')));
    assert.deepEqual(readSchedule([]).problems, ['the review schedule is an array, not an object']);
  });
});
