// Every rule a drill's tests check of the solution's output is stated in its prompt (the rule is described at the
// top of test/promptLiterals.ts), and every prompt has the same shape: the interviewer's question as the opening
// `>` blockquote in double quotes, a task part of at most TASK_WORDS words, and the fine print in one
// `<details><summary>Details and edge cases</summary>` list.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countWords, describeRequirement, promptBlocks, promptParts, requirements, stated } from '../promptLiterals';
import { questionsDir } from '../fixtures/runner/support';

/**
 * Drills being rewritten on other branches while this check lands (retier, new-data, new-ops). The lead removes
 * this list after merging them, so the check then covers every drill.
 */
/**
 * Requirements the prompt states in other words, reviewed one by one: the drill, the literal as written in
 * solution.test.ts, and the prompt sentence that states it (checked to be in the prompt). Keep this short.
 */
const STATED_IN_OTHER_WORDS: { drill: string; literal: string; sentence: string }[] = [
  // The fake disk's own error (code and message), passed through unchanged.
  { drill: 'atomic-config-write', literal: '/^EIO: .* failed$/', sentence: 'reject with the original error' },
  // The fake disk's step log of a create, with the temp name's id left open.
  { drill: 'atomic-config-write', literal: '/^create \\/etc\\/app\\/\\.config\\.json\\.[^/]+\\.tmp$/', sentence: 'named <dir>/.<base>.<id>.tmp where <id> comes from makeId()' },
  // A secret that spans the message and the detail, and an encoded secret beside a plain one.
  { drill: 'secrets-from-environment', literal: "'ERROR key [REDACTED] rejected'", sentence: 'Redaction works on the whole finished line, so a secret spanning message and detail is caught' },
  { drill: 'secrets-from-environment', literal: "'INFO GET /x?k=[REDACTED] and [REDACTED]'", sentence: 'including its URL-encoded form (encodeURIComponent(secret))' },
  // Output caps applied to chunks the test streams in ('abcde', 'fghij', ...).
  { drill: 'run-command-with-timeout', literal: "'abcdefghij'", sentence: 'stdout keeps its first maxOutputChars characters' },
  { drill: 'run-command-with-timeout', literal: "'123456789X'", sentence: 'stderr keeps its last maxOutputChars characters' },
  // Values the test's environment gives, run together by the template ('${_}${_x1}${a}...' with _ = 'u', ...).
  { drill: 'render-env-template', literal: "'uxAzinfo'", sentence: 'a substituted value or default is inserted as it is' },
  // A thrown plain object printed with String(): '[object Object]'.
  { drill: 'preflight-checklist', literal: "'cannot read config deploy.json: [object Object]'", sentence: 'or String(value) if what was thrown is not an Error' },
  // parseArgs' own short form with the value attached ('-iweb:4').
  { drill: 'cli-subcommands', literal: "'web:4'", sentence: "the rest are that subcommand's own options, parsed with parseArgs in strict mode" },
];

/** The words of the task part a prompt may have: everything but the opening blockquote and the details list. */
const TASK_WORDS = 260;
const DETAILS_OPEN = '<details><summary>Details and edge cases</summary>';

interface DrillFiles { id: string; dir: string; prompt: string; test: string }

function drills(): DrillFiles[] {
  const out: DrillFiles[] = [];
  for (const tier of ['beginner', 'intermediate', 'scenario']) {
    for (const id of fs.readdirSync(path.join(questionsDir, tier)).sort()) {
      const dir = path.join(questionsDir, tier, id);
      if (!fs.existsSync(path.join(dir, 'prompt.md'))) continue;
      out.push({
        id,
        dir,
        prompt: fs.readFileSync(path.join(dir, 'prompt.md'), 'utf8'),
        test: fs.readFileSync(path.join(dir, 'solution.test.ts'), 'utf8'),
      });
    }
  }
  return out;
}

function unstated(d: DrillFiles) {
  const allowed = new Set(STATED_IN_OTHER_WORDS.filter((a) => a.drill === d.id).map((a) => a.literal));
  return requirements(d.test, path.join(d.dir, 'solution.test.ts'))
    .filter((r) => !stated(r, d.prompt) && !allowed.has(r.source))
    .map(describeRequirement);
}

