// The self-assessment rules, pure: the user's ratings (how confident they feel per topic) set against what the drills
// measured (how many of the topic's drills they solved), per topic and in summary. The guide's rule of thumb: a topic
// rated under 3 needs review, a topic rated 5 is one you could teach.
import { compareDrills, type Drill, type DrillStatus, type Tier } from './model';
import type { Rating, Ratings } from './ratings';
import { type DrillScore, statusOf } from './scores';
import { TOPICS, type TopicId } from './topics';

export type Scores = Readonly<Record<string, DrillScore>>;

/** Rated below this: a weak area. */
export const WEAK_BELOW = 3;
/** Rated this: a strong area, ready to mentor. */
export const STRONG_AT = 5;

export interface DrillRef {
  id: string;
  title: string;
  tier: Tier;
  status: DrillStatus;
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
  /** How many drills cover the topic, how many of them are solved, how many checks they had in all. */
  drills: number;
  passed: number;
  attempts: number;
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
export function nextDrill(topic: TopicId, drills: readonly Drill[], scores: Scores): Drill | undefined {
  const own = drills.filter((d) => d.topic === topic).sort(compareDrills);
  const unsolved = own.find((d) => statusOf(scores[d.id]) !== 'passed');
  if (unsolved) return unsolved;
  let oldest: Drill | undefined;
  for (const d of own) {
    if (!oldest || time(scores[d.id]?.last?.at) < time(scores[oldest.id]?.last?.at)) oldest = d;
  }
  return oldest;
}

export function assessTopic(topic: TopicId, drills: readonly Drill[], scores: Scores, ratings: Ratings): TopicAssessment {
  const meta = TOPICS.find((t) => t.id === topic)!;
  const own = drills.filter((d) => d.topic === topic).sort(compareDrills);
  const drillRefs: DrillRef[] = own.map((d) => {
    const s = scores[d.id];
    const ref: DrillRef = { id: d.id, title: d.title, tier: d.tier, status: statusOf(s), attempts: s?.attempts ?? 0 };
    if (s?.last) ref.lastPractised = s.last.at;
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
    attempts: drillRefs.reduce((n, r) => n + r.attempts, 0),
    weak: isWeak(rating),
    strong: isStrong(rating),
    drillRefs,
  };
  if (rating !== undefined) result.rating = rating;
  const last = drillRefs.reduce<string | undefined>((latest, r) => (time(r.lastPractised) > time(latest) ? r.lastPractised : latest), undefined);
  if (last !== undefined) result.lastPractised = last;
  const d = disagreement(rating, passed, own.length);
  if (d) result.disagreement = d;
  const next = nextDrill(topic, own, scores);
  if (next) result.next = { id: next.id, title: next.title, solved: statusOf(scores[next.id]) === 'passed' };
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

/** The whole self-assessment: the twelve topics in the guide's order, and the summary over them. */
export function assess(drills: readonly Drill[], scores: Scores, ratings: Ratings): Assessment {
  const topics = TOPICS.map((t) => assessTopic(t.id, drills, scores, ratings));
  return { summary: summarize(topics), topics };
}
