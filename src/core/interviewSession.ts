// One mock interview as plain data (kept in the workspace state, so it survives a window reload), the steps that move
// it on, the record kept once it ends, and the Markdown of the history. Pure: the clock is always passed in.
import { assess, type Scores } from './assessment';
import {
  type CodingResult, type Countdown, formatRemaining, type InterviewPlan, type InterviewScore, remainingMs,
  scoreInterview, type SpokenResult, SPOKEN_MINUTES, startCountdown,
} from './interview';
import type { Drill } from './model';
import type { Ratings } from './ratings';
import { describeType, isIsoTime, isPlainObject } from './store';

/**
 * Per topic, 0 (strong) to 1 (weak), for the interview's weighting: the self-rating when there is one (1 -> 1, 5 -> 0),
 * else the share of the topic's drills not solved (in either language) once any was tried; topics with neither are left
 * out (0.5 then).
 */
export function weaknessByTopic(drills: readonly Drill[], scores: Scores, ratings: Ratings, python: Scores = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of assess(drills, scores, ratings, { python }).topics) {
    if (t.rating !== undefined) out[t.topic] = (5 - t.rating) / 4;
    else if (t.drills > 0 && t.attempts > 0) out[t.topic] = 1 - t.passed / t.drills;
  }
  return out;
}

export type InterviewPhase = 'spoken' | 'checklist' | 'coding';

export interface CodingProgress {
  id: string;
  checks: number;
  hints: number;
  passed: boolean;
  best?: { passed: number; total: number };
  /** When its first passing check finished; the drill's time runs from the coding phase's start until then. */
  passedAt?: string;
}

export interface InterviewSession {
  startedAt: string;
  plan: InterviewPlan;
  phase: InterviewPhase;
  /** The spoken phase's timer, then the coding phase's. */
  countdown: Countdown;
  /** Key points of the spoken question, as shown in the checklist. */
  keyPoints: string[];
  spokenEndedAt?: string;
  ticked?: number[];
  codingStartedAt?: string;
  coding: CodingProgress[];
}

export interface InterviewRecord {
  startedAt: string;
  finishedAt: string;
  lengthMinutes: number;
  /** "time up", "finished", "stopped" */
  ended: string;
  spoken: SpokenResult & { title: string };
  coding: (CodingResult & { title: string })[];
  score: InterviewScore;
}

export function startSession(plan: InterviewPlan, keyPoints: readonly string[], now: Date): InterviewSession {
  return {
    startedAt: now.toISOString(),
    plan,
    phase: 'spoken',
    countdown: startCountdown(SPOKEN_MINUTES, now),
    keyPoints: [...keyPoints],
    coding: plan.coding.map((d) => ({ id: d.id, checks: 0, hints: 0, passed: false })),
  };
}

/** The spoken answer is over (the user said so, or its timer ran out): the key points come as a checklist. */
export function endSpoken(s: InterviewSession, now: Date): InterviewSession {
  if (s.phase !== 'spoken') return s;
  return { ...s, phase: 'checklist', spokenEndedAt: now.toISOString() };
}

/** The user ticked the key points they covered: the coding phase starts, with the minutes the plan left for it. */
export function submitChecklist(s: InterviewSession, ticked: readonly number[], now: Date): InterviewSession {
  if (s.phase !== 'checklist') return s;
  const valid = [...new Set(ticked)].filter((i) => Number.isInteger(i) && i >= 0 && i < s.keyPoints.length).sort((a, b) => a - b);
  const minutes = Math.max(1, s.plan.lengthMinutes - SPOKEN_MINUTES);
  return { ...s, phase: 'coding', ticked: valid, codingStartedAt: now.toISOString(), countdown: startCountdown(minutes, now) };
}

function updateDrill(s: InterviewSession, id: string, f: (c: CodingProgress) => CodingProgress): InterviewSession {
  if (s.phase !== 'coding' || !s.coding.some((c) => c.id === id)) return s;
  return { ...s, coding: s.coding.map((c) => (c.id === id ? f(c) : c)) };
}

/** A finished check of one of the interview's coding drills, during the coding phase. */
export function recordInterviewCheck(s: InterviewSession, id: string, r: { passed: boolean; testsPassed: number; total: number }, now: Date): InterviewSession {
  return updateDrill(s, id, (c) => {
    const better = !c.best || (r.total > 0 && r.testsPassed / r.total > (c.best.total > 0 ? c.best.passed / c.best.total : -1));
    return {
      ...c,
      checks: c.checks + 1,
      passed: c.passed || r.passed,
      ...(better ? { best: { passed: r.testsPassed, total: r.total } } : {}),
      ...(r.passed && !c.passedAt ? { passedAt: now.toISOString() } : {}),
    };
  });
}