describe('prompts state what the tests require', function () {
  this.timeout(60000);
  const all = drills();

  describe('the rule', () => {
    const test = (body: string) => `import { f } from './solution';\ndescribe('f', () => {\n  it('works', () => {\n${body}\n  });\n});\n`;
    const check = (body: string, prompt: string) => requirements(test(body)).filter((r) => !stated(r, prompt)).map((r) => r.source);

    it('flags a required message the prompt does not give, and accepts it once the prompt gives it', () => {
      const body = "    expect(() => f('web', 0)).toThrow('replicas must be at least 1');";
      assert.deepEqual(check(body, '> "Q?"\n\nWrite `f(name, n)`. Throw when `n` is too small.\n'), ["'replicas must be at least 1'"]);
      assert.deepEqual(check(body, '> "Q?"\n\nWrite `f(name, n)`. When `n` < 1 throw `replicas must be at least 1`.\n'), []);
    });

    it('treats what the test passes in and the numbers as holes, so a template with placeholders states the message', () => {
      const body = [
        "    const lines: string[] = [];",
        "    f('upload', new Error('socket hang up'), (l: string) => lines.push(l));",
        "    expect(lines).toEqual(['retrying upload after attempt 1/3: socket hang up']);",
      ].join('\n');
      assert.deepEqual(check(body, 'Log `retrying <name> after attempt <n>/<max>: <message>` before each new call.'), []);
      assert.deepEqual(check(body, 'Log `retry <name> (attempt <n> of <max>): <message>`.'), ["'retrying upload after attempt 1/3: socket hang up'"]);
      // The pieces must come in the test's order, in one paragraph or list item.
      assert.deepEqual(check(body, 'Log `after attempt <n>/<max>: <message>, retrying <name>`.'), ["'retrying upload after attempt 1/3: socket hang up'"]);
      assert.deepEqual(check(body, 'Log `retrying <name>`.\n\nThen `after attempt <n>/<max>: <message>`.'), ["'retrying upload after attempt 1/3: socket hang up'"]);
    });

    it('reads regexes: variable parts are holes, a top-level alternative is enough, /i ignores case', () => {
      assert.deepEqual(check("    expect(() => f('qa')).toThrow(/unknown environment.*qa/);", 'Throw `unknown environment <name>`.'), []);
      assert.deepEqual(check("    expect(() => f('qa')).toThrow(/unknown env(ironment)? qa/);", 'Throw `unknown env <name>`.'), []);
      assert.deepEqual(check("    expect(() => f('qa')).toThrow(/no such environment|unknown environment/);", 'Say `unknown environment`.'), []);
      assert.deepEqual(check("    expect(() => f('qa')).toThrow(/UNKNOWN environment/i);", 'Say `unknown environment`.'), []);
      assert.deepEqual(check("    expect(() => f('qa')).toThrow(/UNKNOWN environment/);", 'Say `unknown environment`.'), ['/UNKNOWN environment/']);
    });

    it('requires whole words at the ends: a required "skip" is not stated by "skipped"', () => {
      assert.deepEqual(check("    expect(f('a')).toBe('skip');", 'Return `skipped`.'), ["'skip'"]);
      assert.deepEqual(check("    expect(f('a')).toBe('skip');", "Return `'skip'`."), []);
    });

    it('asks for an allowlisted sentence when a regex fixes the order of two inputs only', () => {
      assert.deepEqual(check("    expect(() => f('qa', 'image')).toThrow(/qa.*image/);", 'Throw an error naming the environment and the key.'), ['/qa.*image/']);
      assert.deepEqual(check("    expect(() => f('qa', 'image')).toThrow(/qa/);\n    expect(() => f('qa', 'image')).toThrow(/image/);", 'Throw an error naming the environment and the key.'), []);
    });

    it('follows constants and helper parameters to the literals they hold, and ignores .not and inputs passed through', () => {
      const body = [
        "    const expected = 'deploy blocked: freeze window';",
        "    expect(f()).toBe(expected);",
        "    expect(f()).not.toContain('stack trace');",
        "    const given = 'passed straight through';",
        "    expect(f(given)).toBe(given);",
        "  });",
        "  function sees(...parts: string[]) { for (const part of parts) expect(f()).toContain(part); }",
        "  it('helper', () => {",
        "    sees('first required', 'second required');",
      ].join('\n');
      assert.deepEqual(check(body, 'Nothing stated.'), ["'deploy blocked: freeze window'", "'first required'", "'second required'"]);
    });

    it('takes the keys of data objects passed in as inputs, not the method names of a fake or the keys expected', () => {
      const body = "    const api = { exit: (code: number) => code };\n    expect(() => f(api, { name: 'web' })).toThrow(/exit code 1/);\n    expect(f(api)).toEqual({ code: 'web' });";
      assert.deepEqual(check(body, 'Say the exit status.'), ['/exit code 1/']);
      assert.deepEqual(check("    expect(f({ Db: { x: 1 } })).toBe('{\"Db\":1}');", 'Return `{"<name>":<count>}`.'), []);
    });

    it('ignores object keys and counts literal values nested in expected objects', () => {
      assert.deepEqual(check("    expect(f()).toEqual({ status: 'degraded', count: 2 });", 'Say when it is `degraded`.'), []);
      assert.deepEqual(check("    expect(f()).toMatchObject({ status: 'degraded' });", 'Nothing.'), ["'degraded'"]);
    });

    it('reads the prompt by paragraph and list item, without backticks or emphasis', () => {
      assert.deepEqual(promptBlocks('> "Q"\n\nA `b`\nc **d**.\n\n- one\n  two\n- three\n'), ['"Q"', 'A b c d.', '- one two', '- three']);
    });
  });

  describe('allowlist', () => {
    for (const a of STATED_IN_OTHER_WORDS) {
      it(`${a.drill}: ${a.literal} is still required and the prompt still says "${a.sentence}"`, () => {
        const d = all.find((x) => x.id === a.drill);
        assert.ok(d, `no drill ${a.drill}`);
        const norm = (s: string) => s.replace(/[`*]/g, '').replace(/\s+/g, ' ');
        assert.ok(norm(d.prompt).includes(norm(a.sentence)), `${a.drill}/prompt.md no longer says: ${a.sentence}`);
        const req = requirements(d.test).find((r) => r.source === a.literal);
        assert.ok(req, `${a.drill}/solution.test.ts no longer requires ${a.literal}: remove the entry`);
        assert.ok(!stated(req, d.prompt), `${a.drill}: ${a.literal} is now stated in the prompt's own words: remove the entry`);
      });
    }
  });

  for (const d of all) {
    describe(d.id, () => {
      it('states in prompt.md every literal its tests require of the output', () => {
        assert.deepEqual(unstated(d), [], `${d.id}/prompt.md does not state what ${d.id}/solution.test.ts requires (see test/promptLiterals.ts for the rule): state it in the prompt or loosen the test to what the prompt says`);
      });

      it('opens with the interviewer question as a ">" blockquote in double quotes', () => {
        const { quote } = promptParts(d.prompt);
        assert.match(quote, /^> "/, `${d.id}/prompt.md:1: start with the interviewer's question as '> "..."'`);
        assert.match(quote, /"$/, `${d.id}/prompt.md: the opening blockquote ends with the closing double quote`);
      });

      it(`keeps the task part within ${TASK_WORDS} words, the fine print in one details list`, () => {
        const { task, details } = promptParts(d.prompt);
        const words = countWords(task);
        assert.ok(words <= TASK_WORDS, `${d.id}/prompt.md: the task part has ${words} words (limit ${TASK_WORDS}); move fine print into the ${DETAILS_OPEN} list`);
        if (details) {
          assert.ok(details.startsWith(`${DETAILS_OPEN}\n\n`), `${d.id}/prompt.md: the details list opens with "${DETAILS_OPEN}" and a blank line (so its markdown renders)`);
          assert.ok(details.endsWith('\n\n</details>'), `${d.id}/prompt.md: a blank line before </details>`);
          assert.equal(d.prompt.split('<details>').length, 2, `${d.id}/prompt.md: one details list`);
        }
      });
    });
  }
});
