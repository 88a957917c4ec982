// Mock interviews, pure: which drills a session asks (one spoken, conceptual question plus one or two coding drills,
// weighted to weak topics and due reviews), the countdown that survives a reload, and the score at the end. The
// random source and the clock are passed in, so every rule is testable.
import type { Tier } from './model';

/** Minutes of the spoken phase: the interviewer's question, answered out loud, then the key points ticked. */
export const SPOKEN_MINUTES = 3;
/** What a hint costs in a mock interview, in points of that drill's 100. */
export const HINT_COST = 15;
export const INTERVIEW_LENGTHS = [30, 45] as const;

export interface InterviewCandidate {
  id: string;
  title: string;
  tier: Tier;
  topic: string;
  minutes?: number;
  keyPoints?: readonly string[];
}

export interface PlanInput {
  lengthMinutes: number;
  tiers: readonly Tier[];
  drills: readonly InterviewCandidate[];
  /** Per topic, 0 (strong) to 1 (weak): from the self-rating and the measured results. Missing topics count 0.5. */
  weakness: Readonly<Record<string, number>>;
  /** Drills due for review. */
  due: ReadonlySet<string>;
  /** Returns a number in [0, 1), like Math.random. */
  random: () => number;
}

export interface PlannedDrill {
  id: string;
  title: string;
  topic: string;
  minutes: number;
  /** Why it was picked: "due for review", "weak topic", or "" for a plain draw. */
  why: string;
}

export interface InterviewPlan {
  lengthMinutes: number;
  /** Answered out loud; graded against its key points. */
  spoken: PlannedDrill;
  /** One or two, solved in the scratch file under the countdown. */
  coding: PlannedDrill[];
  /** Minutes the plan's drills are estimated to take (spoken phase included); at most lengthMinutes. */
  plannedMinutes: number;
}

export class PlanError extends Error {}

function weightOf(d: InterviewCandidate, input: PlanInput): number {
  const weak = input.weakness[d.topic] ?? 0.5;
  return 1 + 2 * Math.max(0, Math.min(1, weak)) + (input.due.has(d.id) ? 2 : 0);
}

function whyOf(d: InterviewCandidate, input: PlanInput): string {
  if (input.due.has(d.id)) return 'due for review';
  return (input.weakness[d.topic] ?? 0.5) > 0.5 ? 'weak topic' : '';
}

function draw<T extends InterviewCandidate>(pool: readonly T[], input: PlanInput): T | undefined {
  if (pool.length === 0) return undefined;
  const weights = pool.map((d) => weightOf(d, input));
  const total = weights.reduce((a, b) => a + b, 0);
  let r = Math.min(Math.max(input.random(), 0), 0.999999999) * total;
  for (let i = 0; i < pool.length; i++) {
    r -= weights[i];
    if (r < 0) return pool[i];
  }
  return pool[pool.length - 1];
}

function planned(d: InterviewCandidate, minutes: number, input: PlanInput): PlannedDrill {
  return { id: d.id, title: d.title, topic: d.topic, minutes, why: whyOf(d, input) };
}

/**
 * A plan for one mock interview: the spoken question from any chosen tier's drill with key points; then coding drills
 * (with a `minutes` estimate) drawn one by one, weighted to weak topics and due reviews, while they fit the time
 * left; at least one, at most two, never the spoken drill again, preferring a different topic for the second.
 */
