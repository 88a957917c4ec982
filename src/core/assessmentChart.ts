// The self-assessment chart's geometry, pure: from the assessment model to the bars, texts and accessible labels the
// panel draws as SVG (src/webview/panel.ts only turns this into elements). Per topic, three horizontal bars on one
// 0-100% scale: the self-rating (as a share of 5), the share of the topic's drills solved (in either language) and
// the recall score of mock interviews. Every value is also written out beside its bar, and each series has its own
// fill pattern, so nothing is told by colour alone.
import type { TopicAssessment } from './assessment';
import { LANGUAGE_LABELS, LANGUAGES } from './model';
import type { TopicId } from './topics';

export type SeriesKind = 'rating' | 'solved' | 'recall';

export interface ChartSeries {
  kind: SeriesKind;
  /** The legend's words. */
  label: string;
  /** The fill: a plain colour, diagonal hatching or dots (the page defines the patterns). */
  pattern: 'solid' | 'hatch' | 'dots';
}

export const CHART_SERIES: readonly ChartSeries[] = [
  { kind: 'rating', label: 'Self-rating (of 5)', pattern: 'solid' },
  { kind: 'solved', label: 'Drills solved', pattern: 'hatch' },
  { kind: 'recall', label: 'Recall in mock interviews', pattern: 'dots' },
];

export interface ChartBar {
  kind: SeriesKind;
  /** 0-1, or undefined when nothing is measured or rated (the bar is then empty and its text says why). */
  fraction?: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Written beside the bar, e.g. "4 of 5", "2 of 4 solved (50%)", "not rated". */
  text: string;
  textX: number;
  textY: number;
}

export type ChartFlag = 'weak' | 'strong' | 'overconfident' | 'underrating';

export interface ChartGroup {
  topic: TopicId;
  label: string;
  /** The group's band: its focus ring is drawn around it. */
  y: number;
  height: number;
  labelX: number;
  labelY: number;
  /** Weak / strong / disagreement, shown as words under the label. */
  flags: ChartFlag[];
  flagText: string;
  bars: ChartBar[];
  /** The three values (and the flags) in words, for screen readers. */
  ariaLabel: string;
}

export interface ChartTick {
  x: number;
  label: string;
}

export interface ChartModel {
  width: number;
  height: number;
  title: string;
  description: string;
  /** The plot area: bars start at plotX; a full bar is plotWidth wide. */
  plotX: number;
  plotWidth: number;
  plotTop: number;
  plotBottom: number;
  ticks: ChartTick[];
  series: readonly ChartSeries[];
  groups: ChartGroup[];
}

/** Sizes in SVG user units (the page scales the whole drawing to its width). */
export const CHART_LAYOUT = {
  width: 760,
  labelX: 8,
  plotX: 190,
  plotWidth: 300,
  textGap: 10,
  top: 28,
  barHeight: 11,
  barGap: 3,
  groupPadding: 9,
  bottom: 8,
} as const;

const FLAG_WORDS: Readonly<Record<ChartFlag, string>> = {
  weak: 'weak area',
  strong: 'strong area',
  overconfident: 'rated above results',
  underrating: 'rated below results',
};

