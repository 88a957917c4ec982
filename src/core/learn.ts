// "What this drill tests": what a user sees once a drill is solved or its answer revealed. When it may be shown (the
// lock rule), which of the drill's tests catch each kept mistake (found by running the mistake through the sandbox,
// never written by hand), the reference solution as the left side of a diff, and the page itself as markdown.
import { createHash } from 'node:crypto';
import { answerParts } from './describe';
import { type Drill, type DrillStatus, type Language, LANGUAGE_LABELS, type Mistake, STATUS_LABELS, TIER_LABELS } from './model';
import { pythonCheckRequest } from './python/runner';
import { drillCheckRequest, SUITE_FAILURE_TITLE, type CheckRequest, type CheckResult } from './runner';
import { topicLabel } from './topics';

// ---------------------------------------------------------------------------------------------------------------
// The lock rule

export type LearnAccess =
  | { open: true; via: 'solved' | 'revealed' }
  | {
    open: false;
    /** One or two sentences saying why, and what unlocks it. */
    reason: string;
    /** Whether Reveal Answer would unlock it now (not during a mock interview). */
    canReveal: boolean;
    /** The other language the drill is solved in, when it is not solved in this one. */
    solvedIn?: Language;
  };

export interface LearnState {
  title: string;
  /** The language asked about: a drill counts as solved in the language it was checked in. */
  language: Language;
  /** The drill's status in each language it has. */
  status: Partial<Record<Language, DrillStatus>>;
  answerRevealed: boolean;
  /** The phase of the mock interview running, if one is ("spoken", "checklist", "coding"). */
  interviewPhase?: string;
}

/**
 * Whether "What this drill tests" may show a drill: never while a mock interview runs (its answers stay locked until
 * the end, whatever was solved before); else once the drill is solved in the language asked about, or its answer
 * revealed.
 */
