// `drills`: the question pack and the solution checker from a terminal (bundled to dist/cli.js, which ships beside
// dist/sandbox.js and ../questions). Exit codes: 0 success, 1 failures (tests or pack errors), 2 usage or other errors.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPackWithCache } from '../core/compiledPack';
import { loadPackFromDir } from '../core/pack';
import { drillLanguages, fieldLocation, formatPackError, TIER_LABELS, TIERS, type Drill, type Language, type PackError } from '../core/model';
import { drillCheckRequest, formatCheckReport, SandboxRunner, type CheckRequest, type CheckResult } from '../core/runner';
import { topicLabel } from '../core/topics';
import { findPython } from '../core/python/discovery';
import { PythonRunner, pythonCheckRequest } from '../core/python/runner';

const USAGE = `Usage: drills <command> [options]

Commands:
  list [--json] [--pack DIR]                     List the drills (id, tier, topic, title, order, minutes, keyPoints, file, dir).
  validate [DIR...] [--run]                      Check question packs; errors as file:line:col: message.
                                                 Ids must be unique across the packs and the bundled pack.
                                                 --run also checks that each reference solution passes,
                                                 each stub fails, each kept mistake is rejected and no
                                                 two tests of a drill share a full name.
  check <drill-id> <solution.ts|solution.py> [--json] [--pack DIR]
                                                 Run a drill's tests against your solution (a .py file
                                                 runs the drill's Python tests).
  test <file.test.ts|test_x.py> [--json]         Run any Jest-style test file with its sibling modules,
                                                 or a pytest file with the .py files beside it.

Options:
  --json          Print machine-readable JSON on stdout.
  --pack DIR      Read drills from DIR instead of the bundled questions folder.
  --timeout MS    Time budget of one check (default 5000).
  -h, --help      Show this help.

Python: DRILLS_PYTHON names the interpreter (else python3, python, py -3 on PATH; 3.9 or newer).

Exit codes: 0 success, 1 test failures or pack errors, 2 usage or other errors.
`;

/** The bundled pack: dist/cli.js ships beside questions/ (in the repo) and its compiled form dist/questions.json. */
const BUNDLED_PACK = path.join(__dirname, '..', 'questions');
const BUNDLED_COMPILED = path.join(__dirname, 'questions.json');
const SANDBOX_SCRIPT = path.join(__dirname, 'sandbox.js');
/** The bundled pytest-subset runner and the Python sandbox: resources/python beside dist/. */
const PYTHON_HARNESS = path.join(__dirname, '..', 'resources', 'python');

/** One line of `drills list --json`. */
export interface DrillListEntry {
  id: string;
  tier: Drill['tier'];
  topic: Drill['topic'];
  title: string;
  order: number;
  /** Estimated minutes; null when the drill does not say. */
  minutes: number | null;
  /** The points an interviewer listens for; empty when the drill gives none. */
  keyPoints: string[];
  /** drill.yaml of a folder drill, or the single YAML file. */
  file: string;
  /** The drill's folder (folder drills only). */
  dir?: string;
  /** The languages the drill can be answered in: "typescript", and "python" when it has a Python track. */
  languages: Language[];
}

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  json: boolean;
  run: boolean;
  help: boolean;
  pack?: string;
  timeoutMs?: number;
}

function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = { positional: [], json: false, run: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--json':
        parsed.json = true;
        break;
      case '--run':
        parsed.run = true;
        break;
      case '-h':
      case '--help':
        parsed.help = true;
        break;
      case '--pack':
        parsed.pack = value();
        break;
      case '--timeout': {
        const ms = Number(value());
        if (!Number.isInteger(ms) || ms <= 0) throw new UsageError('--timeout needs a whole number of milliseconds');
        parsed.timeoutMs = ms;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        parsed.positional.push(arg);
    }
  }
  return parsed;
}

function expectArgs(p: Parsed, min: number, max: number, shape: string): void {
  if (p.positional.length < min || p.positional.length > max) throw new UsageError(`usage: drills ${shape}`);
}

