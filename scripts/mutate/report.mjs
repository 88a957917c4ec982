// questions/mutation-report.json: one entry per drill, keyed by a hash of its solution.ts and solution.test.ts, with
// the mutation score and the mutants that survived. test/unit/mutation.test.ts holds every bundled drill to it.
//
// Score = killed / (killed + survivors), in percent, where killed counts mutants the tests failed on or timed out
// on, survivors are the mutants no test failed on (Stryker's Survived and NoCoverage), and mutants recorded as
// equivalent (same behaviour as the solution, no test can kill them) are left out. Mutants that do not compile
// (dropped by the TypeScript checker) or that crashed the run are not counted either.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPORT_FILE = 'questions/mutation-report.json';
export const DEBT_FILE = 'questions/mutation-debt.json';
export const BAR = 90;

const normalize = (text) => text.replace(/\r\n/g, '\n');

/** sha256 of the drill's solution.ts and solution.test.ts (line endings normalised). */
export function drillHash(solution, tests) {
  return createHash('sha256').update(normalize(solution)).update('\0').update(normalize(tests)).digest('hex');
}

export function readReport(repo) {
  const file = path.join(repo, REPORT_FILE);
  if (!fs.existsSync(file)) return { drills: {} };
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { drills: report.drills ?? {} };
}

export function writeReport(repo, report) {
  const drills = Object.fromEntries(Object.entries(report.drills).sort(([a], [b]) => a.localeCompare(b)));
  const out = {
    about:
      'Written by `npm run mutate [id...]`. Per drill: the sha256 of solution.ts + solution.test.ts, the score (killed / (killed + survivors), in percent, equivalent mutants left out), the survivors, and the survivors judged equivalent with a reason (kept across runs). test/unit/mutation.test.ts fails on a missing or stale entry or a score under 90.',
    drills,
  };
  fs.writeFileSync(path.join(repo, REPORT_FILE), `${JSON.stringify(out, null, 2)}\n`);
}

/** 1-based line and column, the mutator, and the source text it replaced. */
function describeMutant(source, mutant) {
  const offsets = lineOffsets(source);
  const { start, end } = mutant.location;
  const original = source.slice(offsets[start.line - 1] + start.column - 1, offsets[end.line - 1] + end.column - 1);
  return { line: start.line, column: start.column, mutator: mutant.mutatorName, original, replacement: mutant.replacement };
}

function lineOffsets(source) {
  const offsets = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') offsets.push(i + 1);
  return offsets;
}

const sameMutation = (a, b) => a.mutator === b.mutator && a.original === b.original && a.replacement === b.replacement;

/**
 * The report entry of one drill from Stryker's results for its solution.ts. Survivors matching an equivalent mutant
 * of the previous entry (same mutator, original and replacement text; the nearest line when several match) stay
 * equivalent with their reason; the other survivors are listed as survivors.
 */
export function entryFor(hash, source, results, previous) {
  const DETECTED = new Set(['Killed', 'Timeout']);
  const SURVIVED = new Set(['Survived', 'NoCoverage']);
  const detected = results.filter((r) => DETECTED.has(r.status)).length;
  const survivors = results
    .filter((r) => SURVIVED.has(r.status))
    .map((r) => describeMutant(source, r))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.mutator.localeCompare(b.mutator));
  const notCompiled = results.filter((r) => r.status === 'CompileError').length;
  const errors = results.filter((r) => r.status === 'RuntimeError').length;

  const equivalent = [];
  for (const known of previous?.equivalent ?? []) {
    let best = -1;
    for (let i = 0; i < survivors.length; i++) {
      if (!sameMutation(survivors[i], known)) continue;
      if (best < 0 || Math.abs(survivors[i].line - known.line) < Math.abs(survivors[best].line - known.line)) best = i;
    }
    if (best < 0) continue;
    const [match] = survivors.splice(best, 1);
    equivalent.push({ ...match, reason: known.reason });
  }
  equivalent.sort((a, b) => a.line - b.line || a.column - b.column);
  return { hash, score: scoreOf(detected, survivors.length), detected, notCompiled, errors, survivors, equivalent };
}

/** Percent with one decimal; 100 when nothing could be mutated. */
export function scoreOf(detected, survived) {
  const total = detected + survived;
  return total === 0 ? 100 : Math.floor((1000 * detected) / total) / 10;
}

/** questions/mutation-debt.json: the drills allowed under the bar while their tests are being strengthened. */
export function readDebt(repo) {
  const file = path.join(repo, DEBT_FILE);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

export function writeDebt(repo, debt) {
  fs.writeFileSync(path.join(repo, DEBT_FILE), `${JSON.stringify(debt, null, 2)}\n`);
}
