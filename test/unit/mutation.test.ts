// The bank's mutation report (questions/mutation-report.json, written by `npm run mutate`) holds every bundled drill
// to its bar: an entry per drill, fresh (the hash of solution.ts + solution.test.ts matches), with a score of at least
// 90% (killed / (killed + survivors); survivors recorded as equivalent, with a reason, are left out). No drill is
// excused.
// The rules live in scripts/mutate/report.mjs, shared with the script that writes the report.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../fixtures/runner/support';

interface Mutation {
  line: number;
  column: number;
  mutator: string;
  original: string;
  replacement: string;
  reason?: string;
}

interface Entry {
  hash: string;
  score: number;
  detected: number;
  notCompiled?: number;
  errors?: number;
  survivors: Mutation[];
  equivalent: Mutation[];
}

interface Report {
  drills: Record<string, Entry>;
}

interface BankDrill {
  id: string;
  solution: string;
  tests: string;
}

/** A mutant as Stryker reports it (1-based lines and columns). */
interface StrykerResult {
  status: string;
  mutatorName: string;
  replacement: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface ReportModule {
  BAR: number;
  drillHash(solution: string, tests: string): string;
  scoreOf(detected: number, survived: number): number;
  entryFor(hash: string, source: string, results: StrykerResult[], previous: Entry | undefined): Entry;
  auditMutationReport(drills: readonly BankDrill[], report: Report): string[];
  bankDrills(repo: string): BankDrill[];
  readReport(repo: string): Report;
}

describe('mutation report', () => {
  let m: ReportModule;
  before(async () => {
    m = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'mutate', 'report.mjs')).href)) as ReportModule;
  });

  const mutation = (line: number): Mutation => ({ line, column: 3, mutator: 'EqualityOperator', original: 'a < b', replacement: 'a <= b' });
  const drill: BankDrill = { id: 'retry', solution: 'export const a = 1;\n', tests: "it('a', () => {});\n" };
  const fresh = (detected: number, survivors: Mutation[], extra: Partial<Entry> = {}): Entry => ({
    hash: m.drillHash(drill.solution, drill.tests),
    score: m.scoreOf(detected, survivors.length),
    detected,
    survivors,
    equivalent: [],
    ...extra,
  });

  describe('the audit', () => {
    it('accepts a fresh entry at the bar', () => {
      assert.equal(m.BAR, 90);
      assert.deepEqual(m.auditMutationReport([drill], { drills: { retry: fresh(9, [mutation(4)]) } }), []);
    });

    it('reports a missing entry', () => {
      assert.deepEqual(m.auditMutationReport([drill], { drills: {} }), ['retry: no entry in questions/mutation-report.json: run `npm run mutate retry`']);
    });

    it('reports a stale entry when the solution or the tests changed', () => {
      const report = { drills: { retry: fresh(10, []) } };
      for (const changed of [{ ...drill, tests: `${drill.tests}it('b', () => {});\n` }, { ...drill, solution: 'export const a = 2;\n' }]) {
        assert.match(m.auditMutationReport([changed], report).join('\n'), /^retry: stale entry .*npm run mutate retry/);
      }
      // Line endings do not count.
      assert.deepEqual(m.auditMutationReport([{ ...drill, tests: drill.tests.replace(/\n/g, '\r\n') }], report), []);
    });

    it('reports a score under the bar with its survivors, and every failing drill in one go', () => {
      const other = { ...drill, id: 'other' };
      const report = { drills: { retry: fresh(8, [mutation(4), mutation(9)]), other: fresh(1, [mutation(2)]) } };
      const problems = m.auditMutationReport([drill, other], report);
      assert.equal(problems.length, 2);
      assert.match(problems[0], /^retry: 80% of mutants killed, under the bar of 90%.*\n {4}solution\.ts:4:3 EqualityOperator: "a < b" -> "a <= b"\n {4}solution\.ts:9:3 /s);
      assert.match(problems[1], /^other: 50% of mutants killed/);
    });

    it('leaves equivalent survivors out of the score, and wants a reason for each', () => {
      const report = { drills: { retry: fresh(9, [], { equivalent: [{ ...mutation(4), reason: 'same result either way' }, mutation(5)] }) } };
      assert.equal(report.drills.retry.score, 100);
      assert.deepEqual(m.auditMutationReport([drill], report), ['retry: the equivalent mutant at solution.ts:5:3 (EqualityOperator) has no reason']);
    });

    it('reports a score that does not match its counts (a survivor moved by hand without a re-run)', () => {
      const report = { drills: { retry: { ...fresh(8, [mutation(4), mutation(9)]), score: 95 } } };
      assert.match(m.auditMutationReport([drill], report).join('\n'), /^retry: the score 95 does not match its counts \(80\)/);
    });

    it('reports report entries for drills that do not exist', () => {
      assert.deepEqual(m.auditMutationReport([drill], { drills: { retry: fresh(9, []), gone: fresh(9, []) } }), [
        'questions/mutation-report.json has an entry for gone, which is not a bundled drill: remove it',
      ]);
    });
  });

  describe('an entry from Stryker results', () => {
    const source = 'export function f(a: number, b: number) {\n  return a < b;\n}\n\nexport const g = (a: number, b: number) => a < b;\n';
    const result = (status: string, line: number, column: number, replacement = 'a <= b'): StrykerResult => ({
      status,
      mutatorName: 'EqualityOperator',
      replacement,
      location: { start: { line, column }, end: { line, column: column + 5 } },
    });

    it('counts killed and timed-out mutants as killed, survived and uncovered ones as survivors, and leaves out the rest', () => {
      const statuses = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError'];
      const entry = m.entryFor('h', source, statuses.map((s) => result(s, 2, 10)), undefined);
      assert.deepEqual({ ...entry, survivors: entry.survivors.length }, { hash: 'h', score: 50, detected: 2, notCompiled: 1, errors: 1, survivors: 2, equivalent: [] });
      assert.deepEqual(entry.survivors[0], { line: 2, column: 10, mutator: 'EqualityOperator', original: 'a < b', replacement: 'a <= b' });
    });

    it('keeps an equivalent survivor and its reason across runs, at its new line, and drops it once it is killed', () => {
      const previous: Entry = { hash: 'old', score: 100, detected: 1, survivors: [], equivalent: [{ ...mutation(1), column: 10, reason: 'why' }] };
      const again = m.entryFor('h', source, [result('Survived', 2, 10), result('Killed', 5, 44)], previous);
      assert.deepEqual(again.survivors, []);
      assert.deepEqual(again.equivalent, [{ line: 2, column: 10, mutator: 'EqualityOperator', original: 'a < b', replacement: 'a <= b', reason: 'why' }]);
      assert.equal(again.score, 100);
      const killed = m.entryFor('h', source, [result('Killed', 2, 10)], previous);
      assert.deepEqual(killed.equivalent, []);
    });

    it('matches an equivalent mutant to the survivor on the nearest line when several look the same', () => {
      const previous: Entry = { hash: 'old', score: 100, detected: 0, survivors: [], equivalent: [{ ...mutation(6), column: 44, reason: 'why' }] };
      const entry = m.entryFor('h', source, [result('Survived', 2, 10), result('Survived', 5, 44)], previous);
      assert.deepEqual(entry.equivalent.map((e) => e.line), [5]);
      assert.deepEqual(entry.survivors.map((e) => e.line), [2]);
      assert.equal(m.entryFor('h', source, [result('Survived', 2, 10, 'a > b')], previous).equivalent.length, 0);
    });
  });

  it('every bundled drill has a fresh entry at or above the bar', () => {
    const drills = m.bankDrills(repoRoot);
    assert.ok(drills.length > 0, 'no drill folder (questions/<tier>/<id>/solution.ts) found');
    const problems = m.auditMutationReport(drills, m.readReport(repoRoot));
    assert.ok(problems.length === 0, `${problems.length} problem(s) in the mutation report:\n${problems.join('\n')}`);
  });
});
