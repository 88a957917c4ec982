// The score store: what the user did with each drill (checks, hints, revealed answers), kept in a Memento-shaped
// key/value store (the workspace state in VS Code, a Map in the tests). Stored data is versioned and validated on
// load: old shapes are migrated, anything unreadable is copied to a backup key and reported, never silently dropped.
import { Emitter, type Event } from './events';
import { type DrillStatus, isDrillId } from './model';

/** The part of vscode.Memento the stores use. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** One finished check of a drill. */
export interface Attempt {
  /** ISO time the check finished. */
  at: string;
  passed: number;
  total: number;
  durationMs: number;
  /** The runner's verdict ('passed', 'failed', 'timeout', ...), or the VS Code layer's own (e.g. 'type-errors'). */
  verdict: string;
}

export interface DrillScore {
  /** Best ratio of passed tests seen (ties go to the run with more tests); only checks with at least one test count. */
  best?: { passed: number; total: number };
  last?: Attempt;
  attempts: number;
  hintsUsed: number;
  answerRevealed: boolean;
  /** ISO time of the first solving attempt (verdict 'passed', every test passed, at least one test). */
  firstPassedAt?: string;
  /** Most recent last, capped at the store's history limit. */
  history: Attempt[];
}

export const SCORES_KEY = 'interviewDrills.scores';
export const SCORES_VERSION = 2;
export const DEFAULT_HISTORY_LIMIT = 20;

/** What is written under SCORES_KEY. */
export interface StoredScoresV2 {
  version: 2;
  drills: Record<string, DrillScore>;
}

/**
 * The first schema (0.0.x), still read and migrated: the best counts and the number of checks per drill, with no
 * times, hints or history. Before the envelope existed the same map was stored bare (`{ [id]: ScoreV1 }`).
 */
export interface StoredScoresV1 {
  version: 1;
  scores: Record<string, ScoreV1>;
}
export interface ScoreV1 {
  passed: number;
  total: number;
  attempts: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers shared with the rating store.

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function isIsoTime(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && !Number.isNaN(Date.parse(v));
}

/** Runs async operations one at a time, in call order; a failed operation does not stop the ones after it. */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(op: () => Promise<T>): Promise<T> {
    const result = this.tail.then(op);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}

/** A backup key that is not in use yet: `<key>.unreadable.<ISO time>`, with `.2`, `.3`... appended if needed. */
export function backupKey(memento: MementoLike, key: string, now: Date): string {
  const base = `${key}.unreadable.${now.toISOString()}`;
  let candidate = base;
  for (let n = 2; memento.get(candidate) !== undefined; n++) candidate = `${base}.${n}`;
  return candidate;
}

/** What a load found unreadable, to be copied under a backup key. */
export interface SetAside {
  /** True when the whole stored value is set aside; false when only some entries are. */
  whole: boolean;
  /** The raw value (whole), or the raw unreadable entries by key. */
  value: unknown;
  /** Why, one line per reason. */
  reasons: string[];
}

/** The value written under a backup key. */
export interface BackupRecord {
  from: string;
  at: string;
  reasons: string[];
  whole: boolean;
  value: unknown;
}

/**
 * Writes one store's value under its key, after first writing the backup of what the load set aside: the main key is
 * never overwritten before the data it replaces is safe elsewhere. A failed backup is retried before the next write.
 */
export class GuardedWriter {
  private pendingBackup: { key: string; record: BackupRecord } | undefined;

  constructor(
    private readonly memento: MementoLike,
    private readonly key: string,
  ) {}

  /** Chooses the backup key now and keeps the record until the next write. Returns the backup key. */
  setAside(setAside: SetAside, now: Date): string {
    const key = backupKey(this.memento, this.key, now);
    this.pendingBackup = { key, record: { from: this.key, at: now.toISOString(), reasons: setAside.reasons, whole: setAside.whole, value: setAside.value } };
    return key;
  }

