import * as assert from 'node:assert/strict';
import { assess, assessTopic, disagreement, isStrong, isWeak, nextDrill, recallByTopic, type Scores, summarize } from '../../src/core/assessment';
import type { Drill, Tier } from '../../src/core/model';
import type { Rating, Ratings } from '../../src/core/ratings';
import type { DrillScore } from '../../src/core/scores';
import { TOPIC_IDS, type TopicId } from '../../src/core/topics';

function drill(id: string, topic: TopicId, tier: Tier = 'beginner', order = 1): Drill {
  return {
    id, tier, topic, order, title: `Drill ${id}`, prompt: '', answer: '', hints: [], stub: '', solution: '', tests: '', mistakes: [],
    source: { file: `${id}.yaml`, lines: {} },
  };
}

function attempt(at: string, passed: number, total = 2) {
  return { at, passed, total, durationMs: 1, verdict: passed === total ? 'passed' : 'failed' };
}

/** A solved score whose last check was at `at`. */
function solved(at?: string): DrillScore {
  const last = at ? attempt(at, 2) : undefined;
  return { attempts: 1, hintsUsed: 0, answerRevealed: false, firstPassedAt: at ?? '2025-01-01T00:00:00.000Z', best: { passed: 2, total: 2 }, history: last ? [last] : [], ...(last ? { last } : {}) };
}

function failed(at: string, attempts = 1): DrillScore {
  const last = attempt(at, 0);
  return { attempts, hintsUsed: 0, answerRevealed: false, best: { passed: 0, total: 2 }, last, history: [last] };
}

const T1 = '2025-02-01T10:00:00.000Z';
const T2 = '2025-02-02T10:00:00.000Z';
const T3 = '2025-02-03T10:00:00.000Z';

