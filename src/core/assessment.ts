// The self-assessment rules, pure: the user's ratings (how confident they feel per topic) set against what the drills
// measured (how many of the topic's drills they solved, in TypeScript or Python) and what mock interviews measured
// (the recall score of spoken answers), per topic and in summary. The guide's rule of thumb: a topic rated under 3
// needs review, a topic rated 5 is one you could teach.
import { compareDrills, type Drill, type DrillStatus, type Language, LANGUAGES, type Tier } from './model';
import type { Rating, Ratings } from './ratings';
import { type DrillScore, statusOf } from './scores';
import { TOPICS, type TopicId } from './topics';

export type Scores = Readonly<Record<string, DrillScore>>;

/**
 * What mock interviews measured for one topic: the recall score (the share of key points ticked, 0-100) of the
 * interviews whose spoken question was one of the topic's drills.
 */
export interface TopicRecall {
  /** Mean recall score, 0-100, rounded. */
  mean: number;
  /** How many interviews it is the mean of. */
  interviews: number;
  /** Recall score of the most recent of them. */
  last: number;
}

export type RecallByTopic = Readonly<Partial<Record<TopicId, TopicRecall>>>;

/** What else the assessment reads besides TypeScript's scores. */
export interface AssessOptions {
  /** The Python versions' scores: a drill counts as solved when it is solved in either language. */
  python?: Scores;
  /** Per topic, from the mock interview history (see recallByTopic). */
  recall?: RecallByTopic;
}

/** The part of a mock interview's record recallByTopic reads (see interviewSession.ts). */
export interface RecallRecord {
  finishedAt: string;
  spoken: { id: string; total: number };
  score: { recall: number };
}

/**
 * Per topic, the recall scores of past mock interviews (`records` oldest first, as the history keeps them). An interview whose spoken
 * drill had no key points (nothing to recall) or is no longer in the bank counts for no topic.
 */
export function recallByTopic(records: readonly RecallRecord[], drills: readonly Pick<Drill, 'id' | 'topic'>[]): RecallByTopic {
  const topicOf = new Map(drills.map((d) => [d.id, d.topic]));
  // The history is kept in order (oldest first), so the last record read for a topic is its most recent.
  const sums = new Map<TopicId, { sum: number; n: number; last: number }>();
  for (const r of records) {
    const topic = topicOf.get(r.spoken.id);
    if (topic === undefined || r.spoken.total <= 0 || !Number.isFinite(r.score.recall)) continue;
    const recall = Math.max(0, Math.min(100, r.score.recall));
    const prev = sums.get(topic);
    sums.set(topic, prev ? { sum: prev.sum + recall, n: prev.n + 1, last: recall } : { sum: recall, n: 1, last: recall });
  }
  const out: Partial<Record<TopicId, TopicRecall>> = {};
  for (const [topic, v] of sums) out[topic] = { mean: Math.round(v.sum / v.n), interviews: v.n, last: v.last };
  return out;
}

/** Rated below this: a weak area. */
export const WEAK_BELOW = 3;
/** Rated this: a strong area, ready to mentor. */
export const STRONG_AT = 5;

export interface DrillRef {
  id: string;
  title: string;
  tier: Tier;
  /** passed when solved in either language; failed when checked in either without solving it; else untried. */
  status: DrillStatus;
  /** The languages it is solved in, TypeScript first. */
  solvedIn: Language[];
  /** Checks in both languages. */
  attempts: number;
  /** ISO time of the last check, if any. */
  lastPractised?: string;
}

export interface Disagreement {
  /** overconfident: rated 4-5 with under half the drills solved; underrating: rated 1-2 with every drill solved. */
  kind: 'overconfident' | 'underrating';
  reason: string;
}

export interface TopicAssessment {
  topic: TopicId;
  label: string;
  detail: string;
  rating?: Rating;
  /** How many drills cover the topic, how many of them are solved (in either language), how many checks they had in all. */
  drills: number;
  passed: number;
  /** Per language, how many of the topic's drills are solved in it (a drill solved in both counts in both). */
  passedIn: Record<Language, number>;
  attempts: number;
  /** What mock interviews measured, when an interview asked one of the topic's drills out loud. */
  recall?: TopicRecall;
  /** ISO time of the most recent check of any of the topic's drills. */
  lastPractised?: string;
  weak: boolean;
  strong: boolean;
  disagreement?: Disagreement;
  /** What "Practise" opens: see nextDrill. */
  next?: { id: string; title: string; solved: boolean };
  /** The topic's drills in tree order. */
  drillRefs: DrillRef[];
}

