// Self-assessment ratings: the user's own 1-5 confidence per checklist topic, kept beside the scores in the same
// Memento-shaped store, versioned and validated on load like them.
import { Emitter, type Event } from './events';
import {
  deepFreeze, describeSetAside, describeType, errorText, GuardedWriter, isPlainObject, type MementoLike, plain,
  type SetAside, WriteQueue,
} from './scores';
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
}

/** Reads what is stored under RATINGS_KEY; unknown topics and values outside 1-5 are set aside one by one. */
export function readStoredRatings(raw: unknown): ReadRatings {
  if (raw === undefined) return { ratings: {}, rewrite: false };
  const whole = (reason: string): ReadRatings => ({ ratings: {}, rewrite: true, setAside: { whole: true, value: raw, reasons: [reason] } });
  if (!isPlainObject(raw)) return whole(`the value is ${describeType(raw)}`);
  if (raw.version !== RATINGS_VERSION) {
    return typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > RATINGS_VERSION
      ? whole(`schema version ${raw.version} is newer than this extension reads (${RATINGS_VERSION})`)
      : whole(`unknown schema version ${JSON.stringify(raw.version)}`);
  }
  if (!isPlainObject(raw.ratings)) return whole(`version 1 without a "ratings" map (found ${describeType(raw.ratings)})`);
  const ratings: Ratings = {};
  const bad: Record<string, unknown> = {};
  const reasons: string[] = [];
  for (const [topic, value] of Object.entries(raw.ratings)) {
    if (!isTopicId(topic)) {
      bad[topic] = value;
      reasons.push(`${JSON.stringify(topic.slice(0, 60))} is not a checklist topic`);
    } else if (!isRating(value)) {
      bad[topic] = value;
      reasons.push(`${topic}: ${describeType(value)} is not a rating from 1 to 5`);
    } else {
      ratings[topic] = value;
    }
  }
  if (reasons.length === 0) return { ratings, rewrite: false };
  return { ratings, rewrite: true, setAside: { whole: false, value: bad, reasons } };
}

export class RatingStore {
  private ratings: Readonly<Ratings>;
  private readonly queue = new WriteQueue();
  private readonly writer: GuardedWriter;
  private readonly changed = new Emitter<TopicId | undefined>();
  private readonly problemList: string[] = [];
  /** Fires after a change is written: the topic, or undefined when every rating changed (reset). */
  readonly onDidChange: Event<TopicId | undefined> = this.changed.event;
  /** Settles once the load-time writes (backup of unreadable data) are done. Never rejects. */
  readonly ready: Promise<void>;

  constructor(memento: MementoLike, opts: { now?: () => Date } = {}) {
    const read = readStoredRatings(memento.get<unknown>(RATINGS_KEY));
    this.ratings = deepFreeze(read.ratings);
    this.writer = new GuardedWriter(memento, RATINGS_KEY);
    if (read.setAside) {
      const backup = this.writer.setAside(read.setAside, (opts.now ?? (() => new Date()))());
      this.problemList.push(`Ratings: ${describeSetAside(read.setAside, backup, 'ratings', (n) => (n === 1 ? '1 topic rating' : `${n} topic ratings`))}`);
    }
    this.ready = read.rewrite
      ? this.queue
          .run(() => this.writer.write(stored(read.ratings)))
          .catch((e: unknown) => void this.problemList.push(`Ratings: writing the backup and cleaned ratings failed (${errorText(e)}); retried with the next change.`))
      : Promise.resolve();
  }

  get problems(): readonly string[] {
    return [...this.problemList];
  }

  get(topic: TopicId): Rating | undefined {
    return this.ratings[topic];
  }

  all(): Readonly<Ratings> {
    return this.ratings;
  }

  /** Rejects (writing nothing) for an unknown topic or a rating outside 1-5. */
  set(topic: TopicId, rating: Rating): Promise<void> {
    if (!isTopicId(topic)) return Promise.reject(new TypeError(`setRating: ${JSON.stringify(topic)} is not a checklist topic`));
    if (!isRating(rating)) return Promise.reject(new RangeError(`setRating: ${JSON.stringify(rating)} is not a rating from 1 to 5`));
    return this.queue.run(() => this.commit({ ...this.ratings, [topic]: rating }, topic));
  }

  clear(topic: TopicId): Promise<void> {
    if (!isTopicId(topic)) return Promise.reject(new TypeError(`clearRating: ${JSON.stringify(topic)} is not a checklist topic`));
    return this.queue.run(async () => {
      if (this.ratings[topic] === undefined) return;
      const next = { ...this.ratings };
      delete next[topic];
      await this.commit(next, topic);
    });
  }

  resetAll(): Promise<void> {
    return this.queue.run(() => this.commit({}, undefined));
  }

  /** Resolves once every write queued so far has landed. */
  flushed(): Promise<void> {
    return this.queue.idle();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async commit(next: Ratings, changed: TopicId | undefined): Promise<void> {
    await this.writer.write(stored(next));
    this.ratings = deepFreeze(plain(next));
    this.changed.fire(changed);
  }
}

function stored(ratings: Ratings): StoredRatingsV1 {
  return { version: RATINGS_VERSION, ratings };
}
