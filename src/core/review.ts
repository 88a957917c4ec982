// Spaced review, pure: solving a drill schedules it to come back after 1 day, then 3, 7, 14 and 30 days; passing a
// review that is due moves it one step on, failing one starts it over. Next Drill asks for due reviews first, then
// the weakest topic, then the next unsolved drill, and says why. The clock is always passed in (`now`), so every rule
// is testable without waiting.
import { isDrillId } from './model';
import { describeType, isCount, isIsoTime, isPlainObject } from './store';

/** Days from one review to the next, by step. Past the last step the interval stays the last one. */
export const REVIEW_INTERVALS_DAYS: readonly number[] = [1, 3, 7, 14, 30];

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReviewEntry {
  /** Index into REVIEW_INTERVALS_DAYS of the interval that led to dueAt. */
  step: number;
  /** ISO time the drill is due again. */
  dueAt: string;
  /** ISO time of the check that last moved the schedule. */
  lastAt: string;
  /** Reviews passed while due. */
  reviews: number;
  /** Reviews failed while due (each started the schedule over). */
  lapses: number;
}

export type ReviewSchedule = Readonly<Record<string, ReviewEntry>>;

export function addDays(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export function isDue(entry: ReviewEntry, now: Date): boolean {
  return Date.parse(entry.dueAt) <= now.getTime();
}

/**
 * The schedule after one finished check of a drill. A check counts as a review only when the drill is due: practising
 * a drill early neither moves it on nor starts it over (so re-solving it five times in a row does not push it a month
 * away). Before a drill is first solved, failed checks schedule nothing.
 * Returns the same entry object when nothing changes.
 */
export function recordCheck(entry: ReviewEntry | undefined, passed: boolean, now: Date): ReviewEntry | undefined {
  const at = now.toISOString();
  if (entry === undefined) {
    if (!passed) return undefined;
    return { step: 0, dueAt: addDays(now, REVIEW_INTERVALS_DAYS[0]).toISOString(), lastAt: at, reviews: 0, lapses: 0 };
  }
  if (!isDue(entry, now)) return entry;
  if (passed) {
    const step = Math.min(entry.step + 1, REVIEW_INTERVALS_DAYS.length - 1);
    return { step, dueAt: addDays(now, REVIEW_INTERVALS_DAYS[step]).toISOString(), lastAt: at, reviews: entry.reviews + 1, lapses: entry.lapses };
  }
  return { step: 0, dueAt: addDays(now, REVIEW_INTERVALS_DAYS[0]).toISOString(), lastAt: at, reviews: entry.reviews, lapses: entry.lapses + 1 };
}

/** Two schedules of one drill (another machine's, an imported file's): the one checked most recently wins. */
export function mergeReviewEntry(mine: ReviewEntry | undefined, theirs: ReviewEntry): ReviewEntry {
  return !mine || Date.parse(theirs.lastAt) > Date.parse(mine.lastAt) ? theirs : mine;
}

export interface DueReview {
  id: string;
  dueAt: string;
}

/** The drills due at `now`, longest overdue first (ties by id, so the order is stable). */
export function dueReviews(schedule: ReviewSchedule, now: Date): DueReview[] {
  return Object.entries(schedule)
    .filter(([, e]) => isDue(e, now))
    .map(([id, e]) => ({ id, dueAt: e.dueAt }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** "due today", "due since yesterday", "due since Tuesday" (within a week), else "due since 3 Nov". Local time. */
export function describeDue(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  const days = Math.round((startOfDay(now) - startOfDay(due)) / DAY_MS);
  if (days <= 0) return 'due today';
  if (days === 1) return 'due since yesterday';
  if (days < 7) return `due since ${WEEKDAYS[due.getDay()]}`;
  return `due since ${due.getDate()} ${MONTHS[due.getMonth()]}`;
}

export interface NextCandidate {
  id: string;
  topic: string;
}

export interface NextInput {
  /** Every drill, in tree order. */
  drills: readonly NextCandidate[];
  /** Ids of drills solved at least once. */
  solved: ReadonlySet<string>;
  schedule: ReviewSchedule;
  /** The weakest topic by rating and measured results, if there is one (see assessment.ts). */
  weakestTopic?: { id: string; label: string };
  /** The drill open now: never picked as "next", unless it is the only choice. */
  current?: string;
  now: Date;
}

export interface NextChoice {
  id: string;
  kind: 'due' | 'weak-topic' | 'unsolved' | 'oldest';
  /** Why this drill, in a few words: "due since Tuesday", "weakest topic: Running commands", "next unsolved drill". */
  reason: string;
}

/**
 * Next Drill: a due review first (longest overdue); then the first unsolved drill of the weakest topic; then the first
 * unsolved drill in tree order; when everything is solved and nothing is due, the review due soonest. The drill open
 * now is skipped while there is anything else.
 */
export function pickNextDrill(input: NextInput): NextChoice | undefined {
  const known = new Set(input.drills.map((d) => d.id));
  const usable = (id: string) => known.has(id) && id !== input.current;
  const due = dueReviews(input.schedule, input.now).find((d) => usable(d.id));
  if (due) return { id: due.id, kind: 'due', reason: describeDue(due.dueAt, input.now) };
  if (input.weakestTopic) {
    const weak = input.drills.find((d) => d.topic === input.weakestTopic!.id && !input.solved.has(d.id) && usable(d.id));
    if (weak) return { id: weak.id, kind: 'weak-topic', reason: `weakest topic: ${input.weakestTopic.label}` };
  }
  const unsolved = input.drills.find((d) => !input.solved.has(d.id) && usable(d.id));
  if (unsolved) return { id: unsolved.id, kind: 'unsolved', reason: 'next unsolved drill' };
  const soonest = Object.entries(input.schedule)
    .filter(([id]) => usable(id))
    .sort((a, b) => Date.parse(a[1].dueAt) - Date.parse(b[1].dueAt))[0];
  if (soonest) return { id: soonest[0], kind: 'oldest', reason: `everything solved; next review ${soonest[1].dueAt.slice(0, 10)}` };
  const any = input.drills.find((d) => d.id !== input.current) ?? input.drills[0];
  return any ? { id: any.id, kind: 'oldest', reason: 'everything solved' } : undefined;
}

/** Reads a stored schedule defensively: entries that do not hold up are dropped and named in `problems`. */
export function readSchedule(value: unknown): { schedule: Record<string, ReviewEntry>; problems: string[] } {
  const schedule: Record<string, ReviewEntry> = {};
  const problems: string[] = [];
  if (value === undefined) return { schedule, problems };
  if (!isPlainObject(value)) return { schedule, problems: [`the review schedule is ${describeType(value)}, not an object`] };
  for (const [key, e] of Object.entries(value)) {
    const id: string = key;
    if (!isDrillId(key)) {
      problems.push(`"${id.slice(0, 80)}" is not a drill id`);
      continue;
    }
    const bad = readEntryProblem(e);
    if (bad) problems.push(`${id}: ${bad}`);
    else schedule[id] = { ...(e as ReviewEntry) };
  }
  return { schedule, problems };
}

function readEntryProblem(e: unknown): string | undefined {
  if (!isPlainObject(e)) return `is ${describeType(e)}, not a review entry`;
  if (!isCount(e.step) || e.step >= REVIEW_INTERVALS_DAYS.length) return `step must be a whole number from 0 to ${REVIEW_INTERVALS_DAYS.length - 1}`;
  if (!isIsoTime(e.dueAt)) return 'dueAt is not an ISO time';
  if (!isIsoTime(e.lastAt)) return 'lastAt is not an ISO time';
  if (!isCount(e.reviews)) return 'reviews is not a count';
  if (!isCount(e.lapses)) return 'lapses is not a count';
  const extra = Object.keys(e).find((k) => !['step', 'dueAt', 'lastAt', 'reviews', 'lapses'].includes(k));
  if (extra !== undefined) return `unknown field "${extra.slice(0, 40)}"`;
  return undefined;
}