export interface AssessmentSummary {
  /** Mean rating of the rated topics; undefined when none is rated. */
  averageConfidence?: number;
  ratedTopics: number;
  topicCount: number;
  drillsPassed: number;
  drillsTotal: number;
  weakest?: {
    topic: TopicId;
    label: string;
    /** rating: the lowest rated topic; pass-ratio: nothing is rated, so the topic with the lowest share of drills solved. */
    basis: 'rating' | 'pass-ratio';
    reason: string;
  };
}

export interface Assessment {
  summary: AssessmentSummary;
  topics: TopicAssessment[];
}

export function isWeak(rating: Rating | undefined): boolean {
  return rating !== undefined && rating < WEAK_BELOW;
}

export function isStrong(rating: Rating | undefined): boolean {
  return rating === STRONG_AT;
}

/** Where the rating and the measured figures tell different stories; none for unrated topics or topics without drills. */
export function disagreement(rating: Rating | undefined, passed: number, drills: number): Disagreement | undefined {
  if (rating === undefined || drills === 0) return undefined;
  if (rating >= 4 && passed * 2 < drills) {
    return {
      kind: 'overconfident',
      reason: `Rated ${rating} of 5, but only ${passed} of ${drills} drill${drills === 1 ? '' : 's'} solved: solve more of them before trusting that rating.`,
    };
  }
  if (rating <= 2 && passed === drills) {
    return {
      kind: 'underrating',
      reason: `Rated ${rating} of 5, yet ${drills === 1 ? 'its only drill' : `all ${drills} drills`} solved: you may know this better than you think.`,
    };
  }
  return undefined;
}