function printErrors(errors: readonly PackError[]): void {
  for (const e of errors) process.stderr.write(`${formatPackError(e)}\n`);
}

async function loadPack(dir: string): Promise<{ drills: Drill[]; errors: PackError[] }> {
  // The bundled pack as the extension loads it: the folder when it is there (the repo), else its compiled form (the
  // packaged extension ships only that).
  if (dir === BUNDLED_PACK && (fs.existsSync(BUNDLED_PACK) || fs.existsSync(BUNDLED_COMPILED))) return loadPackWithCache(BUNDLED_PACK, BUNDLED_COMPILED);
  if (!fs.existsSync(dir)) throw new UsageError(`no question folder at ${dir}`);
  return loadPackFromDir(dir);
}

function newRunner(timeoutMs: number | undefined): SandboxRunner {
  if (!fs.existsSync(SANDBOX_SCRIPT)) throw new Error(`the sandbox is missing: ${SANDBOX_SCRIPT} (run the build)`);
  return new SandboxRunner({ sandboxScript: SANDBOX_SCRIPT, timeoutMs });
}

function exitCodeOf(result: CheckResult): number {
  return result.verdict === 'passed' ? 0 : 1;
}

function printResult(result: CheckResult, json: boolean, displayFile: (file: string) => string): void {
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatCheckReport(result, { displayFile })}\n`);
}

async function newPythonRunner(timeoutMs: number | undefined): Promise<PythonRunner> {
  const found = await findPython({ setting: process.env.DRILLS_PYTHON, settingName: 'DRILLS_PYTHON' });
  if (!found.ok) throw new Error(found.message);
  return new PythonRunner({ python: found.python, harnessDir: PYTHON_HARNESS, timeoutMs });
}

async function runCheck(request: CheckRequest, timeoutMs: number | undefined, python = false): Promise<CheckResult> {
  const runner = python ? await newPythonRunner(timeoutMs) : newRunner(timeoutMs);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await runner.check({ ...request, signal: controller.signal });
  } finally {
    process.removeListener('SIGINT', onSigint);
    runner.dispose();
  }
}

// ---------------------------------------------------------------- commands

async function list(p: Parsed): Promise<number> {
  expectArgs(p, 0, 0, 'list [--json] [--pack DIR]');
  const { drills, errors } = await loadPack(p.pack ?? BUNDLED_PACK);
  printErrors(errors);
  if (p.json) {
    const entries: DrillListEntry[] = drills.map((d) => ({
      id: d.id, tier: d.tier, topic: d.topic, title: d.title, order: d.order, minutes: d.minutes ?? null, keyPoints: d.keyPoints ?? [], file: d.source.file,
      ...(d.source.dir !== undefined ? { dir: d.source.dir } : {}),
      languages: drillLanguages(d),
    }));
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  } else {
    const idWidth = Math.max(0, ...drills.map((d) => d.id.length));
    const topicWidth = Math.max(0, ...drills.map((d) => topicLabel(d.topic).length));
    for (const tier of TIERS) {
      const inTier = drills.filter((d) => d.tier === tier);
      if (inTier.length === 0) continue;
      process.stdout.write(`${TIER_LABELS[tier]}\n`);
      for (const d of inTier) {
        process.stdout.write(`  ${String(d.order).padStart(4)}  ${d.id.padEnd(idWidth)}  ${topicLabel(d.topic).padEnd(topicWidth)}  ${d.title}\n`);
      }
    }
    process.stdout.write(`${drills.length} drill${drills.length === 1 ? '' : 's'}\n`);
  }
  return errors.length > 0 ? 1 : 0;
}

async function validate(p: Parsed): Promise<number> {
  const dirs = p.positional.length > 0 ? p.positional : [BUNDLED_PACK];
  // Ids must be unique across every pack given and the bundled pack (the extension loads them together).
  const seen = new Map<string, string>();
  const samePath = (a: string, b: string) => path.resolve(a) === path.resolve(b);
  if (!dirs.some((d) => samePath(d, BUNDLED_PACK))) {
    for (const d of (await loadPack(BUNDLED_PACK).catch(() => ({ drills: [] as Drill[] }))).drills) seen.set(d.id, `the bundled drill ${d.source.file}`);
  }
  let failed = false;
  for (const dir of dirs) {
    const { drills, errors } = await loadPack(dir);
    for (const d of drills) {
      const first = seen.get(d.id);
      if (first) errors.push({ file: d.source.file, line: d.source.lines.id ?? 1, column: 1, field: 'id', message: `duplicate id "${d.id}" (already used by ${first}); give this drill another id` });
      else seen.set(d.id, d.source.file);
    }
    printErrors(errors);
    const behaviour = p.run ? await validateBehaviour(drills, p.timeoutMs) : [];
    printErrors(behaviour);
    const problems = errors.length + behaviour.length;
    failed ||= problems > 0;
    const ran = p.run ? ', solutions checked' : '';
    process.stdout.write(`${dir}: ${drills.length} drill${drills.length === 1 ? '' : 's'}${ran}, ${problems} problem${problems === 1 ? '' : 's'}\n`);
  }
  return failed ? 1 : 0;
}

/** With --run: the reference passes, the stub fails, every kept mistake is rejected. */
async function validateBehaviour(drills: Drill[], timeoutMs: number | undefined): Promise<PackError[]> {
  const errors: PackError[] = [];
  if (drills.length === 0) return errors;
  const runner = newRunner(timeoutMs);
  const at = (d: Drill, field: string, message: string): PackError => ({ ...fieldLocation(d, field), column: 1, field, message });
  try {
    for (const d of drills) {
      const reference = await runner.check(drillCheckRequest(d, d.solution));
      if (reference.verdict !== 'passed') errors.push(at(d, 'solution', `the reference solution does not pass: ${reference.summary}${firstFailure(reference)}`));
      for (const name of duplicateNames(reference)) {
        errors.push(at(d, 'tests', `two tests are named "${name}": give each test a title of its own (in an .each table, a placeholder that differs per row)`));
      }
      const stub = await runner.check(drillCheckRequest(d, d.stub));
      if (stub.verdict !== 'failed') errors.push(at(d, 'stub', `the stub should fail at least one test, but: ${stub.summary}`));
      for (const [i, m] of d.mistakes.entries()) {
        const r = await runner.check(drillCheckRequest(d, m.code));
        if (r.verdict !== 'passed') continue;
        const message = `mistake ${i + 1} ("${m.title}") passes every test: the tests must reject it`;
        errors.push(m.file ? { file: m.file, line: 1, column: 1, field: 'mistakes', message } : at(d, 'mistakes', message));
      }
    }
  } finally {
    runner.dispose();
  }
  errors.push(...(await validatePython(drills, timeoutMs)));
  return errors;
}

/** With --run, the Python versions: the reference passes, the stub fails, every kept Python mistake is rejected. */
async function validatePython(drills: Drill[], timeoutMs: number | undefined): Promise<PackError[]> {
  const errors: PackError[] = [];
  const withPython = drills.filter((d) => d.python);
  if (withPython.length === 0) return errors;
  let runner: PythonRunner;
  try {
    runner = await newPythonRunner(timeoutMs);
  } catch (e) {
    const d = withPython[0]!;
    return [{ file: d.source.file, line: d.source.lines.python ?? 1, column: 1, field: 'python', message: `the Python versions of ${withPython.length} drill(s) could not be run: ${(e as Error).message}` }];
  }
  try {
    for (const d of withPython) {
      const py = d.python!;
      const at = (file: string | undefined, message: string): PackError => ({ file: file ?? d.source.file, line: file ? 1 : d.source.lines.python ?? 1, column: 1, field: 'python', message });
      const reference = await runner.check(pythonCheckRequest(d, py.solution));
      if (reference.verdict !== 'passed') errors.push(at(py.files?.solution, `the Python reference does not pass: ${reference.summary}${firstFailure(reference)}`));
      for (const name of duplicateNames(reference)) errors.push(at(py.files?.tests, `two tests are named "${name}": give each parametrize case an id of its own`));
      const stub = await runner.check(pythonCheckRequest(d, py.stub));
      if (stub.verdict !== 'failed') errors.push(at(py.files?.stub, `the Python stub should fail at least one test, but: ${stub.summary}`));
      for (const [i, m] of py.mistakes.entries()) {
        const r = await runner.check(pythonCheckRequest(d, m.code));
        if (r.verdict === 'passed') errors.push(at(m.file, `Python mistake ${i + 1} ("${m.title}") passes every test: the tests must reject it`));
      }
    }
  } finally {
    runner.dispose();
  }
  return errors;
}

/** Full test names that occur more than once: results, scores and Test Explorer items are keyed by them. */
function duplicateNames(r: CheckResult): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const t of r.tests) (seen.has(t.fullName) ? twice : seen).add(t.fullName);
  return [...twice];
}

function firstFailure(r: CheckResult): string {
  const f = r.tests.find((t) => t.status === 'failed');
  const c = r.compileErrors[0];
  if (c) return ` (${c.file}:${c.line}:${c.column}: ${c.message})`;
  return f ? ` (${f.fullName}: ${(f.message ?? '').split('\n')[0]})` : '';
}

async function check(p: Parsed): Promise<number> {
  expectArgs(p, 2, 2, 'check <drill-id> <solution.ts|solution.py> [--json] [--pack DIR]');
  const [id, file] = p.positional as [string, string];
  const { drills } = await loadPack(p.pack ?? BUNDLED_PACK);
  const drill = drills.find((d) => d.id === id);
  if (!drill) throw new UsageError(`no drill with id "${id}" (drills list shows the ids)`);
  let code: string;
  try {
    code = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (file.endsWith('.py')) {
    if (!drill.python) throw new UsageError(`the drill "${id}" has no Python version yet (drills list --json shows each drill's languages)`);
    const result = await runCheck(pythonCheckRequest(drill, code), p.timeoutMs, true);
    printResult(result, p.json, (f) => (f === 'solution.py' ? file : f === 'test_solution.py' ? `${drill.id} (Python tests)` : f));
    return exitCodeOf(result);
  }
  const result = await runCheck(drillCheckRequest(drill, code), p.timeoutMs);
  printResult(result, p.json, (f) => (f === 'solution.ts' ? file : f === 'solution.test.ts' ? `${drill.id} (tests)` : f));
  return exitCodeOf(result);
}

