// Progress you can carry: one versioned JSON file with the scores, the self-ratings, the review schedule and the
// mock-interview history. Each part is stored in the file exactly as its store writes it (its own versioned
// envelope), so the file is read by the same readers and migrations as the stores themselves. Importing validates
// everything first: a file with any unreadable part is refused as a whole, with every reason, and nothing changes.
// Merging is idempotent: importing the same file twice, or a file exported from this same workspace, changes nothing.
import { mergeReviewEntry, type ReviewEntry, readSchedule } from './review';
import { type Ratings, RATINGS_VERSION, readStoredRatings } from './ratings';
import { type Attempt, DEFAULT_HISTORY_LIMIT, type DrillScore, readStoredScores, SCORES_VERSION } from './scores';
import { describeType, isPlainObject } from './store';

export const PROGRESS_FORMAT = 'interview-drills-progress';
export const PROGRESS_VERSION = 1;
/** A progress file larger than this is refused before parsing. */
export const MAX_PROGRESS_BYTES = 8 * 1024 * 1024;

export interface Progress {
  scores: Record<string, DrillScore>;
  ratings: Ratings;
  reviews: Record<string, ReviewEntry>;
  /** Past mock interviews, oldest first; kept as opaque records (their shape belongs to the interview store). */
  interviews: unknown[];
}

export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: string;
  scores: { version: number; drills: Record<string, DrillScore> };
  ratings: { version: number; ratings: Ratings };
  reviews: Record<string, ReviewEntry>;
  interviews: unknown[];
}