describe('assessment rules', () => {
  describe('weak and strong', () => {
    it('is weak below 3 only, and strong at 5 only', () => {
      assert.deepEqual(([1, 2, 3, 4, 5] as Rating[]).map(isWeak), [true, true, false, false, false]);
      assert.deepEqual(([1, 2, 3, 4, 5] as Rating[]).map(isStrong), [false, false, false, false, true]);
      assert.equal(isWeak(undefined), false);
      assert.equal(isStrong(undefined), false);
    });

    it('flags the topic assessment accordingly', () => {
      const drills = [drill('a', 'regex')];
      assert.equal(assessTopic('regex', drills, {}, { regex: 2 }).weak, true);
      assert.equal(assessTopic('regex', drills, {}, { regex: 3 }).weak, false);
      assert.equal(assessTopic('regex', drills, {}, { regex: 5 }).strong, true);
      assert.equal(assessTopic('regex', drills, {}, { regex: 4 }).strong, false);
      const unrated = assessTopic('regex', drills, {}, {});
      assert.equal(unrated.rating, undefined);
      assert.equal(unrated.weak || unrated.strong, false);
    });
  });

  describe('disagreement', () => {
    it('calls a 4 or 5 with under half the drills passed overconfident', () => {
      assert.equal(disagreement(4, 1, 3)?.kind, 'overconfident');
      assert.equal(disagreement(5, 0, 1)?.kind, 'overconfident');
      assert.match(disagreement(4, 1, 3)!.reason, /Rated 4 of 5, but only 1 of 3 drills solved/);
    });

    it('does not flag exactly half passed, or a rating of 3', () => {
      assert.equal(disagreement(4, 2, 4), undefined);
      assert.equal(disagreement(5, 1, 2), undefined);
      assert.equal(disagreement(3, 0, 4), undefined);
      assert.equal(disagreement(3, 4, 4), undefined);
    });

    it('calls a 1 or 2 with every drill passed underrating, but not when one is left', () => {
      assert.equal(disagreement(2, 3, 3)?.kind, 'underrating');
      assert.equal(disagreement(1, 1, 1)?.kind, 'underrating');
      assert.match(disagreement(1, 1, 1)!.reason, /its only drill solved/);
      assert.match(disagreement(2, 3, 3)!.reason, /all 3 drills solved/);
      assert.equal(disagreement(2, 2, 3), undefined);
    });

    it('says nothing for unrated topics or topics no drill covers', () => {
      assert.equal(disagreement(undefined, 0, 3), undefined);
      assert.equal(disagreement(5, 0, 0), undefined);
      assert.equal(disagreement(1, 0, 0), undefined);
      const t = assessTopic('cloud-sdks', [], {}, { 'cloud-sdks': 1 });
      assert.equal(t.disagreement, undefined);
      assert.equal(t.weak, true, 'a weak rating stands even with nothing to measure');
    });

    it('is attached to the topic from its measured figures', () => {
      const drills = [drill('a', 'regex'), drill('b', 'regex', 'beginner', 2)];
      assert.equal(assessTopic('regex', drills, { a: solved(T1) }, { regex: 5 }).disagreement, undefined);
      assert.equal(assessTopic('regex', drills, { a: failed(T1) }, { regex: 5 }).disagreement?.kind, 'overconfident');
      assert.equal(assessTopic('regex', drills, { a: solved(T1), b: solved(T2) }, { regex: 2 }).disagreement?.kind, 'underrating');
    });
  });

  describe('measured figures', () => {
    it('counts the topic\'s drills, those solved, all attempts, and the latest check', () => {
      const drills = [drill('a', 'regex'), drill('b', 'regex', 'scenario'), drill('c', 'regex', 'intermediate'), drill('x', 'file-io')];
      const scores: Scores = { a: solved(T1), b: failed(T3, 4), x: failed('2030-01-01T00:00:00.000Z'), ghost: solved(T3) };
      const t = assessTopic('regex', drills, scores, { regex: 3 });
      assert.equal(t.drills, 3);
      assert.equal(t.passed, 1);
      assert.equal(t.attempts, 5);
      assert.equal(t.lastPractised, T3);
      assert.equal(t.label, 'Regular expressions');
      assert.deepEqual(t.drillRefs.map((d) => [d.id, d.status]), [['a', 'passed'], ['c', 'untried'], ['b', 'failed']]);
    });

    it('has no last-practised time and zero figures for an untouched topic', () => {
      const t = assessTopic('regex', [drill('a', 'regex')], {}, {});
      assert.deepEqual([t.drills, t.passed, t.attempts, t.lastPractised], [1, 0, 0, undefined]);
      const none = assessTopic('regex', [], {}, {});
      assert.deepEqual([none.drills, none.next, none.drillRefs], [0, undefined, []]);
    });
  });

  describe('nextDrill', () => {
    // Given out of tree order on purpose: the tree sorts by tier, then by order.
    const drills = [drill('s1', 'regex', 'scenario', 1), drill('b2', 'regex', 'beginner', 2), drill('i1', 'regex', 'intermediate', 1), drill('b1', 'regex', 'beginner', 1), drill('o', 'file-io')];

    it('picks the first unsolved drill of the topic in tree order (failed ones count as unsolved)', () => {
      assert.equal(nextDrill('regex', drills, {})?.id, 'b1');
      assert.equal(nextDrill('regex', drills, { b1: solved(T1) })?.id, 'b2');
      assert.equal(nextDrill('regex', drills, { b1: solved(T1), b2: failed(T2) })?.id, 'b2');
      assert.equal(nextDrill('regex', drills, { b1: solved(T1), b2: solved(T1), i1: solved(T1) })?.id, 's1');
    });

    it('when all are solved, picks the one practised longest ago', () => {
      const scores = { b1: solved(T3), b2: solved(T2), i1: solved(T1), s1: solved(T3) };
      assert.equal(nextDrill('regex', drills, scores)?.id, 'i1');
      // A solved drill with no recorded check (migrated from v1) counts as the oldest.
      assert.equal(nextDrill('regex', drills, { ...scores, s1: solved() })?.id, 's1');
      // Ties go to tree order.
      assert.equal(nextDrill('regex', drills, { b1: solved(T1), b2: solved(T1), i1: solved(T1), s1: solved(T1) })?.id, 'b1');
    });

    it('has nothing for a topic no drill covers', () => {
      assert.equal(nextDrill('cloud-sdks', drills, {}), undefined);
    });

    it('is what the topic assessment offers to practise', () => {
      assert.deepEqual(assessTopic('regex', drills, { b1: solved(T1) }, {}).next, { id: 'b2', title: 'Drill b2', solved: false });
      const all = { b1: solved(T3), b2: solved(T2), i1: solved(T1), s1: solved(T3) };
      assert.deepEqual(assessTopic('regex', drills, all, {}).next, { id: 'i1', title: 'Drill i1', solved: true });
    });
  });

  describe('summary', () => {
    it('averages the rated topics only, and counts all drills', () => {
      const drills = [drill('a', 'regex'), drill('b', 'file-io'), drill('c', 'file-io', 'beginner', 2)];
      const { summary, topics } = assess(drills, { a: solved(T1), c: solved(T2) }, { regex: 4, 'file-io': 1, subprocess: 2 });
      assert.deepEqual(topics.map((t) => t.topic), TOPIC_IDS);
      assert.equal(summary.averageConfidence, 7 / 3);
      assert.equal(summary.ratedTopics, 3);
      assert.equal(summary.topicCount, 12);
      assert.equal(summary.drillsPassed, 2);
      assert.equal(summary.drillsTotal, 3);
    });

    it('has no average when nothing is rated', () => {
      assert.equal(assess([drill('a', 'regex')], {}, {}).summary.averageConfidence, undefined);
    });

    it('names the lowest-rated topic as the weakest', () => {
      const w = assess([drill('a', 'regex')], {}, { regex: 2, 'file-io': 4, 'http-api': 3 }).summary.weakest;
      assert.equal(w?.topic, 'regex');
      assert.equal(w?.basis, 'rating');
      assert.equal(w?.label, 'Regular expressions');
      assert.match(w!.reason, /rated 2 of 5, 0 of 1 drill solved/);
    });

    it('breaks a rating tie by the lowest pass ratio, then by the guide\'s order', () => {
      const drills = [drill('r1', 'regex'), drill('r2', 'regex', 'beginner', 2), drill('f1', 'file-io'), drill('f2', 'file-io', 'beginner', 2)];
      const ratings: Ratings = { regex: 2, 'file-io': 2 };
      // file-io comes before regex in the guide; regex has the lower pass ratio.
      assert.equal(assess(drills, { f1: solved(T1), r1: failed(T1) }, ratings).summary.weakest?.topic, 'regex');
      assert.equal(assess(drills, { r1: solved(T1), f1: solved(T1), f2: solved(T1) }, ratings).summary.weakest?.topic, 'regex');
      assert.equal(assess(drills, { r1: solved(T1), r2: solved(T1), f1: solved(T1) }, ratings).summary.weakest?.topic, 'file-io');
      assert.equal(assess(drills, { r1: solved(T1), f1: solved(T1) }, ratings).summary.weakest?.topic, 'file-io', 'equal ratios: guide order');
    });

    it('ranks a tied topic with no drills after one whose drills were measured', () => {
      const drills = [drill('r1', 'regex')];
      const w = assess(drills, { r1: solved(T1) }, { 'python-basics': 1, regex: 1 }).summary.weakest;
      assert.equal(w?.topic, 'regex');
      const only = assess([], {}, { 'cloud-sdks': 3 }).summary.weakest;
      assert.equal(only?.topic, 'cloud-sdks');
      assert.match(only!.reason, /no drill covers it yet/);
    });

    it('falls back to the lowest pass ratio among measured topics when nothing is rated', () => {
      const drills = [drill('b', 'python-basics'), drill('r1', 'regex'), drill('r2', 'regex', 'beginner', 2)];
      const w = assess(drills, { b: solved(T1), r1: solved(T1) }, {}).summary.weakest;
      assert.equal(w?.topic, 'regex');
      assert.equal(w?.basis, 'pass-ratio');
      assert.match(w!.reason, /no topic is rated yet; 1 of 2 drills solved/);
    });

    it('names no weakest topic when nothing is rated or tried', () => {
      assert.equal(assess([drill('b', 'python-basics'), drill('r1', 'regex')], {}, {}).summary.weakest, undefined);
    });

    it('has no weakest topic with no ratings and no drills', () => {
      assert.equal(assess([], {}, {}).summary.weakest, undefined);
      assert.deepEqual(summarize([]), { ratedTopics: 0, topicCount: 0, drillsPassed: 0, drillsTotal: 0 });
    });
  });
});

