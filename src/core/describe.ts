import { type Drill, TIER_LABELS } from './model';
import { topicLabel } from './topics';

export interface DescribeState {
  hintsShown: number;
  answerShown: boolean;
  status?: string;
}

/** A drill's time estimate for the tree ("15 min"); undefined when the drill gives none. */
export function minutesLabel(drill: Pick<Drill, 'minutes'>): string | undefined {
  return drill.minutes === undefined ? undefined : `${drill.minutes} min`;
}

/**
 * The drill's description as markdown: the title with tier, topic, time estimate and status; the prompt; the hints
 * revealed so far; and, once revealed, the model answer followed by its key points.
 */
export function drillMarkdown(drill: Drill, state: DescribeState): string {
  const shown = Math.max(0, Math.min(state.hintsShown, drill.hints.length));
  const facts = [TIER_LABELS[drill.tier], topicLabel(drill.topic)];
  if (drill.minutes !== undefined) facts.push(`about ${drill.minutes} min`);
  if (state.status) facts.push(state.status);
  const parts = [
    `# ${drill.title}`,
    `*${facts.join(' · ')}*`,
    drill.prompt.trim(),
    `## Hints (${shown} of ${drill.hints.length} shown)`,
  ];
  if (shown === 0) parts.push('_Run **Interview Drills: Show Hint** (Ctrl+Alt+H in the scratch file) for the first hint._');
  // Each hint is a block of its own under its own heading: a hint may open with a code fence.
  drill.hints.slice(0, shown).forEach((h, i) => parts.push(`### Hint ${i + 1}`, closeFences(h.trim())));
  if (!state.answerShown) {
    parts.push('## Model answer', '_Hidden. Run **Interview Drills: Reveal Answer** when you want it._');
  } else {
    parts.push(...answerParts(drill));
    parts.push('_The traps this drill\'s tests catch, and the reference beside your code: **Interview Drills: What This Drill Tests**._');
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The model answer under its heading, then its key points (what an interviewer listens for in the spoken answer):
 * markdown blocks, shown only once the answer is revealed (the description) or the drill solved (What This Drill Tests).
 */
export function answerParts(drill: Pick<Drill, 'answer' | 'keyPoints'>): string[] {
  const parts = ['## Model answer', closeFences(drill.answer.trim())];
  if (drill.keyPoints && drill.keyPoints.length > 0) {
    parts.push('## Key points', '_What an interviewer listens for when you answer out loud._', drill.keyPoints.map((p) => `- ${listItemText(p)}`).join('\n'));
  }
  return parts;
}

/** One line of text as the content of a list item: a leading "1." or "#" would otherwise open a list or heading. */
function listItemText(text: string): string {
  return text.trim().replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2').replace(/^([#>+*-])(?=\s|$)/, '\\$1');
}

/** The text with a closing fence added when it leaves one open, so nothing after it is swallowed into code. */
export function closeFences(markdown: string): string {
  let open: string | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === undefined) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open === undefined ? markdown : `${markdown}\n${open}`;
}

/** Whether a hint holds a block of code (a fenced block), which belongs in the rendered description. */
export function hasCodeBlock(markdown: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})/m.test(markdown);
}

/** A hint as one line of plain text for a notification: no backticks, emphasis markers or link syntax. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONNECTORS = new Set(['with', 'without', 'from', 'in', 'to', 'for', 'that', 'by', 'on', 'of']);

/**
 * A label that fits the default sidebar width: the title itself when it is at most `max` characters, else its
 * longest leading phrase (two words or more) that ends at a comma, else before a joining word ("with", "for",
 * "that"…; also when the phrase at a comma is only two words and this one is longer), else the title cut at a word with an ellipsis. The full title stays in the tooltip. 33 characters: the
 * title and the ellipsis of the topic after it fit a 300-pixel sidebar (scripts/check-package.mjs measures it).
 */
export function shortTitle(title: string, max = 33): string {
  if (title.length <= max) return title;
  const words = title.split(' ');
  const heads = words.map((_, n) => words.slice(0, n).join(' ')).filter((h, n) => n >= 2 && h.length <= max + 1).reverse();
  const atComma = heads.find((h) => h.endsWith(','))?.slice(0, -1);
  const beforeJoin = heads.find((h) => h.length <= max && CONNECTORS.has(words[h.split(' ').length]!.toLowerCase()));
  // A phrase up to a comma reads best, unless it is two words and the other is longer: "Find old, large logs"
  // rather than "Find old".
  const twoWords = atComma !== undefined && atComma.split(' ').length < 3;
  const phrase = twoWords && beforeJoin && beforeJoin.length > atComma.length ? beforeJoin : atComma ?? beforeJoin;
  if (phrase) return phrase;
  let cut = '';
  for (const w of words) {
    if (`${cut} ${w}`.trim().length > max - 1) break;
    cut = `${cut} ${w}`.trim();
  }
  // A first word longer than the room is cut itself.
  return `${cut || title.slice(0, max - 1)}…`;
}
