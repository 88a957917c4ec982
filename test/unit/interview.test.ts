import * as assert from 'node:assert/strict';
import {
  codingScore, formatRemaining, HINT_COST, type InterviewCandidate, pauseCountdown, PlanError, planInterview, type PlanInput,
  remainingMs, resumeCountdown, scoreInterview, SPOKEN_MINUTES, startCountdown,
} from '../../src/core/interview';

const kp = ['one', 'two', 'three'];
const bank: InterviewCandidate[] = [
  { id: 'b-regex', title: 'B regex', tier: 'beginner', topic: 'regex', minutes: 10, keyPoints: kp },
  { id: 'b-sub', title: 'B sub', tier: 'beginner', topic: 'subprocess', minutes: 8, keyPoints: kp },
  { id: 'i-regex', title: 'I regex', tier: 'intermediate', topic: 'regex', minutes: 25, keyPoints: kp },
  { id: 'i-http', title: 'I http', tier: 'intermediate', topic: 'http-api', minutes: 20, keyPoints: kp },
  { id: 'i-files', title: 'I files', tier: 'intermediate', topic: 'file-io', minutes: 15 },
  { id: 's-big', title: 'S big', tier: 'scenario', topic: 'integration', minutes: 45, keyPoints: kp },
];

/** A random source that replays the given numbers, then 0. */
function seq(...xs: number[]): () => number {
  let i = 0;
  return () => (i < xs.length ? xs[i++] : 0);
}

function input(over: Partial<PlanInput> = {}): PlanInput {
  return { lengthMinutes: 45, tiers: ['intermediate'], drills: bank, weakness: {}, due: new Set(), random: seq(0, 0, 0), ...over };
}

describe('mock interview: the plan', () => {
  it('one spoken question with key points, then coding drills that fit the time left, all from the chosen tiers', () => {
    const plan = planInterview(input());
    assert.equal(plan.spoken.id, 'i-regex');
    assert.equal(plan.spoken.minutes, SPOKEN_MINUTES);
    assert.deepEqual(plan.coding.map((c) => c.id), ['i-http', 'i-files']); // 20 + 15 fit in 42; the spoken drill is not asked again
    assert.equal(plan.plannedMinutes, 3 + 20 + 15);
    assert.ok(plan.plannedMinutes <= 45);
    for (const id of [plan.spoken.id, ...plan.coding.map((c) => c.id)]) assert.ok(id.startsWith('i-'), id);
  });

  it('a short interview gets a single coding drill when a second does not fit', () => {
    const plan = planInterview(input({ lengthMinutes: 30 }));
    assert.equal(plan.coding.length, 1);
    assert.ok(plan.plannedMinutes <= 30);
  });

  it('the spoken question only comes from drills with key points', () => {
    for (let r = 0; r < 1; r += 0.05) {
      const plan = planInterview(input({ random: seq(r, 0, 0) }));
      assert.notEqual(plan.spoken.id, 'i-files');
    }
  });

  it('weak topics and due reviews weigh more', () => {
    // The spoken question can only be b-talk (the one with key points); the coding drill is b-regex or b-sub.
    const small: InterviewCandidate[] = [
      { id: 'b-talk', title: 'talk', tier: 'beginner', topic: 'integration', minutes: 40, keyPoints: kp },
      { id: 'b-regex', title: 'B regex', tier: 'beginner', topic: 'regex', minutes: 10 },
      { id: 'b-sub', title: 'B sub', tier: 'beginner', topic: 'subprocess', minutes: 10 },
    ];
    const count = (over: Partial<PlanInput>) => {
      let hits = 0;
      for (let i = 0; i < 200; i++) {
        const plan = planInterview(input({ ...over, drills: small, tiers: ['beginner'], lengthMinutes: 14, random: seq(0.5, i / 200) }));
        assert.equal(plan.spoken.id, 'b-talk');
        if (plan.coding[0].id === 'b-sub') hits++;
      }
      return hits;
    };
    const even = count({});
    const weak = count({ weakness: { subprocess: 1, regex: 0 } });
    const due = count({ due: new Set(['b-sub']) });
    assert.ok(weak > even, `${weak} > ${even}`);
    assert.ok(due > even, `${due} > ${even}`);
    assert.equal(planInterview(input({ drills: small, tiers: ['beginner'], lengthMinutes: 14, due: new Set(['b-regex']), random: seq(0, 0) })).coding[0].why, 'due for review');
    assert.equal(planInterview(input({ drills: small, tiers: ['beginner'], lengthMinutes: 14, weakness: { regex: 1 }, random: seq(0, 0) })).coding[0].why, 'weak topic');
    assert.equal(planInterview(input({ drills: small, tiers: ['beginner'], lengthMinutes: 14, weakness: { regex: 0 }, random: seq(0, 0) })).coding[0].why, '');
  });

  it('refuses what cannot be planned, with a reason', () => {
    assert.throws(() => planInterview(input({ tiers: [] })), PlanError);
    assert.throws(() => planInterview(input({ lengthMinutes: 5 })), /at least 8 minutes/);
    assert.throws(() => planInterview(input({ tiers: ['scenario'], lengthMinutes: 30 })), /No coding drill .* fits in 27 minutes/);
    assert.throws(() => planInterview(input({ drills: bank.map((d) => ({ ...d, keyPoints: undefined })) })), /key points/);
  });
});