describe('assessment over both languages and mock interviews', () => {
  const drills = [drill('a', 'regex', 'beginner', 1), drill('b', 'regex', 'beginner', 2), drill('c', 'regex', 'beginner', 3), drill('d', 'file-io')];

  it('counts a drill solved in a topic when it is solved in either language, and says which', () => {
    const t = assessTopic('regex', drills, { a: solved(T1) }, {}, { python: { a: solved(T2), b: solved(T3), c: failed(T1) } });
    assert.equal(t.passed, 2, 'a (both) and b (Python only)');
    assert.deepEqual(t.passedIn, { typescript: 1, python: 2 });
    assert.deepEqual(t.drillRefs.map((r) => [r.id, r.status, r.solvedIn]), [
      ['a', 'passed', ['typescript', 'python']],
      ['b', 'passed', ['python']],
      ['c', 'failed', []],
    ]);
    assert.equal(t.attempts, 4, 'checks in both languages count');
    assert.equal(t.lastPractised, T3);
    assert.deepEqual(t.next, { id: 'c', title: 'Drill c', solved: false }, 'Practise skips drills solved in Python');
  });

  it('keeps TypeScript-only figures the same when no Python scores are given', () => {
    const ts = assessTopic('regex', drills, { a: solved(T1), b: failed(T2) }, {});
    assert.equal(ts.passed, 1);
    assert.deepEqual(ts.passedIn, { typescript: 1, python: 0 });
    assert.equal(ts.attempts, 2);
  });

  it('lets Python results settle a disagreement and the summary', () => {
    const a = assess(drills, {}, { regex: 1 }, { python: { a: solved(T1), b: solved(T1), c: solved(T1) } });
    const regex = a.topics.find((t) => t.topic === 'regex')!;
    assert.equal(regex.disagreement?.kind, 'underrating');
    assert.equal(a.summary.drillsPassed, 3);
    assert.equal(nextDrill('regex', drills, {}, { a: solved(T1) })?.id, 'b');
  });

  it('takes the recall score per topic from the spoken question of each mock interview', () => {
    const rec = (at: string, id: string, recall: number, total = 4) => ({ finishedAt: at, spoken: { id, total }, score: { recall } });
    const recall = recallByTopic([rec(T1, 'a', 50), rec(T2, 'b', 100), rec(T3, 'd', 25), rec(T3, 'gone', 90), rec(T3, 'c', 0, 0)], drills);
    assert.deepEqual(recall, { regex: { mean: 75, interviews: 2, last: 100 }, 'file-io': { mean: 25, interviews: 1, last: 25 } });
    const t = assessTopic('regex', drills, {}, {}, { recall });
    assert.deepEqual(t.recall, { mean: 75, interviews: 2, last: 100 });
    assert.equal(assessTopic('subprocess', drills, {}, {}, { recall }).recall, undefined, 'no interview asked it: nothing is made up');
  });
});
