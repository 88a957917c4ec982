import * as assert from 'node:assert/strict';
import { exportProgress, mergeDrillScore, mergeProgress, parseProgress, type Progress, ProgressFileError } from '../../src/core/progress';
import type { DrillScore } from '../../src/core/scores';

const now = new Date('2026-12-01T10:00:00.000Z');
const attempt = (at: string, passed: number, total = 5) => ({ at, passed, total, durationMs: 12, verdict: passed === total ? 'passed' : 'failed' });

function score(history: ReturnType<typeof attempt>[], extra: Partial<DrillScore> = {}): DrillScore {
  const solved = history.find((a) => a.passed === a.total);
  const best = history.reduce<{ passed: number; total: number } | undefined>((b, a) => (!b || a.passed / a.total > b.passed / b.total ? { passed: a.passed, total: a.total } : b), undefined);
  return {
    ...(best ? { best } : {}),
    ...(history.length ? { last: history[history.length - 1] } : {}),
    attempts: history.length,
    hintsUsed: 0,
    answerRevealed: false,
    ...(solved ? { firstPassedAt: solved.at } : {}),
    history,
    ...extra,
  };
}

const sample: Progress = {
  scores: {
    'retry-flaky-call': score([attempt('2026-11-30T09:00:00.000Z', 2), attempt('2026-11-30T09:05:00.000Z', 5)], { hintsUsed: 1 }),
    'tail-log-lines': score([attempt('2026-11-29T09:00:00.000Z', 1)]),
  },
  ratings: { regex: 2, subprocess: 5 },
  reviews: { 'retry-flaky-call': { step: 0, dueAt: '2026-12-01T09:05:00.000Z', lastAt: '2026-11-30T09:05:00.000Z', reviews: 0, lapses: 0 } },
  interviews: [{ startedAt: '2026-11-28T18:00:00.000Z', drills: ['a', 'b'], overall: 71 }],
};

describe('progress export and import', () => {
  it('round trip: what is exported imports back unchanged', () => {
    const text = exportProgress(sample, now);
    assert.deepEqual(parseProgress(text, 'p.json', now), sample);
  });

  it('importing into an empty workspace restores everything; importing the same file again changes nothing', () => {
    const empty: Progress = { scores: {}, ratings: {}, reviews: {}, interviews: [] };
    const once = mergeProgress(empty, sample);
    assert.deepEqual(once, sample);
    assert.deepEqual(mergeProgress(once, sample), sample);
  });

  it('merges two machines: histories united without duplicates, counts and flags the larger', () => {
    const other = score([attempt('2026-11-30T09:00:00.000Z', 2), attempt('2026-12-01T08:00:00.000Z', 4)], { answerRevealed: true });
    const merged = mergeDrillScore(sample.scores['retry-flaky-call'], other)!;
    assert.deepEqual(merged.history.map((a) => a.at), ['2026-11-30T09:00:00.000Z', '2026-11-30T09:05:00.000Z', '2026-12-01T08:00:00.000Z']);
    assert.equal(merged.attempts, 3);
    assert.deepEqual(merged.best, { passed: 5, total: 5 });
    assert.equal(merged.last?.at, '2026-12-01T08:00:00.000Z');
    assert.equal(merged.firstPassedAt, '2026-11-30T09:05:00.000Z');
    assert.equal(merged.hintsUsed, 1);
    assert.equal(merged.answerRevealed, true);
  });

  it('a rating in the file replaces the current one; reviews keep the most recently checked entry', () => {
    const current: Progress = {
      ...sample,
      ratings: { regex: 4, 'file-io': 3 },
      reviews: { 'retry-flaky-call': { step: 2, dueAt: '2026-12-08T09:00:00.000Z', lastAt: '2026-12-01T09:00:00.000Z', reviews: 2, lapses: 0 } },
    };
    const merged = mergeProgress(current, sample);
    assert.deepEqual(merged.ratings, { regex: 2, 'file-io': 3, subprocess: 5 });
    assert.equal(merged.reviews['retry-flaky-call']!.step, 2);
  });

  it('refuses a bad file as a whole, naming the file and every reason', () => {
    const refuse = (text: string, pattern: RegExp) => {
      assert.throws(() => parseProgress(text, '/tmp/progress.json', now), (e: unknown) => {
        assert.ok(e instanceof ProgressFileError);
        assert.match(e.message, /^\/tmp\/progress\.json: /);
        assert.match(e.message, pattern);
        return true;
      });
    };
    refuse('{\n  "format": "interview-drills-progress",\n  "version": 1,\n}', /not valid JSON at line 4, column 1/);
    refuse('[]', /holds an array/);
    refuse('{"format":"something-else","version":1}', /not an Interview Drills progress file/);
    refuse('{"format":"interview-drills-progress","version":7}', /newer version .* update the extension/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deliberately broken copy of the file, edited in place
    const bad = JSON.parse(exportProgress(sample, now)) as Record<string, any>;
    bad.ratings.ratings.regex = 9;
    bad.reviews['retry-flaky-call'].step = -1;
    bad.scores.drills['tail-log-lines'].history[0].passed = 99;
    bad.interviews.push('nope');
    bad.extra = true;
    assert.throws(() => parseProgress(JSON.stringify(bad), 'p.json', now), (e: unknown) => {
      assert.ok(e instanceof ProgressFileError);
      assert.equal(e.reasons.length, 5, e.reasons.join('\n'));
      assert.ok(e.reasons.some((r) => r.startsWith('"ratings": regex')));
      assert.ok(e.reasons.some((r) => r.startsWith('"reviews": retry-flaky-call: step')));
      assert.ok(e.reasons.some((r) => r.startsWith('"scores": ')));
      assert.ok(e.reasons.some((r) => r.includes('entry 2 is string')));
      assert.ok(e.reasons.some((r) => r.includes('unknown field "extra"')));
      return true;
    });
  });
});