function pct(f: number): string {
  return `${Math.round(f * 100)}%`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Which languages the topic's drills were solved in: "TypeScript", "TypeScript 2, Python 1"; "" when none. */
export function solvedLanguages(t: Pick<TopicAssessment, 'passedIn'>): string {
  const used = LANGUAGES.filter((l) => t.passedIn[l] > 0);
  if (used.length === 0) return '';
  if (used.length === 1) return LANGUAGE_LABELS[used[0]!];
  return used.map((l) => `${LANGUAGE_LABELS[l]} ${t.passedIn[l]}`).join(', ');
}

/** The three values of one topic, as fractions and short texts (also used by the table). */
export function topicValues(t: TopicAssessment): Record<SeriesKind, { fraction?: number; text: string; words: string }> {
  const languages = solvedLanguages(t);
  const solved = t.drills === 0
    ? { text: 'no drills', words: 'no drill covers it yet' }
    : {
        fraction: t.passed / t.drills,
        text: `${t.passed} of ${t.drills} solved (${pct(t.passed / t.drills)})${languages ? `, ${languages}` : ''}`,
        words: `${t.passed} of ${plural(t.drills, 'drill')} solved, ${pct(t.passed / t.drills)}${languages ? `, in ${languages}` : ''}`,
      };
  const rating = t.rating === undefined
    ? { text: 'not rated', words: 'not rated' }
    : { fraction: t.rating / 5, text: `${t.rating} of 5`, words: `self-rating ${t.rating} of 5` };
  const recall = t.recall === undefined
    ? { text: 'no mock interview', words: 'no mock interview recall yet' }
    : {
        fraction: t.recall.mean / 100,
        text: `${t.recall.mean}% recall (${plural(t.recall.interviews, 'interview')})`,
        words: `recall ${t.recall.mean} of 100 over ${plural(t.recall.interviews, 'mock interview')}`,
      };
  return { rating, solved, recall };
}

export function topicFlags(t: Pick<TopicAssessment, 'weak' | 'strong' | 'disagreement'>): ChartFlag[] {
  const flags: ChartFlag[] = [];
  if (t.weak) flags.push('weak');
  if (t.strong) flags.push('strong');
  if (t.disagreement) flags.push(t.disagreement.kind);
  return flags;
}

export function flagWords(flags: readonly ChartFlag[]): string {
  return flags.map((f) => FLAG_WORDS[f]).join(', ');
}

/** The chart for the topics, in their order: one group per topic. */
export function assessmentChart(topics: readonly TopicAssessment[]): ChartModel {
  const L = CHART_LAYOUT;
  const groupHeight = CHART_SERIES.length * L.barHeight + (CHART_SERIES.length - 1) * L.barGap + 2 * L.groupPadding;
  const groups: ChartGroup[] = topics.map((t, i) => {
    const y = L.top + i * groupHeight;
    const values = topicValues(t);
    const bars: ChartBar[] = CHART_SERIES.map((s, j) => {
      const v = values[s.kind];
      const barY = y + L.groupPadding + j * (L.barHeight + L.barGap);
      const fraction = v.fraction === undefined ? undefined : Math.max(0, Math.min(1, v.fraction));
      const bar: ChartBar = {
        kind: s.kind,
        x: L.plotX,
        y: barY,
        width: fraction === undefined ? 0 : round(fraction * L.plotWidth),
        height: L.barHeight,
        text: v.text,
        textX: L.plotX + L.plotWidth + L.textGap,
        textY: barY + L.barHeight - 2,
      };
      if (fraction !== undefined) bar.fraction = fraction;
      return bar;
    });
    const flags = topicFlags(t);
    const words = [values.rating.words, values.solved.words, values.recall.words];
    const flagged = flagWords(flags);
    return {
      topic: t.topic,
      label: t.label,
      y,
      height: groupHeight,
      labelX: L.labelX,
      labelY: y + groupHeight / 2 - (flags.length > 0 ? 2 : -4),
      flags,
      flagText: flagged,
      bars,
      ariaLabel: `${t.label}: ${words.join('; ')}${flagged ? `; ${flagged}` : ''}.`,
    };
  });
  const plotBottom = L.top + topics.length * groupHeight;
  return {
    width: L.width,
    height: plotBottom + L.bottom,
    title: 'Confidence and results per topic',
    description: 'For each topic, three bars on a 0 to 100% scale: your self-rating as a share of 5, the share of the topic\'s drills solved in either language, and your recall score in mock interviews.',
    plotX: L.plotX,
    plotWidth: L.plotWidth,
    plotTop: L.top,
    plotBottom,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: round(L.plotX + f * L.plotWidth), label: pct(f) })),
    series: CHART_SERIES,
    groups,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