describe('mock interview: the countdown', () => {
  const t0 = new Date('2026-12-01T10:00:00Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);

  it('counts down, pauses (paused time does not count) and resumes; survives as plain data', () => {
    let c = startCountdown(30, t0);
    assert.equal(remainingMs(c, at(60)), 29 * 60_000);
    c = pauseCountdown(c, at(60));
    c = JSON.parse(JSON.stringify(c)); // a window reload
    assert.equal(remainingMs(c, at(600)), 29 * 60_000);
    c = resumeCountdown(c, at(600));
    assert.equal(remainingMs(c, at(660)), 28 * 60_000);
    assert.equal(remainingMs(c, at(99_999)), 0);
  });

  it('formats the time left', () => {
    assert.equal(formatRemaining(29 * 60_000 + 5_000), '29:05');
    assert.equal(formatRemaining(400), '0:01');
    assert.equal(formatRemaining(0), '0:00');
    assert.equal(formatRemaining(3_723_000), '1:02:03');
  });
});

describe('mock interview: the score', () => {
  it('a pass is 100 less each hint; a partial pass counts its share of tests up to 60; nothing run is 0', () => {
    assert.equal(codingScore({ id: 'a', passed: true, checks: 2, hints: 0, seconds: 60 }), 100);
    assert.equal(codingScore({ id: 'a', passed: true, checks: 2, hints: 2, seconds: 60 }), 100 - 2 * HINT_COST);
    assert.equal(codingScore({ id: 'a', passed: false, best: { passed: 5, total: 10 }, checks: 3, hints: 0, seconds: 60 }), 30);
    assert.equal(codingScore({ id: 'a', passed: false, checks: 0, hints: 9, seconds: 60 }), 0);
  });

  it('overall is a third recall and two thirds coding; failed drills and a weak spoken answer come back', () => {
    const s = scoreInterview({ id: 'talk', ticked: 2, total: 4, seconds: 150 }, [
      { id: 'ok', passed: true, checks: 1, hints: 0, seconds: 600 },
      { id: 'bad', passed: false, best: { passed: 0, total: 6 }, checks: 4, hints: 1, seconds: 900 },
    ]);
    assert.equal(s.recall, 50);
    assert.deepEqual(s.coding, [100, 0]);
    assert.equal(s.overall, Math.round(50 / 3 + (2 * 50) / 3));
    assert.deepEqual(s.reviewNext, ['bad', 'talk']);
  });
});
