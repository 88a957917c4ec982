// The bank is type-checked under the scratch folder's strict tsconfig: every stub alone, every solution and kept
// mistake (patch applied) with its tests. And a type error anywhere in a copy of the bank is caught, by this check
// and by `tsc -p questions` (part of `npm run check-types`).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPackFromDirSync } from '../../src/core/pack';
import { SCRATCH_ENV_DTS } from '../../src/core/scratch';
import { checkBankTypes, formatTypeProblem } from '../fixtures/bankTypes';
import { questionsDir, repoRoot } from '../fixtures/runner/support';

const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

describe('the bank type-checks', function () {
  // One program over every drill and kept mistake: about 30 s of CPU for 34 drills, which takes minutes of wall
  // clock on a shared, busy machine.
  this.timeout(300000);

  it('every stub, solution, test file and applied mistake compiles under the scratch tsconfig', () => {
    const { drills, errors } = loadPackFromDirSync(questionsDir);
    assert.deepEqual(errors, []);
    assert.ok(drills.length >= 28);
    assert.deepEqual(checkBankTypes(drills, path.join(questionsDir, 'types')).map(formatTypeProblem), []);
  });

  it("questions/types/drills-env.d.ts is the scratch folder's drills-env.d.ts", () => {
    assert.equal(fs.readFileSync(path.join(questionsDir, 'types', 'drills-env.d.ts'), 'utf8'), SCRATCH_ENV_DTS);
  });

  describe('a type error in a copy of the bank fails', () => {
    let tmp: string;
    let copy: string;
    const drill = (...parts: string[]) => path.join(copy, 'beginner', 'retry-flaky-call', ...parts);
    const edit = (file: string, from: string | RegExp, to: string) => {
      const text = fs.readFileSync(file, 'utf8');
      const next = text.replace(from, to);
      assert.notEqual(next, text, `${file}: nothing to replace`);
      fs.writeFileSync(file, next);
    };
    const problems = () => {
      const { drills, errors } = loadPackFromDirSync(copy);
      assert.deepEqual(errors, []);
      assert.deepEqual(drills.map((d) => d.id), ['retry-flaky-call']);
      return checkBankTypes(drills, path.join(copy, 'types'));
    };

    beforeEach(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-types-'));
      copy = path.join(tmp, 'questions');
      // One drill is enough, with the types and the tsconfig of the bank.
      for (const part of ['types', 'tsconfig.json', path.join('beginner', 'retry-flaky-call')]) fs.cpSync(path.join(questionsDir, part), path.join(copy, part), { recursive: true });
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('in a stub', () => {
      edit(drill('stub.ts'), /^(export async function retry<T>\(.*\{)$/m, "$1\n  const n: number = 'three';");
      const found = problems();
      assert.equal(found.length, 1, found.map(formatTypeProblem).join('\n'));
      assert.equal(found[0]!.file, drill('stub.ts'));
      assert.match(found[0]!.message, /Type 'string' is not assignable to type 'number'/);
    });

    it('in a solution (seen by its tests too)', () => {
      // Appended, so the mistakes' patches still apply.
      fs.appendFileSync(drill('solution.ts'), "export const attempts: number = 'three';\n");
      const found = problems();
      assert.ok(found.some((p) => p.file === drill('solution.ts') && p.variant === 'solution.ts'), found.map(formatTypeProblem).join('\n'));
      // The appended line is in every applied mistake too, and nowhere else.
      assert.ok(found.every((p) => /Type 'string' is not assignable to type 'number'/.test(p.message) && (p.variant === 'solution.ts' || /applied to solution\.ts, as solution\.ts$/.test(p.variant))));
    });

    it('in a test file', () => {
      edit(drill('solution.test.ts'), /^(describe\()/m, "const wrong: string = 42;\n$1");
      const found = problems();
      assert.ok(found.length >= 1);
      assert.ok(found.every((p) => p.file === drill('solution.test.ts')), found.map(formatTypeProblem).join('\n'));
    });

    it('in a kept mistake, once its patch is applied', () => {
      const patch = 'sleeps-after-the-last-failed-attempt-too.patch';
      edit(drill('mistakes', patch), '+      const next = attempt === retries', '+      const next: number = attempt === retries');
      const found = problems();
      assert.ok(found.length >= 1);
      assert.ok(found.every((p) => p.file === drill('mistakes', patch) && /applied to solution\.ts/.test(p.variant)), found.map(formatTypeProblem).join('\n'));
    });

    it('through tsc -p questions as well (npm run check-types)', () => {
      const clean = spawnSync(process.execPath, [tsc, '-p', copy], { encoding: 'utf8' });
      assert.equal(clean.status, 0, clean.stdout);
      edit(drill('solution.test.ts'), /^(describe\()/m, "const wrong: string = 42;\n$1");
      const broken = spawnSync(process.execPath, [tsc, '-p', copy], { encoding: 'utf8' });
      assert.equal(broken.status, 2);
      assert.match(broken.stdout, /retry-flaky-call\/solution\.test\.ts\(\d+,\d+\): error TS2322/);
    });
  });
});
