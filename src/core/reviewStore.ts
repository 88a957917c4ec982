// The spaced-review schedule, stored: one versioned value under its key (in VS Code, the global state, synced with
// Settings Sync), fed by every recorded check. The rules are in review.ts; this file only keeps their result.
import { dueReviews, type DueReview, mergeReviewEntry, recordCheck, readSchedule, type ReviewEntry, type ReviewSchedule } from './review';
import { describeType, isPlainObject, lookup, type MementoLike, newerVersionOf, VersionedStore } from './store';

export const REVIEWS_KEY = 'interviewDrills.reviews';
export const REVIEWS_VERSION = 1;

export interface StoredReviewsV1 {
  version: 1;
  reviews: Record<string, ReviewEntry>;
}

export function readStoredReviews(raw: unknown) {
  type R = { value: Record<string, ReviewEntry>; rewrite: boolean; newerVersion?: number; setAside?: { whole: boolean; value: unknown; reasons: string[] } };
  if (raw === undefined) return { value: {}, rewrite: false } as R;
  const whole = (reason: string): R => ({ value: {}, rewrite: true, setAside: { whole: true, value: raw, reasons: [reason] } });
  if (!isPlainObject(raw)) return whole(`the value is ${describeType(raw)}`);
  const newer = newerVersionOf(raw, REVIEWS_VERSION);
  if (newer !== undefined) return { value: {}, rewrite: false, newerVersion: newer } as R;
  if (raw.version !== REVIEWS_VERSION) return whole(`unknown schema version ${JSON.stringify(raw.version)}`);
  const read = readSchedule(raw.reviews);
  if (read.problems.length === 0) return { value: read.schedule, rewrite: false } as R;
  if (!isPlainObject(raw.reviews)) return whole(read.problems[0]!);
  const bad = Object.fromEntries(Object.entries(raw.reviews).filter(([id]) => !Object.hasOwn(read.schedule, id)));
  return { value: read.schedule, rewrite: true, setAside: { whole: false, value: bad, reasons: read.problems } } as R;
}

export class ReviewStore extends VersionedStore<Record<string, ReviewEntry>, string> {
  constructor(memento: MementoLike, opts: { now?: () => Date; maxBackups?: number } = {}) {
    super({
      memento,
      key: REVIEWS_KEY,
      version: REVIEWS_VERSION,
      label: 'Review schedule',
      what: 'review schedule entries',
      entries: (n) => (n === 1 ? '1 review entry' : `${n} review entries`),
      read: (raw) => readStoredReviews(raw),
      stored: (reviews): StoredReviewsV1 => ({ version: REVIEWS_VERSION, reviews }),
      now: opts.now,
      maxBackups: opts.maxBackups,
    });
  }

  get(id: string): ReviewEntry | undefined {
    return lookup(this.current, id);
  }

  all(): ReviewSchedule {
    return this.current;
  }

  /** The drills due now (by the store's clock), longest overdue first. */
  due(): DueReview[] {
    return dueReviews(this.current, this.now());
  }

  /** One finished check of a drill: schedules, moves on or starts over its review (see recordCheck). */
  record(id: string, passed: boolean): Promise<ReviewEntry | undefined> {
    const now = this.now();
    return this.change(id, (stored) => {
      const before = lookup(stored, id);
      const after = recordCheck(before, passed, now);
      return after === before || after === undefined ? undefined : { ...stored, [id]: after };
    }).then((v) => lookup(v, id));
  }

  /** An imported schedule: per drill, the entry checked most recently wins (importing twice changes nothing). */
  mergeIn(incoming: Readonly<Record<string, ReviewEntry>>): Promise<void> {
    return this.change(undefined, (stored) => {
      const next: Record<string, ReviewEntry> = { ...stored };
      for (const [id, e] of Object.entries(incoming)) Object.assign(next, { [id]: mergeReviewEntry(lookup(stored, id), e) });
      return JSON.stringify(next) === JSON.stringify(stored) ? undefined : next;
    }).then(() => undefined);
  }

  resetAll(): Promise<void> {
    return this.change(undefined, () => ({})).then(() => undefined);
  }
}