export function exportProgress(p: Progress, now: Date): string {
  const file: ProgressFile = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    scores: { version: SCORES_VERSION, drills: p.scores },
    ratings: { version: RATINGS_VERSION, ratings: p.ratings },
    reviews: p.reviews,
    interviews: p.interviews,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export class ProgressFileError extends Error {
  constructor(readonly file: string, readonly reasons: readonly string[]) {
    super(`${file}: ${reasons.length === 1 ? reasons[0] : `${reasons.length} problems: ${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? '; ...' : ''}`}`);
    this.name = 'ProgressFileError';
  }
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `line ${line}, column ${pos - before.lastIndexOf('\n')}`;
}

/** Parses and validates a progress file; throws ProgressFileError naming the file, where and what is wrong. */
export function parseProgress(text: string, file: string, now: Date = new Date()): Progress {
  if (Buffer.byteLength(text, 'utf8') > MAX_PROGRESS_BYTES) throw new ProgressFileError(file, [`is larger than ${MAX_PROGRESS_BYTES / 1024 / 1024} MiB: not a progress file`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const where = m ? ` at ${lineColumn(text, Number(m[1]))}` : '';
    throw new ProgressFileError(file, [`is not valid JSON${where}: ${e instanceof Error ? e.message : String(e)}`]);
  }
  if (!isPlainObject(raw)) throw new ProgressFileError(file, [`holds ${describeType(raw)}, not a progress object`]);
  if (raw.format !== PROGRESS_FORMAT) throw new ProgressFileError(file, [`is not an Interview Drills progress file ("format" must be "${PROGRESS_FORMAT}")`]);
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1) throw new ProgressFileError(file, ['"version" must be a whole number']);
  if (raw.version > PROGRESS_VERSION) throw new ProgressFileError(file, [`was written by a newer version of Interview Drills (progress format ${raw.version}; this one reads ${PROGRESS_VERSION}): update the extension to import it`]);
  const reasons: string[] = [];
  const scores = readStoredScores(raw.scores ?? { version: SCORES_VERSION, drills: {} }, { historyLimit: DEFAULT_HISTORY_LIMIT, now: () => now });
  if (scores.newerVersion !== undefined) reasons.push(`"scores" use a newer schema (${scores.newerVersion}) than this version reads`);
  for (const r of scores.setAside?.reasons ?? []) reasons.push(`"scores": ${r}`);
  const ratings = readStoredRatings(raw.ratings ?? { version: RATINGS_VERSION, ratings: {} });
  if (ratings.newerVersion !== undefined) reasons.push(`"ratings" use a newer schema (${ratings.newerVersion}) than this version reads`);
  for (const r of ratings.setAside?.reasons ?? []) reasons.push(`"ratings": ${r}`);
  const reviews = readSchedule(raw.reviews ?? {});
  for (const r of reviews.problems) reasons.push(`"reviews": ${r}`);
  const interviews = raw.interviews ?? [];
  if (!Array.isArray(interviews)) reasons.push(`"interviews" is ${describeType(interviews)}, not a list`);
  else interviews.forEach((x, i) => { if (!isPlainObject(x)) reasons.push(`"interviews" entry ${i + 1} is ${describeType(x)}, not an object`); });
  const known = new Set(['format', 'version', 'exportedAt', 'scores', 'ratings', 'reviews', 'interviews']);
  for (const k of Object.keys(raw)) if (!known.has(k)) reasons.push(`unknown field "${k.slice(0, 40)}"`);
  if (reasons.length > 0) throw new ProgressFileError(file, reasons);
  return { scores: scores.drills, ratings: ratings.ratings, reviews: reviews.schedule, interviews: interviews as unknown[] };
}

function attemptKey(a: Attempt): string {
  return JSON.stringify([a.at, a.passed, a.total, a.durationMs, a.verdict]);
}

function ratio(b: { passed: number; total: number } | undefined): number {
  return b && b.total > 0 ? b.passed / b.total : -1;
}

/** One drill's score from two sources: histories united (no duplicates), counts and flags the larger, times the earlier. */
export function mergeDrillScore(a: DrillScore | undefined, b: DrillScore | undefined, historyLimit = DEFAULT_HISTORY_LIMIT): DrillScore | undefined {
  if (!a || !b) return a ?? b;
  const seen = new Map<string, Attempt>();
  for (const x of [...a.history, ...b.history]) seen.set(attemptKey(x), x);
  const history = [...seen.values()].sort((x, y) => Date.parse(x.at) - Date.parse(y.at)).slice(-historyLimit);
  const best = ratio(a.best) > ratio(b.best) || (ratio(a.best) === ratio(b.best) && (a.best?.total ?? 0) >= (b.best?.total ?? 0)) ? a.best : b.best;
  const last = !a.last ? b.last : !b.last ? a.last : Date.parse(b.last.at) > Date.parse(a.last.at) ? b.last : a.last;
  const firsts = [a.firstPassedAt, b.firstPassedAt].filter((x): x is string => x !== undefined).sort((x, y) => Date.parse(x) - Date.parse(y));
  return {
    ...(best ? { best } : {}),
    ...(last ? { last } : {}),
    attempts: Math.max(a.attempts, b.attempts, history.length),
    hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
    answerRevealed: a.answerRevealed || b.answerRevealed,
    ...(firsts[0] !== undefined ? { firstPassedAt: firsts[0] } : {}),
    history,
  };
}

/**
 * Merges imported progress into the current one. Scores per drill as above; a rating present in the file replaces
 * the current one (it is the user's newer opinion, decided); reviews keep, per drill, the entry checked most recently;
 * interviews are united by their start time and drill ids.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const scores: Record<string, DrillScore> = { ...current.scores };
  for (const [id, s] of Object.entries(incoming.scores)) scores[id] = mergeDrillScore(current.scores[id], s)!;
  const reviews: Record<string, ReviewEntry> = { ...current.reviews };
  for (const [id, e] of Object.entries(incoming.reviews)) reviews[id] = mergeReviewEntry(current.reviews[id], e);
  const key = (x: unknown) => JSON.stringify(x);
  const interviews = [...current.interviews];
  const have = new Set(interviews.map(key));
  for (const x of incoming.interviews) if (!have.has(key(x))) { interviews.push(x); have.add(key(x)); }
  return { scores, ratings: { ...current.ratings, ...incoming.ratings }, reviews, interviews };
}