export function planInterview(input: PlanInput): InterviewPlan {
  if (!Number.isInteger(input.lengthMinutes) || input.lengthMinutes < SPOKEN_MINUTES + 5) {
    throw new PlanError(`An interview needs at least ${SPOKEN_MINUTES + 5} minutes, got ${input.lengthMinutes}`);
  }
  if (input.tiers.length === 0) throw new PlanError('Choose at least one tier');
  const inTiers = input.drills.filter((d) => input.tiers.includes(d.tier));
  const spokenPool = inTiers.filter((d) => (d.keyPoints?.length ?? 0) > 0);
  const spoken = draw(spokenPool, input);
  if (!spoken) throw new PlanError('No drill in the chosen tiers has key points for the spoken question');
  let left = input.lengthMinutes - SPOKEN_MINUTES;
  const coding: PlannedDrill[] = [];
  let pool = inTiers.filter((d) => d.id !== spoken.id && d.minutes !== undefined && d.minutes <= left);
  const first = draw(pool, input);
  if (!first) throw new PlanError(`No coding drill in the chosen tiers fits in ${left} minutes`);
  coding.push(planned(first, first.minutes!, input));
  left -= first.minutes!;
  pool = pool.filter((d) => d.id !== first.id && d.minutes! <= left);
  const otherTopic = pool.filter((d) => d.topic !== first.topic);
  const second = draw(otherTopic.length > 0 ? otherTopic : pool, input);
  if (second) {
    coding.push(planned(second, second.minutes!, input));
    left -= second.minutes!;
  }
  return {
    lengthMinutes: input.lengthMinutes,
    spoken: planned(spoken, SPOKEN_MINUTES, input),
    coding,
    plannedMinutes: input.lengthMinutes - left,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The countdown: stored as plain data, so it survives a window reload; paused time does not count.

export type Countdown =
  | { state: 'running'; endsAt: string }
  | { state: 'paused'; remainingMs: number };

export function startCountdown(minutes: number, now: Date): Countdown {
  return { state: 'running', endsAt: new Date(now.getTime() + minutes * 60_000).toISOString() };
}

export function remainingMs(c: Countdown, now: Date): number {
  return c.state === 'paused' ? c.remainingMs : Math.max(0, Date.parse(c.endsAt) - now.getTime());
}

export function pauseCountdown(c: Countdown, now: Date): Countdown {
  return c.state === 'paused' ? c : { state: 'paused', remainingMs: remainingMs(c, now) };
}

export function resumeCountdown(c: Countdown, now: Date): Countdown {
  return c.state === 'running' ? c : { state: 'running', endsAt: new Date(now.getTime() + c.remainingMs).toISOString() };
}

/** "12:05" (minutes:seconds), "1:02:03" past an hour; rounded up, so 0:00 shows only when time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The report.

export interface SpokenResult {
  id: string;
  /** Key points the user ticked as covered, out of total. */
  ticked: number;
  total: number;
  seconds: number;
}

export interface CodingResult {
  id: string;
  /** Every test passed at the end. */
  passed: boolean;
  /** Tests passed / run in the best check, if any check ran. */
  best?: { passed: number; total: number };
  checks: number;
  hints: number;
  seconds: number;
}

export interface InterviewScore {
  /** 0-100: the share of key points ticked. */
  recall: number;
  /** 0-100 per coding drill: 100 when passed (a partial result counts its share of tests, at most 60), less each hint's cost. */
  coding: number[];
  /** 0-100: a third recall, two thirds the mean coding score. */
  overall: number;
  /** Ids to review next, in the order they should come back: failed coding drills, then a weak spoken answer. */
  reviewNext: string[];
}

export function codingScore(r: CodingResult): number {
  const base = r.passed ? 100 : r.best && r.best.total > 0 ? Math.round((60 * r.best.passed) / r.best.total) : 0;
  return Math.max(0, base - HINT_COST * r.hints);
}

export function scoreInterview(spoken: SpokenResult, coding: readonly CodingResult[]): InterviewScore {
  const recall = spoken.total > 0 ? Math.round((100 * Math.min(spoken.ticked, spoken.total)) / spoken.total) : 0;
  const scores = coding.map(codingScore);
  const meanCoding = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  const overall = Math.round(recall / 3 + (2 * meanCoding) / 3);
  const reviewNext = coding.filter((c) => !c.passed).map((c) => c.id);
  if (recall < 70) reviewNext.push(spoken.id);
  return { recall, coding: scores, overall, reviewNext };
}
