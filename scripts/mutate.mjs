// npm run mutate [id...]: mutation testing of the bundled drills with Stryker. Each drill's solution.ts is mutated
// and that drill's solution.test.ts is run against every mutant (in our own sandbox, see scripts/mutate/runner.mjs;
// mutants that do not type-check with the drill's tests are dropped by Stryker's TypeScript checker). Prints a
// score per drill with its survivors, and writes the drills' entries in questions/mutation-report.json.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BAR, drillHash, entryFor, REPORT_FILE, readReport, writeReport } from './mutate/report.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  if (message) console.error(message);
  console.error('Usage: npm run mutate [-- [--concurrency N] [drill-id...]]');
  process.exit(2);
}

function parseArgs(argv) {
  const ids = [];
  let concurrency = os.availableParallelism?.() ?? os.cpus().length;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--concurrency') {
      concurrency = Number(argv[++i]);
      if (!Number.isInteger(concurrency) || concurrency < 1) usage('--concurrency takes a whole number >= 1');
    } else if (arg === '--help' || arg === '-h') usage();
    else if (arg.startsWith('-')) usage(`Unknown option ${arg}`);
    else ids.push(arg);
  }
  return { ids, concurrency };
}

/** The bundled drills in folder form: { id, dir (absolute) } from `drills list --json`. */
function listDrills() {
  const out = execFileSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'list', '--json'], { encoding: 'utf8' });
  return JSON.parse(out)
    .filter((d) => typeof d.dir === 'string' && fs.existsSync(path.join(d.dir, 'solution.ts')) && fs.existsSync(path.join(d.dir, 'solution.test.ts')))
    .map((d) => ({ id: d.id, dir: d.dir }));
}

async function build() {
  execFileSync(process.execPath, [path.join(repo, 'esbuild.mjs')], { cwd: repo, stdio: 'inherit' });
  const runnerModule = path.join(repo, 'out', 'mutate', 'sandbox-runner.cjs');
  await esbuild.build({
    entryPoints: [path.join(repo, 'src', 'core', 'runner', 'index.ts')],
    outfile: runnerModule,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return { runnerModule, sandboxScript: path.join(repo, 'dist', 'sandbox.js') };
}

function formatSurvivor(file, m) {
  const shown = (s) => JSON.stringify(s.length > 70 ? `${s.slice(0, 67)}...` : s);
  return `${file}:${m.line}:${m.column} ${m.mutator}: ${shown(m.original)} -> ${shown(m.replacement)}`;
}

async function main() {
  const { ids, concurrency } = parseArgs(process.argv.slice(2));
  const bundles = await build();
  const all = listDrills();
  if (all.length === 0) throw new Error('No drill in folder form (questions/<tier>/<id>/solution.ts) was found');
  const unknown = ids.filter((id) => !all.some((d) => d.id === id));
  if (unknown.length > 0) usage(`Unknown drill id(s): ${unknown.join(', ')}`);
  const drills = ids.length > 0 ? all.filter((d) => ids.includes(d.id)) : all;
  const rel = (p) => path.relative(repo, p).split(path.sep).join('/');

  process.chdir(repo);
  const { Stryker } = await import('@stryker-mutator/core');
  const started = performance.now();
  const stryker = new Stryker({
    configFile: path.join(repo, 'scripts', 'mutate', 'stryker.config.json'),
    mutate: drills.map((d) => `${rel(d.dir)}/solution.ts`),
    concurrency,
    plugins: ['@stryker-mutator/typescript-checker', path.join(repo, 'scripts', 'mutate', 'runner.mjs')],
    drillsRunner: { ...bundles, drills: drills.map((d) => ({ id: d.id, dir: rel(d.dir) })) },
  });
  const results = await stryker.runMutationTest();
  fs.writeFileSync(path.join(repo, 'out', 'mutate', 'results.json'), JSON.stringify(results, null, 1)); // Stryker's own results, for a closer look
  const seconds = (performance.now() - started) / 1000;

  const report = readReport(repo);
  const lines = [];
  const weak = [];
  for (const drill of drills) {
    const solution = fs.readFileSync(path.join(drill.dir, 'solution.ts'), 'utf8');
    const tests = fs.readFileSync(path.join(drill.dir, 'solution.test.ts'), 'utf8');
    const file = `${rel(drill.dir)}/solution.ts`;
    const mutants = results.filter((r) => path.resolve(repo, r.fileName) === path.join(drill.dir, 'solution.ts'));
    const entry = entryFor(drillHash(solution, tests), solution, mutants, report.drills[drill.id]);
    report.drills[drill.id] = entry;
    if (entry.score < BAR) weak.push(drill.id);
    lines.push(
      `${drill.id}: ${entry.score.toFixed(1)}% (${entry.detected} of ${entry.detected + entry.survivors.length} killed${entry.equivalent.length ? `, ${entry.equivalent.length} equivalent` : ''}${entry.notCompiled ? `; ${entry.notCompiled} did not compile` : ''}${entry.errors ? `; ${entry.errors} crashed the run` : ''})`,
    );
    for (const s of entry.survivors) lines.push(`  ${formatSurvivor(file, s)}`);
    for (const s of entry.equivalent) lines.push(`  equivalent: ${formatSurvivor(file, s)} (${s.reason})`);
  }
  if (ids.length === 0) {
    // A run of the whole bank drops the entries of drills that are gone.
    for (const id of Object.keys(report.drills)) if (!all.some((d) => d.id === id)) delete report.drills[id];
  }
  writeReport(repo, report);
  console.log(`\n${lines.join('\n')}`);
  console.log(`\n${drills.length} drill(s) mutated in ${seconds.toFixed(0)} s; ${weak.length} under the bar of ${BAR}%. Report: ${REPORT_FILE}`);

  if (weak.length > 0) console.log(`Under the bar (npm run test:unit fails until their tests kill more mutants): ${weak.join(', ')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
