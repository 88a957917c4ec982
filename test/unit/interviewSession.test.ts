import * as assert from 'node:assert/strict';
import { HINT_COST, type InterviewPlan, pauseCountdown, remainingMs } from '../../src/core/interview';
import type { Drill } from '../../src/core/model';
import {
  weaknessByTopic, countdownText, endSpoken, finishSession, historyMarkdown, readHistory, readSession, recordInterviewCheck, recordInterviewHint,
  startSession, submitChecklist,
} from '../../src/core/interviewSession';

const plan: InterviewPlan = {
  lengthMinutes: 30,
  spoken: { id: 'talk-drill', title: 'Talk about it', topic: 'regex', minutes: 3, why: '' },
  coding: [{ id: 'code-drill', title: 'Code it', topic: 'subprocess', minutes: 20, why: 'weak topic' }],
  plannedMinutes: 23,
};
const t0 = new Date('2026-03-02T09:00:00.000Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe('a mock interview session', () => {
  it('runs spoken (3-minute timer), checklist, coding (the rest of the length), and scores the record', () => {
    let s = startSession(plan, ['one', 'two', 'three', 'four'], t0);
    assert.equal(s.phase, 'spoken');
    assert.equal(remainingMs(s.countdown, t0), 3 * 60_000);
    // Checks and hints outside the coding phase do not count.
    assert.equal(recordInterviewHint(s, 'code-drill'), s);
    s = endSpoken(s, at(150));
    assert.equal(s.phase, 'checklist');
    s = submitChecklist(s, [0, 2, 2, 9, -1], at(170));
    assert.equal(s.phase, 'coding');
    assert.deepEqual(s.ticked, [0, 2], 'duplicates and indexes outside the list are dropped');
    assert.equal(remainingMs(s.countdown, at(170)), 27 * 60_000);
    s = recordInterviewCheck(s, 'code-drill', { passed: false, testsPassed: 2, total: 5 }, at(400));
    s = recordInterviewHint(s, 'code-drill');
    s = recordInterviewCheck(s, 'code-drill', { passed: true, testsPassed: 5, total: 5 }, at(770));
    s = recordInterviewCheck(s, 'other-drill', { passed: true, testsPassed: 1, total: 1 }, at(780));
    const r = finishSession(s, 'finished', at(900));
    assert.deepEqual(r.spoken, { id: 'talk-drill', title: 'Talk about it', ticked: 2, total: 4, seconds: 150 });
    assert.deepEqual(r.coding, [{ id: 'code-drill', title: 'Code it', passed: true, best: { passed: 5, total: 5 }, checks: 2, hints: 1, seconds: 600 }]);
    assert.equal(r.score.recall, 50);
    assert.deepEqual(r.score.coding, [100 - HINT_COST]);
    assert.deepEqual(r.score.reviewNext, ['talk-drill']);
    const md = historyMarkdown([r]);
    assert.match(md, /30 minutes, overall \d+\/100 \(finished\)/);
    assert.match(md, /\| Code it \| 10:00 \| 2 \| 1 \| yes \| 85 \|/);
    assert.match(md, /Review next: talk-drill/);
  });

  it('says how long is left, paused or not', () => {
    const s = submitChecklist(endSpoken(startSession(plan, ['a'], t0), t0), [], t0);
    assert.equal(countdownText(s.countdown, at(65)), '25:55 left');
    assert.equal(countdownText(pauseCountdown(s.countdown, at(65)), at(500)), 'paused, 25:55 left');
    assert.equal(countdownText(s.countdown, at(27 * 60)), 'time is up');
  });

  it('reads back a stored session and history as plain data, and refuses broken ones', () => {
    const s = startSession(plan, ['a'], t0);
    assert.deepEqual(readSession(JSON.parse(JSON.stringify(s))).session, s);
    assert.match(readSession(42).problem!, /number/);
    assert.match(readSession({ startedAt: 'x' }).problem!, /incomplete/);
    const r = finishSession(s, 'stopped', t0);
    assert.deepEqual(readHistory([r, { nope: 1 }]), { records: [r], dropped: 1 });
  });
});

describe('weaknessByTopic (the interview\'s weighting)', () => {
  const drill = (id: string, topic: string): Drill => ({
    id, tier: 'beginner', topic, order: 1, title: id, prompt: '', answer: '', hints: [], stub: '', solution: '', tests: '', mistakes: [],
    source: { file: `${id}.yaml`, lines: {} },
  } as unknown as Drill);
  it('takes the rating where there is one, else the share of drills unsolved once tried, else nothing', () => {
    const drills = [drill('a-drill', 'regex'), drill('b-drill', 'subprocess'), drill('c-drill', 'subprocess'), drill('d-drill', 'file-io')];
    const at = '2026-03-02T09:00:00.000Z';
    const passedScore = { attempts: 1, hintsUsed: 0, answerRevealed: false, firstPassedAt: at, history: [{ at, passed: 1, total: 1, durationMs: 1, verdict: 'passed' }], best: { passed: 1, total: 1 }, last: { at, passed: 1, total: 1, durationMs: 1, verdict: 'passed' } };
    const w = weaknessByTopic(drills, { 'b-drill': passedScore }, { regex: 1 });
    assert.equal(w.regex, 1);
    assert.equal(w.subprocess, 0.5);
    assert.equal(w['file-io'], undefined);
    assert.equal(weaknessByTopic(drills, {}, { regex: 5 }).regex, 0);
  });

  it('counts a drill solved in Python as solved', () => {
    const drills = [drill('b-drill', 'subprocess'), drill('c-drill', 'subprocess')];
    const at = '2026-03-02T09:00:00.000Z';
    const passedScore = { attempts: 1, hintsUsed: 0, answerRevealed: false, firstPassedAt: at, history: [{ at, passed: 1, total: 1, durationMs: 1, verdict: 'passed' }], best: { passed: 1, total: 1 }, last: { at, passed: 1, total: 1, durationMs: 1, verdict: 'passed' } };
    assert.equal(weaknessByTopic(drills, {}, {}, { 'b-drill': passedScore }).subprocess, 0.5);
    assert.equal(weaknessByTopic(drills, { 'c-drill': passedScore }, {}, { 'b-drill': passedScore }).subprocess, 0);
  });
});