async function test(p: Parsed): Promise<number> {
  expectArgs(p, 1, 1, 'test <file.test.ts|test_x.py> [--json]');
  const file = p.positional[0]!;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const rootDir = path.dirname(path.resolve(file));
  const entry = path.basename(file);
  if (entry.endsWith('.py')) {
    // The pytest file and the Python modules beside it (the sandbox gets their text, not the folder).
    const files: Record<string, string> = { [entry]: text };
    for (const name of fs.readdirSync(rootDir)) {
      if (name.endsWith('.py') && name !== entry && !name.startsWith('.') && fs.statSync(path.join(rootDir, name)).isFile()) files[name] = fs.readFileSync(path.join(rootDir, name), 'utf8');
    }
    const result = await runCheck({ files, entry }, p.timeoutMs, true);
    printResult(result, p.json, (f) => path.relative(process.cwd(), path.join(rootDir, f)) || f);
    return exitCodeOf(result);
  }
  const result = await runCheck({ files: { [entry]: text }, entry, rootDir }, p.timeoutMs);
  printResult(result, p.json, (f) => path.relative(process.cwd(), path.join(rootDir, f)) || f);
  return exitCodeOf(result);
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      process.stderr.write(USAGE);
      return 2;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    const p = parseArgs(rest);
    if (p.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    switch (command) {
      case 'list':
        return await list(p);
      case 'validate':
        return await validate(p);
      case 'check':
        return await check(p);
      case 'test':
        return await test(p);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`drills: ${e.message}\nRun "drills --help" for usage.\n`);
    } else {
      process.stderr.write(`drills: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return 2;
  }
}

// `drills list | head -1`: a reader that goes away is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
