// The bank's mutation report (questions/mutation-report.json, written by `npm run mutate`) holds every bundled drill
// to its bar: an entry per drill, fresh (the hash of solution.ts + solution.test.ts matches), with a score of at least
// 90% (killed / (killed + survivors); survivors recorded as equivalent, with a reason, are left out). Drills named
// in questions/mutation-debt.json are still being strengthened: their score may be under the bar, and the list can
// only shrink (a listed drill that meets the bar fails the test until it is taken off the list).
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { questionsDir } from '../fixtures/runner/support';

const BAR = 90;
const REPORT = 'questions/mutation-report.json';
const DEBT = 'questions/mutation-debt.json';

interface Mutation {
  line: number;
  column: number;
  mutator: string;
  original: string;
  replacement: string;
}

interface Entry {
  hash: string;
  score: number;
  detected: number;
  survivors: Mutation[];
  equivalent: (Mutation & { reason?: string })[];
}

interface BankDrill {
  id: string;
  solution: string;
  tests: string;
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n');

function drillHash(solution: string, tests: string): string {
  return createHash('sha256').update(normalize(solution)).update('\0').update(normalize(tests)).digest('hex');
}

function scoreOf(detected: number, survived: number): number {
  const total = detected + survived;
  return total === 0 ? 100 : Math.floor((1000 * detected) / total) / 10;
}

/** Every problem of the report for these drills, one line each (an empty list: all good). */
function auditMutationReport(drills: readonly BankDrill[], report: { drills: Record<string, Entry> }, debt: readonly string[]): string[] {
  const problems: string[] = [];
  const rerun = (id: string) => `run \`npm run mutate ${id}\``;
  const ids = new Set(drills.map((d) => d.id));
  for (const drill of drills) {
    const entry = report.drills[drill.id];
    const owed = debt.includes(drill.id);
    if (!entry) {
      problems.push(`${drill.id}: no entry in ${REPORT}: ${rerun(drill.id)}`);
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
    if (score < BAR && !owed) {
      const survivors = entry.survivors.map((s) => `\n    solution.ts:${s.line}:${s.column} ${s.mutator}: ${JSON.stringify(s.original)} -> ${JSON.stringify(s.replacement)}`);
      problems.push(`${drill.id}: ${score}% of mutants killed, under the bar of ${BAR}%: kill these survivors with better tests, or record them as equivalent with a reason:${survivors.join('')}`);
    }
    if (score >= BAR && owed) problems.push(`${drill.id}: at ${score}% it meets the bar: take it off ${DEBT}`);
  }
  for (const id of debt) if (!ids.has(id)) problems.push(`${DEBT} names ${id}, which is not a bundled drill`);
  for (const id of Object.keys(report.drills)) if (!ids.has(id)) problems.push(`${REPORT} has an entry for ${id}, which is not a bundled drill: remove it`);
  return problems;
}

/** The bundled drills in folder form: questions/<tier>/<id>/ with solution.ts and solution.test.ts. */
function bankDrills(): BankDrill[] {
  const drills: BankDrill[] = [];
  for (const tier of fs.readdirSync(questionsDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const folder of fs.readdirSync(path.join(questionsDir, tier.name), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const dir = path.join(questionsDir, tier.name, folder.name);
      if (!fs.existsSync(path.join(dir, 'solution.ts'))) continue;
      drills.push({
        id: folder.name,
        solution: fs.readFileSync(path.join(dir, 'solution.ts'), 'utf8'),
        tests: fs.readFileSync(path.join(dir, 'solution.test.ts'), 'utf8'),
      });
    }
  }
  return drills;
}

function readJson<T>(file: string, fallback: T): T {
  const full = path.join(questionsDir, '..', file);
  return fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, 'utf8')) as T) : fallback;
}

