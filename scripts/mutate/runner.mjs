// A Stryker test runner that checks mutants in our own sandbox: each drill's `solution.test.ts` runs against the
// instrumented `solution.ts` through a warm SandboxRunner (the same runner the extension and `drills check` use), one
// fresh V8 context per run. Stryker's instrumented code looks up the active mutant in `globalThis.__stryker__`; the
// files of a run are sent with one statement put in front of the instrumented solution (on its first line, so line
// numbers stay) that sets it. Nothing in the sandbox knows about Stryker.
//
// Loaded by Stryker from scripts/mutate.mjs, which passes the drills and the runner bundle in `drillsRunner`.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { DryRunStatus, MutantRunStatus, TestStatus } from '@stryker-mutator/api/test-runner';

export const SOLUTION = 'solution.ts';
/**
 * Evaluations of the active mutant in one run after which the run is stopped as a timeout (the instrumented code
 * throws): an endless loop around a mutant ends in milliseconds instead of at the time limit. Drills run small inputs;
 * no test evaluates one spot of a solution a hundred thousand times.
 */
export const HIT_LIMIT = 100_000;
const HIT_LIMIT_MESSAGE = 'Stryker: Hit count limit reached';
export const TESTS = 'solution.test.ts';

export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  type: 'object',
  properties: {
    drillsRunner: {
      type: 'object',
      description: 'Options of the drills test runner (set by scripts/mutate.mjs).',
      properties: {
        runnerModule: { type: 'string', description: 'The SandboxRunner bundle (absolute path).' },
        sandboxScript: { type: 'string', description: 'dist/sandbox.js (absolute path).' },
        drills: {
          type: 'array',
          description: 'The drills to run: id and folder relative to the project.',
          items: { type: 'object', properties: { id: { type: 'string' }, dir: { type: 'string' } } },
        },
      },
    },
  },
};

class DrillsTestRunner {
  static inject = tokens(commonTokens.options, commonTokens.logger);

  constructor(options, log) {
    this.options = options.drillsRunner;
    this.log = log;
    /** Drill folder (absolute, in Stryker's sandbox) -> { id, tests, solution } read once. */
    this.files = new Map();
  }

  capabilities() {
    // Every run loads the drill afresh in a new V8 context, so static mutants are activated like the others.
    return { reloadEnvironment: true };
  }

  async init() {
    const { SandboxRunner } = createRequire(import.meta.url)(this.options.runnerModule);
    this.runner = new SandboxRunner({ sandboxScript: this.options.sandboxScript });
    this.byDir = new Map(this.options.drills.map((d) => [path.resolve(d.dir), d.id]));
  }

  async dispose() {
    this.runner?.dispose();
  }

  drill(dir) {
    let files = this.files.get(dir);
    if (!files) {
      const id = this.byDir.get(dir);
      if (!id) throw new Error(`${dir} is not the folder of a drill being mutated`);
      files = { id, solution: fs.readFileSync(path.join(dir, SOLUTION), 'utf8'), tests: fs.readFileSync(path.join(dir, TESTS), 'utf8') };
      this.files.set(dir, files);
    }
    return files;
  }

  async check(dir, timeoutMs, activeMutant) {
    const { id, solution, tests } = this.drill(dir);
    // The instrumented code keeps its namespace on the context's globalThis; a fresh context starts without one.
    const activate =
      activeMutant === undefined ? '' : `globalThis.__stryker__ = { activeMutant: ${JSON.stringify(activeMutant)}, hitLimit: ${HIT_LIMIT}, hitCount: 0 }; `;
    const result = await this.runner.check({
      files: { [SOLUTION]: activate + solution, [TESTS]: tests },
      entry: TESTS,
      rootDir: dir,
      timeoutMs,
    });
    return { id, result };
  }

  async dryRun(options) {
    const tests = [];
    for (const dir of this.byDir.keys()) {
      const { id, result } = await this.check(dir, options.timeout);
      if (result.verdict !== 'passed') {
        const failed = result.tests.filter((t) => t.status === 'failed').map((t) => `${t.fullName}: ${t.message ?? ''}`);
        return { status: DryRunStatus.Error, errorMessage: `${id}: the tests do not pass on the unmutated solution (${result.summary})\n${failed.join('\n')}` };
      }
      for (const t of result.tests) {
        const common = { id: `${id} › ${t.fullName}`, name: `${id} › ${t.fullName}`, timeSpentMs: t.durationMs, fileName: path.join(dir, TESTS) };
        tests.push(t.status === 'skipped' ? { ...common, status: TestStatus.Skipped } : { ...common, status: TestStatus.Success });
      }
    }
    return { status: DryRunStatus.Complete, tests };
  }

  async mutantRun(options) {
    const dir = path.dirname(path.resolve(options.sandboxFileName));
    // Stryker restarts this whole worker when its own timer (options.timeout) fires first: the sandbox stops sooner.
    const { id, result } = await this.check(dir, Math.max(1000, options.timeout - 1000), options.activeMutant.id);
    const nrOfTests = result.tests.length;
    const endless = result.tests.find((t) => t.status === 'failed' && t.message?.includes(HIT_LIMIT_MESSAGE));
    if (endless) return { status: MutantRunStatus.Timeout, reason: `${endless.fullName}: the mutant ran more than ${HIT_LIMIT} times` };
    switch (result.verdict) {
      case 'passed':
        return { status: MutantRunStatus.Survived, nrOfTests, duration: result.durationMs };
      case 'failed':
      case 'no-tests': {
        const failed = result.tests.filter((t) => t.status === 'failed');
        return {
          status: MutantRunStatus.Killed,
          killedBy: failed.map((t) => `${id} › ${t.fullName}`),
          failureMessage: failed[0]?.message ?? result.summary,
          nrOfTests,
          duration: result.durationMs,
        };
      }
      case 'timeout':
        return { status: MutantRunStatus.Timeout, reason: result.summary, duration: result.durationMs };
      case 'out-of-memory':
      case 'output-limit':
        // The mutant made the tests blow a limit: as good as a failing test.
        return { status: MutantRunStatus.Killed, killedBy: [], failureMessage: result.summary, nrOfTests, duration: result.durationMs };
      default:
        // compile-error, crashed, cancelled: not the tests' verdict.
        return { status: MutantRunStatus.Error, errorMessage: `${result.verdict}: ${result.summary}` };
    }
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'drills', DrillsTestRunner)];