  async write(value: unknown): Promise<void> {
    if (this.pendingBackup) {
      await this.memento.update(this.pendingBackup.key, plain(this.pendingBackup.record));
      this.pendingBackup = undefined;
    }
    await this.memento.update(this.key, plain(value));
  }
}

/** One sentence saying what was set aside and where. */
export function describeSetAside(s: SetAside, backup: string, what: string, entries: (n: number) => string): string {
  const n = s.whole ? 0 : Object.keys(s.value as object).length;
  const shown = s.reasons.slice(0, 3).join('; ');
  const detail = s.reasons.length > 3 ? `${shown}; and ${s.reasons.length - 3} more` : shown;
  return s.whole
    ? `the stored ${what} could not be read (${detail}); they were set aside under "${backup}" and start afresh.`
    : `${entries(n)} could not be read (${detail}) and ${n === 1 ? 'was' : 'were'} set aside under "${backup}"; the others are kept.`;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A JSON copy, so nothing the store keeps shares objects with what the memento keeps. */
export function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading stored data.

export interface ReadScores {
  drills: Record<string, DrillScore>;
  setAside?: SetAside;
  /** The stored value should be rewritten in the current schema (it was migrated or cleaned). */
  rewrite: boolean;
  /** The schema version found: 0 for the bare map, undefined when nothing was stored or it was unreadable. */
  foundVersion?: number;
}

function readAttempt(v: unknown): Attempt | string {
  if (!isPlainObject(v)) return `is ${describeType(v)}, not an attempt`;
  if (!isIsoTime(v.at)) return 'at is not an ISO time';
  if (!isCount(v.passed)) return 'passed is not a count';
  if (!isCount(v.total)) return 'total is not a count';
  if (v.passed > v.total) return 'passed exceeds total';
  if (typeof v.durationMs !== 'number' || !Number.isFinite(v.durationMs) || v.durationMs < 0) return 'durationMs is not a duration';
  if (typeof v.verdict !== 'string' || v.verdict.length === 0) return 'verdict is not a string';
  return { at: v.at, passed: v.passed, total: v.total, durationMs: v.durationMs, verdict: v.verdict };
}

function readBest(v: unknown): { passed: number; total: number } | string {
  if (!isPlainObject(v) || !isCount(v.passed) || !isCount(v.total) || v.passed > v.total) return 'best is not {passed, total} counts';
  return { passed: v.passed, total: v.total };
}

/** Builds a DrillScore with only its defined keys, so equal scores compare equal however they were made. */
function score(s: DrillScore): DrillScore {
  const out: DrillScore = { attempts: s.attempts, hintsUsed: s.hintsUsed, answerRevealed: s.answerRevealed, history: s.history };
  if (s.best) out.best = s.best;
  if (s.last) out.last = s.last;
  if (s.firstPassedAt !== undefined) out.firstPassedAt = s.firstPassedAt;
  return out;
}

/** Validates one v2 entry. Missing hintsUsed / answerRevealed / history take their defaults; wrong types do not. */
export function readDrillScore(v: unknown, historyLimit = DEFAULT_HISTORY_LIMIT): DrillScore | string {
  if (!isPlainObject(v)) return `is ${describeType(v)}`;
  if (!isCount(v.attempts)) return 'attempts is not a count';
  const hintsUsed = v.hintsUsed ?? 0;
  if (!isCount(hintsUsed)) return 'hintsUsed is not a count';
  const answerRevealed = v.answerRevealed ?? false;
  if (typeof answerRevealed !== 'boolean') return 'answerRevealed is not true/false';
  let best: DrillScore['best'];
  if (v.best !== undefined) {
    const b = readBest(v.best);
    if (typeof b === 'string') return b;
    best = b;
  }
  let last: Attempt | undefined;
  if (v.last !== undefined) {
    const a = readAttempt(v.last);
    if (typeof a === 'string') return `last ${a}`;
    last = a;
  }
  if (v.firstPassedAt !== undefined && !isIsoTime(v.firstPassedAt)) return 'firstPassedAt is not an ISO time';
  const rawHistory = v.history ?? [];
  if (!Array.isArray(rawHistory)) return 'history is not a list';
  const history: Attempt[] = [];
  for (const [i, h] of rawHistory.entries()) {
    const a = readAttempt(h);
    if (typeof a === 'string') return `history[${i}] ${a}`;
    history.push(a);
  }
  return score({
    attempts: v.attempts,
    hintsUsed,
    answerRevealed,
    best,
    last,
    firstPassedAt: v.firstPassedAt as string | undefined,
    history: history.slice(-Math.max(1, historyLimit)),
  });
}

/** Migrates one v1 entry. v1 kept no times: a drill it records as solved gets the migration time as firstPassedAt. */
export function migrateV1Score(v: unknown, migratedAt: Date): DrillScore | string {
  if (!isPlainObject(v)) return `is ${describeType(v)}`;
  if (!isCount(v.passed)) return 'passed is not a count';
  if (!isCount(v.total)) return 'total is not a count';
  if (v.passed > v.total) return 'passed exceeds total';
  if (!isCount(v.attempts)) return 'attempts is not a count';
  const solved = v.total > 0 && v.passed === v.total && v.attempts > 0;
  return score({
    attempts: v.attempts,
    hintsUsed: 0,
    answerRevealed: false,
    best: v.total > 0 && v.attempts > 0 ? { passed: v.passed, total: v.total } : undefined,
    firstPassedAt: solved ? migratedAt.toISOString() : undefined,
    history: [],
  });
}

/**
 * Reads whatever is stored under SCORES_KEY: nothing, v2, v1 or the bare v1 map. A value that cannot be read as a
 * whole (not an object, unknown or future version, wrong envelope) is set aside whole; unreadable entries of a
 * readable value are set aside one by one and the rest kept.
 */
export function readStoredScores(raw: unknown, opts: { historyLimit?: number; now?: Date } = {}): ReadScores {
  const historyLimit = opts.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const now = opts.now ?? new Date();
  if (raw === undefined) return { drills: {}, rewrite: false };
  const whole = (reason: string): ReadScores => ({ drills: {}, rewrite: true, setAside: { whole: true, value: raw, reasons: [reason] } });
  if (!isPlainObject(raw)) return whole(`the value is ${describeType(raw)}`);

  let entries: Record<string, unknown>;
  let read: (v: unknown) => DrillScore | string;
  let foundVersion: number;
  if (!('version' in raw)) {
    entries = raw;
    read = (v) => migrateV1Score(v, now);
    foundVersion = 0;
  } else if (raw.version === 2) {
    if (!isPlainObject(raw.drills)) return whole(`version 2 without a "drills" map (found ${describeType(raw.drills)})`);
    entries = raw.drills;
    read = (v) => readDrillScore(v, historyLimit);
    foundVersion = 2;
  } else if (raw.version === 1) {
    if (!isPlainObject(raw.scores)) return whole(`version 1 without a "scores" map (found ${describeType(raw.scores)})`);
    entries = raw.scores;
    read = (v) => migrateV1Score(v, now);
    foundVersion = 1;
  } else if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > SCORES_VERSION) {
    return whole(`schema version ${raw.version} is newer than this extension reads (${SCORES_VERSION})`);
  } else {
    return whole(`unknown schema version ${JSON.stringify(raw.version)}`);
  }

  const drills: Record<string, DrillScore> = {};
  const bad: Record<string, unknown> = {};
  const reasons: string[] = [];
  for (const [id, v] of Object.entries(entries)) {
    const s = isDrillId(id) ? read(v) : 'the drill id is not usable';
    if (typeof s === 'string') {
      bad[id] = v;
      reasons.push(`${JSON.stringify(id.slice(0, 60))}: ${s}`);
    } else {
      drills[id] = s;
    }
  }
  const result: ReadScores = { drills, rewrite: foundVersion !== 2 || reasons.length > 0, foundVersion };
  if (reasons.length > 0) result.setAside = { whole: false, value: bad, reasons };
  // A v2 value whose histories were trimmed to a smaller limit is rewritten too.
  if (foundVersion === 2 && !result.rewrite) {
    result.rewrite = Object.entries(drills).some(([id, s]) => s.history.length !== ((entries[id] as { history?: unknown[] }).history?.length ?? 0));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The store.

export interface ScoreStoreOptions {
  /** How many attempts each drill keeps in its history (default 20). */
  historyLimit?: number;
  now?: () => Date;
}

export interface AttemptInput {
  passed: number;
  total: number;
  durationMs: number;
  verdict: string;
}

/** An attempt solves its drill when the check passed with every test passing and at least one test. */
export function isSolvingAttempt(a: Pick<Attempt, 'passed' | 'total' | 'verdict'>): boolean {
  return a.verdict === 'passed' && a.total > 0 && a.passed === a.total;
}

/** The status a score stands for (no score: untried). */
export function statusOf(s: DrillScore | undefined): DrillStatus {
  if (s?.firstPassedAt !== undefined) return 'passed';
  return s && s.attempts > 0 ? 'failed' : 'untried';
}

export class ScoreStore {
  private drills: Readonly<Record<string, DrillScore>>;
  private readonly queue = new WriteQueue();
  private readonly writer: GuardedWriter;
  private readonly changed = new Emitter<string | undefined>();
  private readonly problemList: string[] = [];
  private readonly historyLimit: number;
  private readonly now: () => Date;
  /** Fires after a change is written: the drill's id, or undefined when every drill changed (reset, load). */
  readonly onDidChange: Event<string | undefined> = this.changed.event;
  /** Settles once the load-time writes (migration, backup of unreadable data) are done. Never rejects. */
  readonly ready: Promise<void>;

  constructor(memento: MementoLike, opts: ScoreStoreOptions = {}) {
    this.historyLimit = Math.max(1, Math.floor(opts.historyLimit ?? DEFAULT_HISTORY_LIMIT));
    this.now = opts.now ?? (() => new Date());
    const loadedAt = this.now();
    const read = readStoredScores(memento.get<unknown>(SCORES_KEY), { historyLimit: this.historyLimit, now: loadedAt });
    this.drills = deepFreeze(read.drills);
    this.writer = new GuardedWriter(memento, SCORES_KEY);
    if (read.setAside) {
      const backup = this.writer.setAside(read.setAside, loadedAt);
      this.problemList.push(`Scores: ${describeSetAside(read.setAside, backup, 'scores', (n) => (n === 1 ? '1 drill score' : `${n} drill scores`))}`);
    }
    this.ready = read.rewrite
      ? this.queue
          .run(() => this.writer.write(this.stored(read.drills)))
          .catch((e: unknown) => void this.problemList.push(`Scores: writing the ${read.setAside ? 'backup and cleaned' : 'migrated'} scores failed (${errorText(e)}); retried with the next change.`))
      : Promise.resolve();
  }

  /** What was set aside or failed at load, one human sentence each (empty when all was well). */
  get problems(): readonly string[] {
    return [...this.problemList];
  }

  get(id: string): DrillScore | undefined {
    return this.drills[id];
  }

  all(): Readonly<Record<string, DrillScore>> {
    return this.drills;
  }

  status(id: string): DrillStatus {
    return statusOf(this.drills[id]);
  }

  /** Records one finished check. Rejects (writing nothing) when the figures are not those of a finished check. */
  recordAttempt(id: string, a: AttemptInput): Promise<DrillScore> {
    const problem = checkId(id) ?? checkAttemptInput(a);
    if (problem) return Promise.reject(new TypeError(`recordAttempt(${JSON.stringify(id)}): ${problem}`));
    const input: AttemptInput = { passed: a.passed, total: a.total, durationMs: a.durationMs, verdict: a.verdict };
    return this.change(id, (prev) => {
      const at = this.now().toISOString();
      const attempt: Attempt = { at, ...input };
      return score({
        ...prev,
        attempts: prev.attempts + 1,
        last: attempt,
        best: better(prev.best, attempt),
        firstPassedAt: prev.firstPassedAt ?? (isSolvingAttempt(attempt) ? at : undefined),
        history: [...prev.history, attempt].slice(-this.historyLimit),
      });
    }).then((s) => s ?? emptyScore());
  }

  /** Moves one step down the hint ladder; returns how many hints are now shown (never more than the ladder). */
  recordHint(id: string, ladderLength: number): Promise<number> {
    const problem = checkId(id) ?? (isCount(ladderLength) ? undefined : 'ladderLength is not a count');
    if (problem) return Promise.reject(new TypeError(`recordHint(${JSON.stringify(id)}): ${problem}`));
    return this.change(id, (prev) => {
      const hintsUsed = Math.min(prev.hintsUsed + 1, ladderLength);
      return hintsUsed === prev.hintsUsed ? undefined : score({ ...prev, hintsUsed });
    }).then((s) => s?.hintsUsed ?? Math.min(this.drills[id]?.hintsUsed ?? 0, ladderLength));
  }

  markAnswerRevealed(id: string): Promise<void> {
    const problem = checkId(id);
    if (problem) return Promise.reject(new TypeError(`markAnswerRevealed: ${problem}`));
    return this.change(id, (prev) => (prev.answerRevealed ? undefined : score({ ...prev, answerRevealed: true }))).then(() => undefined);
  }

  /** Forgets one drill's score, or every score. */
  reset(id?: string): Promise<void> {
    return this.queue.run(async () => {
      if (id === undefined) {
        await this.commit({}, undefined);
      } else if (this.drills[id]) {
        const next = { ...this.drills };
        delete next[id];
        await this.commit(next, id);
      }
    });
  }

  /** Resolves once every write queued so far has landed. */
  flushed(): Promise<void> {
    return this.queue.idle();
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Applies `update` to the drill's current score (an empty one if none) and writes the result; undefined: no change. */
  private change(id: string, update: (prev: DrillScore) => DrillScore | undefined): Promise<DrillScore | undefined> {
    return this.queue.run(async () => {
      const prev = this.drills[id] ?? emptyScore();
      const next = update(prev);
      if (!next) return this.drills[id];
      await this.commit({ ...this.drills, [id]: next }, id);
      return this.drills[id];
    });
  }

  /** Writes first, then adopts the new state and tells listeners: a failed write leaves the store as it was. */
  private async commit(next: Record<string, DrillScore>, changed: string | undefined): Promise<void> {
    await this.writer.write(this.stored(next));
    this.drills = deepFreeze(plain(next));
    this.changed.fire(changed);
  }

  private stored(drills: Record<string, DrillScore>): StoredScoresV2 {
    return { version: SCORES_VERSION, drills };
  }
}

function emptyScore(): DrillScore {
  return { attempts: 0, hintsUsed: 0, answerRevealed: false, history: [] };
}

function better(best: DrillScore['best'], a: Attempt): DrillScore['best'] {
  if (a.total === 0) return best;
  if (!best) return { passed: a.passed, total: a.total };
  const lhs = a.passed * best.total;
  const rhs = best.passed * a.total;
  return lhs > rhs || (lhs === rhs && a.total > best.total) ? { passed: a.passed, total: a.total } : best;
}

function checkId(id: unknown): string | undefined {
  return isDrillId(id) ? undefined : 'the drill id must be lower-case letters and digits joined by hyphens';
}

function checkAttemptInput(a: unknown): string | undefined {
  if (!isPlainObject(a) && (typeof a !== 'object' || a === null)) return 'no attempt given';
  const r = a as Record<string, unknown>;
  if (!isCount(r.passed)) return 'passed must be a count';
  if (!isCount(r.total)) return 'total must be a count';
  if (r.passed > r.total) return 'passed exceeds total';
  if (typeof r.durationMs !== 'number' || !Number.isFinite(r.durationMs) || r.durationMs < 0) return 'durationMs must be a finite, non-negative number';
  if (typeof r.verdict !== 'string' || r.verdict.length === 0) return 'verdict must be a non-empty string';
  return undefined;
}
