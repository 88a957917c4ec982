// The bundled question bank (whatever is in questions/), checked through the real sandbox with one warm runner:
// it loads cleanly, covers the guide, and every drill's reference passes, its stub fails and its kept mistakes are
// rejected. One `it` per drill and per mistake, so a failure names what is wrong.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatPackError, TIERS, type Drill } from '../../src/core/model';
import { loadPackFromDirSync } from '../../src/core/pack';
import { drillCheckRequest, SandboxRunner, type CheckResult } from '../../src/core/runner';
import { TOPIC_IDS } from '../../src/core/topics';
import { questionsDir, sandboxScript } from '../fixtures/runner/support';

const MIN_DRILLS = 24;
const MIN_MISTAKES = 3;
/** The guide's fifteen questions: five per tier, in its order. */
const GUIDE_ORDERS = [1, 2, 3, 4, 5];

function explain(r: CheckResult): string {
  const lines = [`${r.verdict}: ${r.summary}`];
  for (const e of r.compileErrors) lines.push(`  ${e.file}:${e.line}:${e.column}: ${e.message}`);
  for (const t of r.tests.filter((x) => x.status === 'failed')) lines.push(`  ✗ ${t.fullName}\n${(t.message ?? '').replace(/^/gm, '      ')}`);
  return lines.join('\n');
}

describe('question bank', function () {
  this.timeout(30000);
  const { drills, errors } = loadPackFromDirSync(questionsDir);
  let runner: SandboxRunner;

  before(() => {
    runner = new SandboxRunner({ sandboxScript });
  });
  after(() => runner.dispose());

  describe('the pack', () => {
    it('loads with no errors', () => {
      assert.deepEqual(errors.map(formatPackError), []);
    });

    it('is all drill folders questions/<tier>/<id>/ with their minutes: no single-file drill is left', () => {
      for (const d of drills) {
        assert.equal(d.source.dir, path.join(questionsDir, d.tier, d.id), d.id);
        assert.ok(Number.isInteger(d.minutes), `${d.id} has no minutes`);
        assert.ok(d.mistakes.every((m) => m.file !== undefined && typeof m.blind === 'boolean'), d.id);
      }
      const left = TIERS.flatMap((t) => fs.readdirSync(path.join(questionsDir, t)).filter((n) => /\.ya?ml$/i.test(n)));
      assert.deepEqual(left, []);
    });

    it('gives every drill its key points (3-6, what an interviewer listens for): a bundled drill must, a user pack may not', () => {
      const without = drills.filter((d) => !d.keyPoints || d.keyPoints.length < 3 || d.keyPoints.length > 6).map((d) => d.id);
      assert.deepEqual(without, []);
    });

    it('has unique ids', () => {
      const ids = drills.map((d) => d.id);
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    });

    it('covers all twelve checklist topics', () => {
      const covered = new Set(drills.map((d) => d.topic));
      assert.deepEqual(TOPIC_IDS.filter((t) => !covered.has(t)), []);
    });

    it(`has at least ${MIN_DRILLS} drills`, () => {
      assert.ok(drills.length >= MIN_DRILLS, `only ${drills.length} drills`);
    });

    it("has the guide's fifteen questions: orders 1-5 in every tier, once each", () => {
      const missing: string[] = [];
      const doubled: string[] = [];
      for (const tier of TIERS) {
        for (const order of GUIDE_ORDERS) {
          const n = drills.filter((d) => d.tier === tier && d.order === order).length;
          if (n === 0) missing.push(`${tier} #${order}`);
          if (n > 1) doubled.push(`${tier} #${order}`);
        }
      }
      assert.deepEqual({ missing, doubled }, { missing: [], doubled: [] });
      assert.equal(drills.filter((d) => GUIDE_ORDERS.includes(d.order)).length, TIERS.length * GUIDE_ORDERS.length);
    });
  });

  for (const drill of drills) {
    describe(drill.id, () => defineDrillTests(drill));
  }

  function defineDrillTests(drill: Drill): void {
    it('the reference solution passes every test', async () => {
      const r = await runner.check(drillCheckRequest(drill, drill.solution));
      assert.equal(r.verdict, 'passed', explain(r));
      assert.equal(r.counts.skipped, 0, `skipped tests leave the reference unverified: ${r.summary}`);
      const names = r.tests.map((t) => t.fullName);
      assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], 'every test has a full name of its own');
    });

    it('the stub fails at least one test', async () => {
      const r = await runner.check(drillCheckRequest(drill, drill.stub));
      assert.equal(r.verdict, 'failed', `the stub must compile and fail: ${explain(r)}`);
      assert.ok(r.counts.failed >= 1);
    });

    it(`keeps at least ${MIN_MISTAKES} mistakes`, () => {
      assert.ok(drill.mistakes.length >= MIN_MISTAKES, `${drill.mistakes.length} mistakes`);
    });

    drill.mistakes.forEach((mistake, i) => {
      it(`mistake ${i + 1} is rejected: ${mistake.title}`, async () => {
        const r = await runner.check(drillCheckRequest(drill, mistake.code));
        // A clear test failure: a mistake that passes is not caught, and one that does not compile or hangs is not
        // a plausible answer.
        assert.equal(r.verdict, 'failed', explain(r));
      });
    });
  }
});
