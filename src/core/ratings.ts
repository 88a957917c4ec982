// Self-assessment ratings: the user's own 1-5 confidence per checklist topic, kept beside the scores in the same
// Memento-shaped store, versioned and validated on load like them.
import { describeType, isPlainObject, lookup, type MementoLike, newerVersionOf, type SetAside, VersionedStore } from './store';
import { isTopicId, type TopicId } from './topics';

export type Rating = 1 | 2 | 3 | 4 | 5;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

export function isRating(v: unknown): v is Rating {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
}

export const RATINGS_KEY = 'interviewDrills.ratings';
export const RATINGS_VERSION = 1;

export type Ratings = Partial<Record<TopicId, Rating>>;

export interface StoredRatingsV1 {
  version: 1;
  ratings: Ratings;
}

export interface ReadRatings {
  ratings: Ratings;
  setAside?: SetAside;
  rewrite: boolean;
  /** A newer version of the extension wrote the value: nothing is read from it, and it must not be rewritten. */
  newerVersion?: number;
}

/** Reads what is stored under RATINGS_KEY; unknown topics and values outside 1-5 are set aside one by one. */
export function readStoredRatings(raw: unknown): ReadRatings {
  if (raw === undefined) return { ratings: {}, rewrite: false };
  const whole = (reason: string): ReadRatings => ({ ratings: {}, rewrite: true, setAside: { whole: true, value: raw, reasons: [reason] } });
  if (!isPlainObject(raw)) return whole(`the value is ${describeType(raw)}`);
  const newer = newerVersionOf(raw, RATINGS_VERSION);
  if (newer !== undefined) return { ratings: {}, rewrite: false, newerVersion: newer };
  if (raw.version !== RATINGS_VERSION) return whole(`unknown schema version ${JSON.stringify(raw.version)}`);
  if (!isPlainObject(raw.ratings)) return whole(`version 1 without a "ratings" map (found ${describeType(raw.ratings)})`);
  // Built with Object.fromEntries, so a key such as "__proto__" stays an ordinary key (set aside, not swallowed).
  const good: [TopicId, Rating][] = [];
  const bad: [string, unknown][] = [];
  const reasons: string[] = [];
  for (const [topic, value] of Object.entries(raw.ratings)) {
    if (!isTopicId(topic)) {
      bad.push([topic, value]);
      reasons.push(`${JSON.stringify(topic.slice(0, 60))} is not a checklist topic`);
    } else if (!isRating(value)) {
      bad.push([topic, value]);
      reasons.push(`${topic}: ${describeType(value)} is not a rating from 1 to 5`);
    } else {
      good.push([topic, value]);
    }
  }
  const ratings = Object.fromEntries(good) as Ratings;
  if (reasons.length === 0) return { ratings, rewrite: false };
  return { ratings, rewrite: true, setAside: { whole: false, value: Object.fromEntries(bad), reasons } };
}

export class RatingStore extends VersionedStore<Ratings, TopicId> {
  constructor(memento: MementoLike, opts: { now?: () => Date; maxBackups?: number } = {}) {
    super({
      memento,
      key: RATINGS_KEY,
      version: RATINGS_VERSION,
      label: 'Ratings',
      what: 'ratings',
      entries: (n) => (n === 1 ? '1 topic rating' : `${n} topic ratings`),
      read: (raw) => {
        const r = readStoredRatings(raw);
        return { value: r.ratings, setAside: r.setAside, rewrite: r.rewrite, newerVersion: r.newerVersion };
      },
      stored: (ratings): StoredRatingsV1 => ({ version: RATINGS_VERSION, ratings }),
      now: opts.now,
      maxBackups: opts.maxBackups,
    });
  }

  get(topic: TopicId): Rating | undefined {
    return lookup(this.current, topic);
  }

  all(): Readonly<Ratings> {
    return this.current;
  }

  /** Rejects (writing nothing) for an unknown topic or a rating outside 1-5. */
  set(topic: TopicId, rating: Rating): Promise<void> {
    if (!isTopicId(topic)) return Promise.reject(new TypeError(`setRating: ${JSON.stringify(topic)} is not a checklist topic`));
    if (!isRating(rating)) return Promise.reject(new RangeError(`setRating: ${JSON.stringify(rating)} is not a rating from 1 to 5`));
    return this.change(topic, (stored) => (lookup(stored, topic) === rating ? undefined : { ...stored, [topic]: rating })).then(() => undefined);
  }

  clear(topic: TopicId): Promise<void> {
    if (!isTopicId(topic)) return Promise.reject(new TypeError(`clearRating: ${JSON.stringify(topic)} is not a checklist topic`));
    return this.change(topic, (stored) => {
      if (lookup(stored, topic) === undefined) return undefined;
      return Object.fromEntries(Object.entries(stored).filter(([k]) => k !== topic)) as Ratings;
    }).then(() => undefined);
  }

  resetAll(): Promise<void> {
    return this.change(undefined, () => ({})).then(() => undefined);
  }

  /** Imported ratings: each topic rated in `incoming` takes that rating (the file is the user's newer opinion). */
  mergeIn(incoming: Ratings): Promise<void> {
    return this.change(undefined, (stored) => {
      const next = { ...stored, ...incoming };
      return JSON.stringify(next) === JSON.stringify(stored) ? undefined : next;
    }).then(() => undefined);
  }
}

/**
 * Ratings moved from the workspace state to the global state (synced with Settings Sync): copies the workspace's
 * ratings into the global ones, where a topic rated in both keeps its global rating (it may come from another machine
 * or workspace, and running this twice changes nothing), then removes the workspace's copy. A workspace value that
 * cannot be read whole (unknown topics, a newer schema) is left where it is, so nothing is lost; its good ratings still
 * move. Resolves to the number of topics copied.
 */
export async function moveRatings(from: MementoLike, to: MementoLike): Promise<number> {
  const raw = from.get<unknown>(RATINGS_KEY);
  if (raw === undefined) return 0;
  const mine = readStoredRatings(raw);
  const theirs = readStoredRatings(to.get<unknown>(RATINGS_KEY));
  if (mine.newerVersion !== undefined || theirs.newerVersion !== undefined || theirs.setAside) return 0;
  const added = Object.keys(mine.ratings).filter((t) => !Object.hasOwn(theirs.ratings, t));
  if (added.length > 0) {
    const ratings = { ...mine.ratings, ...theirs.ratings };
    await to.update(RATINGS_KEY, { version: RATINGS_VERSION, ratings } satisfies StoredRatingsV1);
  }
  if (!mine.setAside) await from.update(RATINGS_KEY, undefined);
  return added.length;
}
