import { type Drill, TIER_LABELS } from './model';
import { topicLabel } from './topics';

export interface DescribeState {
  hintsShown: number;
  answerShown: boolean;
  status?: string;
}

/** The drill's description as markdown: prompt, the hints revealed so far and, once revealed, the model answer. */
export function drillMarkdown(drill: Drill, state: DescribeState): string {
  const shown = Math.max(0, Math.min(state.hintsShown, drill.hints.length));
  const parts = [
    `# ${drill.title}`,
    `*${TIER_LABELS[drill.tier]} · ${topicLabel(drill.topic)}${state.status ? ` · ${state.status}` : ''}*`,
    drill.prompt.trim(),
    `## Hints (${shown} of ${drill.hints.length} shown)`,
  ];
  if (shown === 0) parts.push('_Run **Interview Drills: Show Hint** (Ctrl+Alt+H in the scratch file) for the first hint._');
  drill.hints.slice(0, shown).forEach((h, i) => parts.push(`**Hint ${i + 1}.** ${h.trim()}`));
  parts.push('## Model answer');
  parts.push(state.answerShown ? drill.answer.trim() : '_Hidden. Run **Interview Drills: Reveal Answer** when you want it._');
  return `${parts.join('\n\n')}\n`;
}
