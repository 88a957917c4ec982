// questions/mutation-report.json: one entry per drill, keyed by a hash of its solution.ts and solution.test.ts, with
// the mutation score and the mutants that survived. scripts/mutate.mjs writes it; test/unit/mutation.test.ts holds
// every bundled drill to it through auditMutationReport below.
//
// Score = killed / (killed + survivors), in percent, where killed counts mutants the tests failed on or timed out
// on, survivors are the mutants no test failed on (Stryker's Survived and NoCoverage), and mutants recorded as
// equivalent (same behaviour as the solution, no test can kill them) are left out. Mutants that do not compile
// (dropped by the TypeScript checker) or that crashed the run are not counted either.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPORT_FILE = 'questions/mutation-report.json';
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

/** The bundled drills in folder form, questions/<tier>/<id>/ with solution.ts: { id, dir, solution, tests }. */
export function bankDrills(repo) {
  const questions = path.join(repo, 'questions');
  const drills = [];
  for (const tier of fs.readdirSync(questions, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const folder of fs.readdirSync(path.join(questions, tier.name), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const dir = path.join(questions, tier.name, folder.name);
      if (!fs.existsSync(path.join(dir, 'solution.ts'))) continue;
      const read = (name) => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), 'utf8') : '');
      drills.push({ id: folder.name, dir, solution: read('solution.ts'), tests: read('solution.test.ts') });
    }
  }
  return drills.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every problem of the report for these drills ({ id, solution, tests }), one message each; none when all is well. */
export function auditMutationReport(drills, report) {
  const problems = [];
  const rerun = (id) => `run \`npm run mutate ${id}\``;
  const ids = new Set(drills.map((d) => d.id));
  for (const drill of drills) {
    const entry = report.drills[drill.id];
    if (!entry) {
      problems.push(`${drill.id}: no entry in ${REPORT_FILE}: ${rerun(drill.id)}`);
      continue;
    }
    if (entry.hash !== drillHash(drill.solution, drill.tests)) {
      problems.push(`${drill.id}: stale entry (solution.ts or solution.test.ts changed since it was mutated): ${rerun(drill.id)}`);
      continue;
    }
    const score = scoreOf(entry.detected, entry.survivors.length);
    if (score !== entry.score) {
      problems.push(`${drill.id}: the score ${entry.score} does not match its counts (${score}): ${rerun(drill.id)}`);
      continue;
    }
    for (const e of entry.equivalent) {
      if (typeof e.reason !== 'string' || e.reason.trim() === '') {
        problems.push(`${drill.id}: the equivalent mutant at solution.ts:${e.line}:${e.column} (${e.mutator}) has no reason`);
      }
    }
    if (score < BAR) {
      const survivors = entry.survivors.map((m) => `\n    solution.ts:${m.line}:${m.column} ${m.mutator}: ${JSON.stringify(m.original)} -> ${JSON.stringify(m.replacement)}`);
      problems.push(
        `${drill.id}: ${score}% of mutants killed, under the bar of ${BAR}%: kill these survivors with better tests, or record them as equivalent with a reason:${survivors.join('')}`,
      );
    }
  }
  for (const id of Object.keys(report.drills)) if (!ids.has(id)) problems.push(`${REPORT_FILE} has an entry for ${id}, which is not a bundled drill: remove it`);
  return problems;
}
