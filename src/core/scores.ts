// The score store: what the user did with each drill (checks, hints, revealed answers), kept in a Memento-shaped
// key/value store (the workspace state in VS Code, a Map in the tests). Stored data is versioned and validated on
// load: old shapes are migrated, anything unreadable is copied to a backup key and reported, never silently dropped;
// data from a newer version is left untouched (see store.ts, which also explains how windows share the data).
import { type DrillStatus, isDrillId } from './model';
import {
  describeType, isCount, isIsoTime, isPlainObject, lookup, type MementoLike, newerVersionOf, type SetAside, VersionedStore,
} from './store';

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
/**
 * The Python version's scores: a store of their own, so scores are per drill and language, and every score kept
 * before the Python track existed stays TypeScript's with no migration.
 */
export const PYTHON_SCORES_KEY = 'interviewDrills.scores.python';
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
// Reading stored data.

export interface ReadScores {
  drills: Record<string, DrillScore>;
  setAside?: SetAside;
  /** The stored value should be rewritten in the current schema (it was migrated or cleaned). */
  rewrite: boolean;
  /** The schema version found: 0 for the bare map, undefined when nothing was stored or it was unreadable. */
  foundVersion?: number;
  /** A newer version of the extension wrote the value: nothing is read from it, and it must not be rewritten. */
  newerVersion?: number;
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
export function readStoredScores(raw: unknown, opts: { historyLimit?: number; now?: Date | (() => Date) } = {}): ReadScores {
  const historyLimit = opts.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  let migratedAt: Date | undefined;
  const now = (): Date => (migratedAt ??= typeof opts.now === 'function' ? opts.now() : (opts.now ?? new Date()));
  if (raw === undefined) return { drills: {}, rewrite: false };
  const whole = (reason: string): ReadScores => ({ drills: {}, rewrite: true, setAside: { whole: true, value: raw, reasons: [reason] } });
  if (!isPlainObject(raw)) return whole(`the value is ${describeType(raw)}`);

  let entries: Record<string, unknown>;
  let read: (v: unknown) => DrillScore | string;
  let foundVersion: number;
  if (!('version' in raw)) {
    entries = raw;
    read = (v) => migrateV1Score(v, now());
    foundVersion = 0;
  } else if (raw.version === 2) {
    if (!isPlainObject(raw.drills)) return whole(`version 2 without a "drills" map (found ${describeType(raw.drills)})`);
    entries = raw.drills;
    read = (v) => readDrillScore(v, historyLimit);
    foundVersion = 2;
  } else if (raw.version === 1) {
    if (!isPlainObject(raw.scores)) return whole(`version 1 without a "scores" map (found ${describeType(raw.scores)})`);
    entries = raw.scores;
    read = (v) => migrateV1Score(v, now());
    foundVersion = 1;
  } else if (newerVersionOf(raw, SCORES_VERSION) !== undefined) {
    return { drills: {}, rewrite: false, newerVersion: raw.version as number };
  } else {
    return whole(`unknown schema version ${JSON.stringify(raw.version)}`);
  }

  // Built with Object.fromEntries, so an id such as "__proto__" stays an ordinary key (set aside, not swallowed).
  const good: [string, DrillScore][] = [];
  const bad: [string, unknown][] = [];
  const reasons: string[] = [];
  for (const [id, v] of Object.entries(entries)) {
    const s = isDrillId(id) ? read(v) : 'the drill id is not usable';
    if (typeof s === 'string') {
      bad.push([id, v]);
      reasons.push(`${JSON.stringify(id.slice(0, 60))}: ${s}`);
    } else {
      good.push([id, s]);
    }
  }
  const drills = Object.fromEntries(good);
  const result: ReadScores = { drills, rewrite: foundVersion !== 2 || reasons.length > 0, foundVersion };
  if (reasons.length > 0) result.setAside = { whole: false, value: Object.fromEntries(bad), reasons };
  // A v2 value whose histories were trimmed to a smaller limit is rewritten too.
  if (foundVersion === 2 && !result.rewrite) {
    result.rewrite = good.some(([id, s]) => s.history.length !== ((lookup(entries, id) as { history?: unknown[] }).history?.length ?? 0));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The store.

export interface ScoreStoreOptions {
  /** How many attempts each drill keeps in its history (default 20). */
  historyLimit?: number;
  now?: () => Date;
  /** How many backups of unreadable data are kept (default 3, the newest). */
  maxBackups?: number;
  /** Where the scores are kept: SCORES_KEY (TypeScript, the default) or PYTHON_SCORES_KEY. */
  key?: string;
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

export class ScoreStore extends VersionedStore<Record<string, DrillScore>, string> {
  private readonly historyLimit: number;

  constructor(memento: MementoLike, opts: ScoreStoreOptions = {}) {
    const historyLimit = Math.max(1, Math.floor(opts.historyLimit ?? DEFAULT_HISTORY_LIMIT));
    super({
      memento,
      key: opts.key ?? SCORES_KEY,
      version: SCORES_VERSION,
      label: opts.key === PYTHON_SCORES_KEY ? 'Python scores' : 'Scores',
      what: 'scores',
      entries: (n) => (n === 1 ? '1 drill score' : `${n} drill scores`),
      read: (raw, now) => {
        const r = readStoredScores(raw, { historyLimit, now });
        return { value: r.drills, setAside: r.setAside, rewrite: r.rewrite, newerVersion: r.newerVersion };
      },
      stored: (drills): StoredScoresV2 => ({ version: SCORES_VERSION, drills }),
      now: opts.now,
      maxBackups: opts.maxBackups,
    });
    this.historyLimit = historyLimit;
  }

  get(id: string): DrillScore | undefined {
    return lookup(this.current, id);
  }

  all(): Readonly<Record<string, DrillScore>> {
    return this.current;
  }

  status(id: string): DrillStatus {
    return statusOf(this.get(id));
  }

  /** Records one finished check. Rejects (writing nothing) when the figures are not those of a finished check. */
  recordAttempt(id: string, a: AttemptInput): Promise<DrillScore> {
    const problem = checkId(id) ?? checkAttemptInput(a);
    if (problem) return Promise.reject(new TypeError(`recordAttempt(${JSON.stringify(id)}): ${problem}`));
    const input: AttemptInput = { passed: a.passed, total: a.total, durationMs: a.durationMs, verdict: a.verdict };
    return this.changeDrill(id, (prev) => {
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
    return this.changeDrill(id, (prev) => {
      const hintsUsed = Math.min(prev.hintsUsed + 1, ladderLength);
      return hintsUsed === prev.hintsUsed ? undefined : score({ ...prev, hintsUsed });
    }).then((s) => Math.min(s?.hintsUsed ?? 0, ladderLength));
  }

  markAnswerRevealed(id: string): Promise<void> {
    const problem = checkId(id);
    if (problem) return Promise.reject(new TypeError(`markAnswerRevealed: ${problem}`));
    return this.changeDrill(id, (prev) => (prev.answerRevealed ? undefined : score({ ...prev, answerRevealed: true }))).then(() => undefined);
  }

  /** Forgets one drill's score, or every score. */
  reset(id?: string): Promise<void> {
    if (id === undefined) return this.change(undefined, () => ({})).then(() => undefined);
    return this.change(id, (stored) => {
      if (lookup(stored, id) === undefined) return undefined;
      return Object.fromEntries(Object.entries(stored).filter(([k]) => k !== id));
    }).then(() => undefined);
  }

  /** Imported scores, merged drill by drill into what is stored now (mergeDrillScore: importing twice changes nothing). */
  mergeIn(incoming: Readonly<Record<string, DrillScore>>, merge: (a: DrillScore | undefined, b: DrillScore, historyLimit: number) => DrillScore | undefined): Promise<void> {
    return this.change(undefined, (stored) => {
      const next: Record<string, DrillScore> = { ...stored };
      for (const [id, s] of Object.entries(incoming)) Object.assign(next, { [id]: merge(lookup(stored, id), s, this.historyLimit) });
      return JSON.stringify(next) === JSON.stringify(stored) ? undefined : next;
    }).then(() => undefined);
  }

  /**
   * Applies `update` to the drill's score as stored now (an empty one if none; other windows' attempts included) and
   * writes the result; undefined: no change. Resolves to the drill's score afterwards.
   */
  private changeDrill(id: string, update: (prev: DrillScore) => DrillScore | undefined): Promise<DrillScore | undefined> {
    return this.change(id, (stored) => {
      const next = update(lookup(stored, id) ?? emptyScore());
      return next === undefined ? undefined : { ...stored, [id]: next };
    }).then((drills) => lookup(drills, id));
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