describe('mutation report', () => {
  const mutation = (line: number): Mutation => ({ line, column: 3, mutator: 'EqualityOperator', original: 'a < b', replacement: 'a <= b' });
  const drill: BankDrill = { id: 'retry', solution: 'export const a = 1;\n', tests: "it('a', () => {});\n" };
  const fresh = (detected: number, survivors: Mutation[], extra: Partial<Entry> = {}): Entry => ({
    hash: drillHash(drill.solution, drill.tests),
    score: scoreOf(detected, survivors.length),
    detected,
    survivors,
    equivalent: [],
    ...extra,
  });

  describe('the audit', () => {
    it('accepts a fresh entry at the bar', () => {
      assert.deepEqual(auditMutationReport([drill], { drills: { retry: fresh(9, [mutation(4)]) } }, []), []);
    });

    it('reports a missing entry', () => {
      assert.match(auditMutationReport([drill], { drills: {} }, []).join('\n'), /^retry: no entry in questions\/mutation-report\.json: run `npm run mutate retry`$/);
    });

    it('reports a stale entry when the solution or the tests changed, even for a drill in the debt list', () => {
      const report = { drills: { retry: fresh(10, []) } };
      const changedTests = { ...drill, tests: `${drill.tests}it('b', () => {});\n` };
      const changedSolution = { ...drill, solution: 'export const a = 2;\n' };
      for (const changed of [changedTests, changedSolution]) {
        assert.match(auditMutationReport([changed], report, ['retry']).join('\n'), /^retry: stale entry/);
      }
      assert.deepEqual(auditMutationReport([{ ...drill, tests: drill.tests.replace(/\n/g, '\r\n') }], report, []), []);
    });

    it('reports a score under the bar with its survivors, and every failing drill in one go', () => {
      const other = { ...drill, id: 'other' };
      const report = { drills: { retry: fresh(8, [mutation(4), mutation(9)]), other: fresh(1, [mutation(2)]) } };
      const problems = auditMutationReport([drill, other], report, []);
      assert.equal(problems.length, 2);
      assert.match(problems[0], /^retry: 80% of mutants killed, under the bar of 90%.*\n {4}solution\.ts:4:3 EqualityOperator: "a < b" -> "a <= b"\n {4}solution\.ts:9:3/s);
      assert.match(problems[1], /^other: 50% of mutants killed/);
    });

    it('leaves equivalent survivors out of the score, and wants a reason for each', () => {
      const report = { drills: { retry: fresh(9, [], { equivalent: [{ ...mutation(4), reason: 'same result either way' }, mutation(5)] }) } };
      assert.equal(report.drills.retry.score, 100);
      assert.deepEqual(auditMutationReport([drill], report, []), ['retry: the equivalent mutant at solution.ts:5:3 (EqualityOperator) has no reason']);
    });

    it('reports a score that does not match its counts', () => {
      const report = { drills: { retry: { ...fresh(8, [mutation(4), mutation(9)]), score: 95 } } };
      assert.match(auditMutationReport([drill], report, []).join('\n'), /^retry: the score 95 does not match its counts \(80\)/);
    });

    it('lets a drill in the debt list stay under the bar, and fails once it meets it', () => {
      assert.deepEqual(auditMutationReport([drill], { drills: { retry: fresh(1, [mutation(4)]) } }, ['retry']), []);
      assert.deepEqual(auditMutationReport([drill], { drills: { retry: fresh(9, [mutation(4)]) } }, ['retry']), [
        'retry: at 90% it meets the bar: take it off questions/mutation-debt.json',
      ]);
    });

    it('reports debt and report entries for drills that do not exist', () => {
      const problems = auditMutationReport([drill], { drills: { retry: fresh(9, []), gone: fresh(9, []) } }, ['ghost']);
      assert.deepEqual(problems, [
        'questions/mutation-debt.json names ghost, which is not a bundled drill',
        'questions/mutation-report.json has an entry for gone, which is not a bundled drill: remove it',
      ]);
    });
  });

  it('every bundled drill has a fresh entry at or above the bar (or is in questions/mutation-debt.json)', () => {
    const drills = bankDrills();
    assert.ok(drills.length > 0, 'no drill folder (questions/<tier>/<id>/solution.ts) found');
    const report = readJson<{ drills: Record<string, Entry> }>(REPORT, { drills: {} });
    const debt = readJson<{ drills: string[] }>(DEBT, { drills: [] }).drills;
    const problems = auditMutationReport(drills, report, debt);
    assert.ok(problems.length === 0, `${problems.length} problem(s) in the mutation report:\n${problems.join('\n')}`);
  });
});