/** A hint taken on one of the interview's coding drills, during the coding phase (it costs points). */
export function recordInterviewHint(s: InterviewSession, id: string): InterviewSession {
  return updateDrill(s, id, (c) => ({ ...c, hints: c.hints + 1 }));
}

function seconds(from: string | undefined, to: string): number {
  return from ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : 0;
}

/** The record of a finished interview, with its score. */
export function finishSession(s: InterviewSession, ended: string, now: Date): InterviewRecord {
  const at = now.toISOString();
  const spoken: SpokenResult & { title: string } = {
    id: s.plan.spoken.id,
    title: s.plan.spoken.title,
    ticked: s.ticked?.length ?? 0,
    total: s.keyPoints.length,
    seconds: seconds(s.startedAt, s.spokenEndedAt ?? at),
  };
  const coding = s.coding.map((c) => ({
    id: c.id,
    title: s.plan.coding.find((d) => d.id === c.id)?.title ?? c.id,
    passed: c.passed,
    ...(c.best ? { best: c.best } : {}),
    checks: c.checks,
    hints: c.hints,
    seconds: seconds(s.codingStartedAt, c.passedAt ?? at),
  }));
  return { startedAt: s.startedAt, finishedAt: at, lengthMinutes: s.plan.lengthMinutes, ended, spoken, coding, score: scoreInterview(spoken, coding) };
}

/** "12:05 left", "paused, 12:05 left", "time is up". */
export function countdownText(c: Countdown, now: Date): string {
  const ms = remainingMs(c, now);
  if (ms <= 0) return 'time is up';
  return `${c.state === 'paused' ? 'paused, ' : ''}${formatRemaining(ms)} left`;
}

/** Reads a stored session; undefined (with the reason) when it does not hold up, so a broken one is dropped, not run. */
export function readSession(v: unknown): { session?: InterviewSession; problem?: string } {
  if (v === undefined) return {};
  if (!isPlainObject(v)) return { problem: `the stored mock interview is ${describeType(v)}` };
  const ok = isIsoTime(v.startedAt) && isPlainObject(v.plan) && ['spoken', 'checklist', 'coding'].includes(v.phase as string)
    && isPlainObject(v.countdown) && Array.isArray(v.keyPoints) && Array.isArray(v.coding)
    && ((v.countdown.state === 'running' && isIsoTime(v.countdown.endsAt)) || (v.countdown.state === 'paused' && typeof v.countdown.remainingMs === 'number'));
  return ok ? { session: v as unknown as InterviewSession } : { problem: 'the stored mock interview is incomplete' };
}

/** Reads the stored history: records that do not hold up are dropped and counted. */
export function readHistory(v: unknown): { records: InterviewRecord[]; dropped: number } {
  if (!Array.isArray(v)) return { records: [], dropped: v === undefined ? 0 : 1 };
  const records = v.filter((r): r is InterviewRecord => isPlainObject(r) && isIsoTime(r.startedAt) && isIsoTime(r.finishedAt)
    && isPlainObject(r.spoken) && Array.isArray(r.coding) && isPlainObject(r.score));
  return { records, dropped: v.length - records.length };
}

function mmss(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The history of mock interviews as Markdown, newest first. */
export function historyMarkdown(records: readonly InterviewRecord[]): string {
  const out = ['# Mock interviews', ''];
  if (records.length === 0) out.push('No mock interview yet.', '');
  for (const r of [...records].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))) {
    out.push(`## ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC: ${r.lengthMinutes} minutes, overall ${r.score.overall}/100 (${r.ended})`, '');
    out.push(`Spoken: **${cell(r.spoken.title)}**: ${r.spoken.ticked} of ${r.spoken.total} key points (recall ${r.score.recall}/100), ${mmss(r.spoken.seconds)}`, '');
    out.push('| Drill | Time | Checks | Hints | Passed | Score |', '| --- | --- | --- | --- | --- | --- |');
    r.coding.forEach((c, i) => out.push(`| ${cell(c.title)} | ${mmss(c.seconds)} | ${c.checks} | ${c.hints} | ${c.passed ? 'yes' : 'no'} | ${r.score.coding[i] ?? 0} |`));
    out.push('', `Review next: ${r.score.reviewNext.length > 0 ? r.score.reviewNext.join(', ') : 'nothing'}`, '');
  }
  return out.join('\n');
}