export function learnAccess(s: LearnState): LearnAccess {
  if (s.interviewPhase !== undefined) {
    const phase = s.interviewPhase === 'checklist' ? 'key-point checklist' : s.interviewPhase === 'spoken' ? 'spoken answer' : `${s.interviewPhase} phase`;
    return {
      open: false,
      canReveal: false,
      reason: `A mock interview is running (${phase}): the reference solutions and model answers stay locked until it ends. Finish it (Interview Drills: Finish Mock Interview) to see what "${s.title}" tests.`,
    };
  }
  if (s.status[s.language] === 'passed') return { open: true, via: 'solved' };
  if (s.answerRevealed) return { open: true, via: 'revealed' };
  const label = LANGUAGE_LABELS[s.language];
  const other = (Object.keys(s.status) as Language[]).find((l) => l !== s.language && s.status[l] === 'passed');
  const where = other ? ` in ${label} (you solved it in ${LANGUAGE_LABELS[other]})` : Object.keys(s.status).length > 1 ? ` in ${label}` : '';
  const state = STATUS_LABELS[s.status[s.language] ?? 'untried'];
  return {
    open: false,
    canReveal: true,
    ...(other ? { solvedIn: other } : {}),
    reason: `"${s.title}" is ${state}${where}. What it tests (the traps its tests catch and the reference solution) unlocks once a check passes, or when you reveal the answer.`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The traps: which tests catch each kept mistake

export interface Trap {
  title: string;
  /** The full names of the drill's tests that fail on this mistake (and pass on the reference), in the order they ran. */
  caughtBy: string[];
  /** Failures outside the drill's tests (e.g. "Uncaught error outside of a test"), once each. */
  also?: string[];
  /** How the check rejected it when no test failed (it does not compile, it hangs...), or that nothing did. */
  other?: string;
}

export interface TrapReport {
  drillId: string;
  language: Language;
  traps: Trap[];
  /** False when a check did not finish (cancelled, the sandbox crashed): such a report is not cached. */
  complete: boolean;
  /** Set when the reference solution does not pass its own tests (a broken pack): the traps may mislead. */
  referenceProblem?: string;
}

/** Runs one check; the VS Code layer and the tests hand in a real sandbox runner. */
export type RunCheck = (request: CheckRequest) => Promise<CheckResult>;

/** The kept mistakes of the drill in a language: drill.yaml's `mistakes`, or its `python:` block's. */
export function mistakesIn(drill: Pick<Drill, 'mistakes' | 'python'>, language: Language): Mistake[] {
  return language === 'python' ? drill.python?.mistakes ?? [] : drill.mistakes;
}

/** The reference solution of the drill in a language. */
export function solutionIn(drill: Pick<Drill, 'solution' | 'python'>, language: Language): string {
  return language === 'python' ? drill.python?.solution ?? '' : drill.solution;
}

/** The check of `code` against the drill's tests in a language. */
export function checkRequestIn(drill: Pick<Drill, 'tests' | 'python'>, language: Language, code: string): CheckRequest {
  return language === 'python' ? pythonCheckRequest(drill, code) : drillCheckRequest(drill, code);
}

const unique = (names: string[]): string[] => [...new Set(names)];

/**
 * What one mistake's check says about it: the tests that failed (only those in `tests`, the tests the reference
 * passes, when given), else how the check rejected it.
 */
export function trapOf(title: string, result: CheckResult, tests?: ReadonlySet<string>): Trap {
  const failed = unique(result.tests.filter((t) => t.status === 'failed').map((t) => t.fullName));
  const isTest = (n: string) => (tests ? tests.has(n) : n !== SUITE_FAILURE_TITLE);
  const caughtBy = failed.filter(isTest);
  const also = failed.filter((n) => !isTest(n));
  if (caughtBy.length > 0) return { title, caughtBy, ...(also.length > 0 ? { also } : {}) };
  switch (result.verdict) {
    case 'passed':
      return { title, caughtBy: [], other: 'No test catches it: every test passes on it.' };
    case 'compile-error': {
      const first = result.compileErrors[0];
      return { title, caughtBy: [], other: `It does not compile${first ? `: ${first.message}` : ''}.` };
    }
    case 'timeout':
      return { title, caughtBy: [], other: 'The check\'s time limit: it never finishes.' };
    default: {
      const why = also.length > 0 ? ` (${also.join('; ')})` : '';
      return { title, caughtBy: [], other: `${result.summary.replace(/\.$/, '')}${why}.` };
    }
  }
}

/** Verdicts that say nothing about the mistake itself: the report is shown but computed again next time. */
const UNFINISHED: ReadonlySet<string> = new Set(['cancelled', 'crashed']);

/**
 * Runs the reference, then every kept mistake of the drill in a language through `run`, one after another, and reads
 * which of the tests the reference passes fail on each mistake.
 */
export async function findTraps(drill: Pick<Drill, 'id' | 'tests' | 'solution' | 'mistakes' | 'python'>, language: Language, run: RunCheck): Promise<TrapReport> {
  const reference = await run(checkRequestIn(drill, language, solutionIn(drill, language)));
  let complete = !UNFINISHED.has(reference.verdict);
  const tests = new Set(reference.tests.filter((t) => t.status === 'passed').map((t) => t.fullName));
  const traps: Trap[] = [];
  for (const m of mistakesIn(drill, language)) {
    const result = await run(checkRequestIn(drill, language, m.code));
    if (UNFINISHED.has(result.verdict)) complete = false;
    traps.push(trapOf(m.title, result, tests));
  }
  const referenceProblem = complete && reference.verdict !== 'passed' ? `the reference solution does not pass its own tests (${reference.summary})` : undefined;
  return { drillId: drill.id, language, traps, complete, ...(referenceProblem ? { referenceProblem } : {}) };
}

/** What a trap report depends on: the drill's tests and its mistakes in that language. */
export function trapKey(drill: Pick<Drill, 'id' | 'tests' | 'solution' | 'mistakes' | 'python'>, language: Language): string {
  const hash = createHash('sha256');
  hash.update(language === 'python' ? drill.python?.tests ?? '' : drill.tests);
  hash.update(`\0${solutionIn(drill, language)}`);
  for (const m of mistakesIn(drill, language)) hash.update(`\0${m.title}\0${m.code}`);
  return `${drill.id}:${language}:${hash.digest('hex').slice(0, 16)}`;
}

/**
 * Trap reports computed once per drill and language (and recomputed when the drill's tests or mistakes change, e.g. a
 * pack reloaded after an edit). Asking again while one is computed shares it; an incomplete report is not kept.
 */
export class TrapCache {
  private readonly done = new Map<string, TrapReport>();
  private readonly pending = new Map<string, Promise<TrapReport>>();

  /** The finished report, if there is one for the drill as it is now. */
  peek(drill: Pick<Drill, 'id' | 'tests' | 'solution' | 'mistakes' | 'python'>, language: Language): TrapReport | undefined {
    return this.done.get(trapKey(drill, language));
  }

  get(drill: Pick<Drill, 'id' | 'tests' | 'solution' | 'mistakes' | 'python'>, language: Language, run: RunCheck): Promise<TrapReport> {
    const key = trapKey(drill, language);
    const done = this.done.get(key);
    if (done) return Promise.resolve(done);
    let pending = this.pending.get(key);
    if (!pending) {
      pending = findTraps(drill, language, run).then((report) => {
        if (report.complete) this.done.set(key, report);
        return report;
      }).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The reference as the left side of the diff, and the page

/**
 * The reference solution as the left side of the diff: under the header comment (or docstring) of the user's scratch
 * file, so the diff shows only the code. A file whose header was removed gets the reference alone.
 */
export function referenceText(solution: string, scratchText: string | undefined): string {
  const body = solution.endsWith('\n') ? solution : `${solution}\n`;
  if (scratchText === undefined) return body;
  const lines = scratchText.replace(/\r\n/g, '\n').split('\n');
  const opener = lines[0]?.trimStart() ?? '';
  let end = -1;
  if (opener.startsWith('/*')) end = lines.findIndex((l) => l.includes('*/'));
  else if (/^r?"""/.test(opener)) end = opener.replace(/^r?"""/, '').includes('"""') ? 0 : lines.findIndex((l, i) => i > 0 && l.includes('"""'));
  if (end < 0) return body;
  return `${lines.slice(0, end + 1).join('\n')}\n\n${body}`;
}

/** Inline code that holds any text, backticks included. */
function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Markdown text with its emphasis and link characters escaped (a mistake's title is plain text). */
function plain(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export interface LearnPage {
  language: Language;
  status: DrillStatus;
  /** The traps, once computed; undefined while they are. */
  traps?: TrapReport;
  /** Why the traps could not be computed (e.g. no python3). */
  trapsProblem?: string;
  /** The scratch file's name, e.g. "retry-flaky-call.ts". */
  scratchName: string;
}

/**
 * "What this drill tests" as markdown: the traps its tests catch (each kept mistake with the tests that fail on it),
 * where the reference is (the diff editor beside it), then the model answer and its key points.
 */
export function learnMarkdown(drill: Drill, page: LearnPage): string {
  const mistakes = mistakesIn(drill, page.language);
  const facts = [TIER_LABELS[drill.tier], topicLabel(drill.topic), LANGUAGE_LABELS[page.language], STATUS_LABELS[page.status]];
  const parts = [`# What this drill tests: ${plain(drill.title)}`, `*${facts.join(' · ')}*`, '## The traps its tests catch'];
  if (mistakes.length === 0) {
    parts.push('_This drill keeps no wrong answers to show._');
  } else if (page.trapsProblem) {
    parts.push(`_The traps could not be worked out: ${plain(page.trapsProblem)}_`, mistakes.map((m, i) => `${i + 1}. **${plain(m.title)}**`).join('\n'));
  } else if (!page.traps) {
    parts.push(`_Running the ${mistakes.length} kept ${mistakes.length === 1 ? 'mistake' : 'mistakes'} through the sandbox to see which tests catch them…_`,
      mistakes.map((m, i) => `${i + 1}. **${plain(m.title)}**`).join('\n'));
  } else {
    parts.push('Each is a plausible wrong answer kept with the drill; under it, the tests that fail on it (found by running it through the sandbox).');
    parts.push(page.traps.traps.map((t, i) => {
      const lines = [`${i + 1}. **${plain(t.title)}**`];
      if (t.caughtBy.length > 0) lines.push(`   Caught by ${t.caughtBy.length === 1 ? 'the test' : `${t.caughtBy.length} tests`}:`, ...t.caughtBy.map((n) => `   - ${code(n)}`));
      else lines.push(`   ${plain(t.other ?? 'No test catches it.')}`);
      if (t.caughtBy.length > 0 && t.also) lines.push(`   Also: ${t.also.map(plain).join('; ')}.`);
      return lines.join('\n');
    }).join('\n\n'));
    if (page.traps.referenceProblem) parts.push(`_Careful: ${plain(page.traps.referenceProblem)}._`);
    if (!page.traps.complete) parts.push('_Some checks did not finish; they run again the next time this page opens._');
  }
  parts.push('## The reference beside your code', `_The diff editor shows the reference solution (left, read-only) beside your ${code(page.scratchName)} (right)._`);
  parts.push(...answerParts(drill));
  return `${parts.join('\n\n')}\n`;
}