function time(iso: string | undefined): number {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * The drill "Practise" opens for a topic: its first unsolved drill in tree order; when all are solved, the one
 * practised longest ago (never checked counts as longest ago; ties in tree order). Undefined when no drill covers it.
 */
export function nextDrill(topic: TopicId, drills: readonly Drill[], scores: Scores, python: Scores = {}): Drill | undefined {
  const own = drills.filter((d) => d.topic === topic).sort(compareDrills);
  const unsolved = own.find((d) => combined(d.id, scores, python).status !== 'passed');
  if (unsolved) return unsolved;
  let oldest: Drill | undefined;
  for (const d of own) {
    if (!oldest || time(combined(d.id, scores, python).lastPractised) < time(combined(oldest.id, scores, python).lastPractised)) oldest = d;
  }
  return oldest;
}

/** One drill's figures over both languages. */
function combined(id: string, scores: Scores, python: Scores): { status: DrillStatus; solvedIn: Language[]; attempts: number; lastPractised?: string } {
  const byLanguage: Record<Language, DrillScore | undefined> = { typescript: lookupScore(scores, id), python: lookupScore(python, id) };
  const solvedIn = LANGUAGES.filter((l) => statusOf(byLanguage[l]) === 'passed');
  const attempts = LANGUAGES.reduce((n, l) => n + (byLanguage[l]?.attempts ?? 0), 0);
  const status: DrillStatus = solvedIn.length > 0 ? 'passed' : attempts > 0 ? 'failed' : 'untried';
  const lastPractised = LANGUAGES.map((l) => byLanguage[l]?.last?.at).reduce<string | undefined>((a, b) => (time(b) > time(a) ? b : a), undefined);
  return lastPractised === undefined ? { status, solvedIn, attempts } : { status, solvedIn, attempts, lastPractised };
}

function lookupScore(scores: Scores, id: string): DrillScore | undefined {
  return Object.prototype.hasOwnProperty.call(scores, id) ? scores[id] : undefined;
}

export function assessTopic(topic: TopicId, drills: readonly Drill[], scores: Scores, ratings: Ratings, opts: AssessOptions = {}): TopicAssessment {
  const meta = TOPICS.find((t) => t.id === topic)!;
  const python = opts.python ?? {};
  const own = drills.filter((d) => d.topic === topic).sort(compareDrills);
  const drillRefs: DrillRef[] = own.map((d) => {
    const c = combined(d.id, scores, python);
    const ref: DrillRef = { id: d.id, title: d.title, tier: d.tier, status: c.status, solvedIn: c.solvedIn, attempts: c.attempts };
    if (c.lastPractised !== undefined) ref.lastPractised = c.lastPractised;
    return ref;
  });
  const rating = ratings[topic];
  const passed = drillRefs.filter((r) => r.status === 'passed').length;
  const result: TopicAssessment = {
    topic,
    label: meta.label,
    detail: meta.detail,
    drills: own.length,
    passed,
    passedIn: { typescript: drillRefs.filter((r) => r.solvedIn.includes('typescript')).length, python: drillRefs.filter((r) => r.solvedIn.includes('python')).length },
    attempts: drillRefs.reduce((n, r) => n + r.attempts, 0),
    weak: isWeak(rating),
    strong: isStrong(rating),
    drillRefs,
  };
  if (rating !== undefined) result.rating = rating;
  const recall = opts.recall?.[topic];
  if (recall) result.recall = recall;
  const last = drillRefs.reduce<string | undefined>((latest, r) => (time(r.lastPractised) > time(latest) ? r.lastPractised : latest), undefined);
  if (last !== undefined) result.lastPractised = last;
  const d = disagreement(rating, passed, own.length);
  if (d) result.disagreement = d;
  const next = nextDrill(topic, own, scores, python);
  if (next) result.next = { id: next.id, title: next.title, solved: combined(next.id, scores, python).status === 'passed' };
  return result;
}

/** Share of the topic's drills solved; undefined for a topic no drill covers. */
export function passRatio(t: Pick<TopicAssessment, 'passed' | 'drills'>): number | undefined {
  return t.drills === 0 ? undefined : t.passed / t.drills;
}

/** Orders by pass ratio, lowest first; topics with no drills (nothing measured) after every measured one. */
function byPassRatio(a: TopicAssessment, b: TopicAssessment): number {
  const ra = passRatio(a) ?? Infinity;
  const rb = passRatio(b) ?? Infinity;
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

export function summarize(topics: readonly TopicAssessment[]): AssessmentSummary {
  const rated = topics.filter((t) => t.rating !== undefined);
  const summary: AssessmentSummary = {
    ratedTopics: rated.length,
    topicCount: topics.length,
    drillsPassed: topics.reduce((n, t) => n + t.passed, 0),
    drillsTotal: topics.reduce((n, t) => n + t.drills, 0),
  };
  if (rated.length > 0) summary.averageConfidence = rated.reduce((n, t) => n + t.rating!, 0) / rated.length;
  // Array.prototype.sort is stable: equal topics keep the guide's order.
  if (rated.length > 0) {
    const w = [...rated].sort((a, b) => a.rating! - b.rating! || byPassRatio(a, b))[0]!;
    summary.weakest = { topic: w.topic, label: w.label, basis: 'rating', reason: `rated ${w.rating} of 5, ${measured(w)}` };
  } else {
    // Only topics practised at all: with nothing rated or tried there is nothing to call weak.
    const measuredTopics = topics.filter((t) => t.drills > 0 && t.attempts > 0);
    const w = [...measuredTopics].sort(byPassRatio)[0];
    if (w) summary.weakest = { topic: w.topic, label: w.label, basis: 'pass-ratio', reason: `no topic is rated yet; ${measured(w)}` };
  }
  return summary;
}

function measured(t: TopicAssessment): string {
  return t.drills === 0 ? 'no drill covers it yet' : `${t.passed} of ${t.drills} drill${t.drills === 1 ? '' : 's'} solved`;
}

/**
 * The whole self-assessment: the twelve topics in the guide's order, and the summary over them. `scores` are
 * TypeScript's; opts.python adds the Python versions' (a drill is solved when solved in either), opts.recall what
 * mock interviews measured.
 */
export function assess(drills: readonly Drill[], scores: Scores, ratings: Ratings, opts: AssessOptions = {}): Assessment {
  const topics = TOPICS.map((t) => assessTopic(t.id, drills, scores, ratings, opts));
  return { summary: summarize(topics), topics };
}
