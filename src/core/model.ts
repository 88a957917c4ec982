import type { TopicId } from './topics';

export const TIERS = ['beginner', 'intermediate', 'scenario'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  scenario: 'Scenario-based',
};

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/** A drill id: lower-case letters and digits joined by single hyphens, e.g. "retry-flaky-call". */
export const DRILL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest id accepted: the id names a drill's folder and its scratch file `<id>.ts`, well under 255 bytes. */
export const DRILL_ID_MAX_LENGTH = 64;

/** Whether `value` is a usable drill id: the one definition used by packs, scratch files, stores and the panel. */
export function isDrillId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= DRILL_ID_MAX_LENGTH && DRILL_ID_PATTERN.test(value);
}

/** passed: solved at least once; failed: attempted but never solved; untried: never checked. */
export type DrillStatus = 'untried' | 'failed' | 'passed';

/** The words for each status, the same in the tree, status bar, description, quick pick and self-assessment panel. */
export const STATUS_LABELS: Readonly<Record<DrillStatus, string>> = {
  untried: 'not tried yet',
  failed: 'not solved yet',
  passed: 'solved',
};

/** A plausible wrong answer kept with the drill: its tests must reject it. */
export interface Mistake {
  title: string;
  /** The wrong solution's full text (a folder drill's patch already applied). */
  code: string;
  /**
   * Folder drills: the mistake's file, `mistakes/<slug>.patch` (against solution.ts) or `mistakes/<slug>.ts`; for the
   * Python track `python/mistakes/<slug>.patch` (against python/solution.py) or `python/mistakes/<slug>.py`.
   */
  file?: string;
  /** Folder drills: written by someone who saw only the prompt and the stub. */
  blind?: boolean;
}

/** The fields a folder drill keeps in files of their own, and the file names. */
export const DRILL_FOLDER_FILES = {
  prompt: 'prompt.md',
  answer: 'answer.md',
  stub: 'stub.ts',
  solution: 'solution.ts',
  tests: 'solution.test.ts',
} as const;
export type DrillFileField = keyof typeof DRILL_FOLDER_FILES;

/** Where a drill came from, so errors and editors can point into its files. */
export interface DrillSource {
  /** Absolute path (or pack-relative name) of the YAML file: the single file, or a folder drill's drill.yaml. */
  file: string;
  /** 1-based line of each top-level field of that YAML file, e.g. `lines.stub` is where `stub:` starts. */
  lines: Partial<Record<string, number>>;
  /** Folder drills: the drill's folder. */
  dir?: string;
  /** Folder drills: the file of each field kept in a file of its own (prompt.md, stub.ts, ...). */
  files?: Partial<Record<DrillFileField, string>>;
}

/** The languages a drill can be answered in. TypeScript is every drill's; Python is there when the drill has a python track. */
export const LANGUAGES = ['typescript', 'python'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABELS: Readonly<Record<Language, string>> = { typescript: 'TypeScript', python: 'Python' };
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The files of a drill folder's Python track, under `python/`. */
export const PYTHON_FOLDER = 'python';
export const PYTHON_FILES = {
  stub: 'stub.py',
  solution: 'solution.py',
  tests: 'test_solution.py',
} as const;
export type PythonFileField = keyof typeof PYTHON_FILES;

/** A drill's Python version: the prompt, answer and hints stay shared; the code, tests and mistakes are Python's. */
export interface PythonTrack {
  /** Python the user starts from (python/stub.py). */
  stub: string;
  /** The reference (python/solution.py): passes every test. */
  solution: string;
  /** A pytest file (python/test_solution.py); it imports the user's code from `solution`. */
  tests: string;
  mistakes: Mistake[];
  /** Markdown: what changes in Python (shown with the prompt when the drill is answered in Python). */
  note?: string;
  /** Folder drills: the absolute path of each file. */
  files?: Partial<Record<PythonFileField, string>>;
}

export interface Drill {
  id: string;
  tier: Tier;
  topic: TopicId;
  title: string;
  /** Sort key within the tier (the guide's order for its fifteen questions). */
  order: number;
  /** Estimated minutes for a competent candidate (required in drill.yaml, optional in a single file). */
  minutes?: number;
  /**
   * The 3-6 points an interviewer listens for in the spoken answer, one line each (plain text, inline `code`
   * allowed); shown once the answer is revealed. Optional in a pack (absent: the drill shows none); every bundled
   * drill has them.
   */
  keyPoints?: string[];
  /** Markdown. */
  prompt: string;
  /** Markdown: the model answer. */
  answer: string;
  /** The hint ladder, from a nudge to a skeleton. */
  hints: string[];
  /** TypeScript the user starts from; saved as the scratch file. */
  stub: string;
  /** Reference TypeScript solution: passes every test. */
  solution: string;
  /** Jest-style TypeScript tests; they import the user's code from './solution'. */
  tests: string;
  mistakes: Mistake[];
  /** The Python version of the drill, when it has one. */
  python?: PythonTrack;
  source: DrillSource;
}

/** The languages a drill can be answered in, TypeScript first. */
export function drillLanguages(drill: Pick<Drill, 'python'>): Language[] {
  return drill.python ? ['typescript', 'python'] : ['typescript'];
}

/** An error in a question file, precise enough to jump to. */
export interface PackError {
  file: string;
  /** 1-based; 0 when the error is not tied to a line (e.g. unreadable file). */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** The top-level field at fault, when there is one. */
  field?: string;
  message: string;
}

export function formatPackError(e: PackError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}:${Math.max(e.column, 1)}` : e.file;
  return `${where}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
}

/** Where a drill's field is written: its own file (folder drills) or its line in the YAML file. */
export function fieldLocation(drill: Drill, field: string): { file: string; line: number } {
  const own = drill.source.files?.[field as DrillFileField];
  if (own) return { file: own, line: 1 };
  return { file: drill.source.file, line: drill.source.lines[field] ?? 1 };
}

export function compareDrills(a: Drill, b: Drill): number {
  return TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || a.order - b.order || a.title.localeCompare(b.title);
}
