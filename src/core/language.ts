// Which language a drill is answered in, and what the tree and status bar say about it. The window has a preferred
// language (the setting interviewDrills.language); a drill without that language's version is answered in TypeScript,
// which every drill has. Scores are kept per language, so each language has its own status per drill.
import { type Drill, type DrillStatus, drillLanguages, isLanguage, type Language, LANGUAGE_LABELS, STATUS_LABELS } from './model';

/** The setting's value as a language: anything unknown is TypeScript, the default. */
export function languageSetting(value: unknown): Language {
  return isLanguage(value) ? value : 'typescript';
}

/** Whether a drill can be answered in `language`. */
export function hasLanguage(drill: Pick<Drill, 'python'>, language: Language): boolean {
  return drillLanguages(drill).includes(language);
}

/**
 * The language a drill is opened and checked in when `preferred` is asked for: `preferred` when the drill has it,
 * else TypeScript (`fallback` true).
 */
export function languageFor(drill: Pick<Drill, 'python'>, preferred: Language): { language: Language; fallback: boolean } {
  return hasLanguage(drill, preferred) ? { language: preferred, fallback: false } : { language: 'typescript', fallback: true };
}

/** The sentence said when a drill is asked for in a language it does not have. */
export function missingLanguageNotice(drill: Pick<Drill, 'title'>, language: Language): string {
  return `Interview Drills: "${drill.title}" has no ${LANGUAGE_LABELS[language]} version yet, so it opens in TypeScript.`;
}

/** A drill's status in each of its languages. */
export type StatusIn = (id: string, language: Language) => DrillStatus;

/** "TypeScript: solved · Python: not tried yet", or one part for a TypeScript-only drill. */
export function languageStatusLine(drill: Pick<Drill, 'id' | 'python'>, status: StatusIn): string {
  return drillLanguages(drill).map((l) => `${LANGUAGE_LABELS[l]}: ${STATUS_LABELS[status(drill.id, l)]}`).join(' · ');
}

/**
 * What the status bar counts for a window language: the drills that have it, and how many of those are solved in it
 * (a drill counts as solved in the language it was checked in).
 */
export function solvedCount(drills: readonly Pick<Drill, 'id' | 'python'>[], language: Language, status: StatusIn): { passed: number; total: number } {
  const own = drills.filter((d) => hasLanguage(d, language));
  return { passed: own.filter((d) => status(d.id, language) === 'passed').length, total: own.length };
}

/** The language of a scratch file name's extension. */
export function languageOfFileName(fileName: string): Language | undefined {
  if (fileName.endsWith('.py')) return 'python';
  if (fileName.endsWith('.ts')) return 'typescript';
  return undefined;
}
