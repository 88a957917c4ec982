// `npm run bench`: how long a check takes through the warm sandbox, against a cold spawn-per-check baseline in the
// same run. Checks every bundled reference solution plus a fixed sample of failing ones (stubs and kept mistakes)
// N times in each mode, prints p50/p95 per mode and the cold/warm ratio, then the sizes of the shipped bundles.
//
//   node scripts/bench.mjs [--n 5] [--failing 10] [--no-build] [--json]
//
// It builds first (production bundles + the compiled core in out/) unless --no-build is given. DRILLS_DIST_DIR and
// DRILLS_OUT_DIR point at a build elsewhere (as the unit tests' DRILLS_DIST_DIR does).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number`);
  return n;
};
const N = option('--n', 5);
const FAILING = option('--failing', 10);
const TARGET = { p50: 60, p95: 150 };
const PY_TARGET = { p50: 40, p95: 120 };

if (!flag('--no-build')) {
  process.stderr.write('bench: building (node esbuild.mjs --production --tests)\n');
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--tests'], { cwd: root, stdio: 'inherit' });
}

const require = createRequire(import.meta.url);
const distDir = process.env.DRILLS_DIST_DIR ?? path.join(root, 'dist');
const outDir = process.env.DRILLS_OUT_DIR ?? path.join(root, 'out');
const { SandboxRunner, drillCheckRequest } = require(path.join(outDir, 'src/core/runner/index.js'));
const { loadPackFromDirSync } = require(path.join(outDir, 'src/core/pack.js'));
const sandboxScript = path.join(distDir, 'sandbox.js');

const { drills, errors } = loadPackFromDirSync(path.join(root, 'questions'));
if (errors.length > 0) process.stderr.write(`bench: ${errors.length} pack error(s) ignored\n`);
if (drills.length === 0) throw new Error('bench: no drills in questions/');

/** The sample: every reference (must pass), then alternately a stub and a first mistake (must not pass). */
const samples = drills.map((d) => ({ name: `${d.id} (solution)`, request: drillCheckRequest(d, d.solution), shouldPass: true }));
for (const [i, d] of drills.slice(0, FAILING).entries()) {
  const useMistake = i % 2 === 1 && d.mistakes.length > 0;
  samples.push({
    name: `${d.id} (${useMistake ? 'mistake' : 'stub'})`,
    request: drillCheckRequest(d, useMistake ? d.mistakes[0].code : d.stub),
    shouldPass: false,
  });
}

const wrong = [];
function verify(sample, result) {
  if ((result.verdict === 'passed') !== sample.shouldPass) wrong.push(`${sample.name}: ${result.verdict} (${result.summary})`);
}

const perSample = new Map(samples.map((s) => [s.name, []]));

async function warmRound(runner, times) {
  for (const sample of samples) {
    const t0 = performance.now();
    const result = await runner.check(sample.request);
    const dt = performance.now() - t0;
    times.push(dt);
    perSample.get(sample.name).push(dt);
    verify(sample, result);
  }
}

async function coldRound(times) {
  for (const sample of samples) {
    const t0 = performance.now();
    const runner = new SandboxRunner({ sandboxScript });
    const result = await runner.check(sample.request);
    times.push(performance.now() - t0);
    runner.dispose();
    verify(sample, result);
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { checks: times.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean, max: sorted[sorted.length - 1] };
}

/** Resident memory of a process in MiB (Linux /proc), or undefined elsewhere or when it is gone. */
function rssMiB(pid) {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const warmTimes = [];
const coldTimes = [];
const runner = new SandboxRunner({ sandboxScript });
// Not measured: the first check waits for the warm sandbox to start.
await runner.check(samples[0].request);
const rssFirst = rssMiB(runner.sandboxPid);
const firstPid = runner.sandboxPid;
process.stderr.write(`bench: ${samples.length} checks x ${N} rounds per mode`);
for (let round = 0; round < N; round++) {
  await warmRound(runner, warmTimes);
  await coldRound(coldTimes);
  process.stderr.write('.');
}
process.stderr.write('\n');
const rssLast = rssMiB(runner.sandboxPid);
const samePid = runner.sandboxPid === firstPid;
runner.dispose();

// Python: the same warm-against-cold comparison for the drills' Python versions (reference, stub, first mistake),
// through the warm Python sandbox against a new python3 (and sandbox) per check.
const { PythonRunner, pythonCheckRequest } = require(path.join(outDir, 'src/core/python/runner.js'));
const { findPython } = require(path.join(outDir, 'src/core/python/discovery.js'));
const harnessDir = path.join(root, 'resources', 'python');
const pyFound = await findPython({ setting: process.env.DRILLS_PYTHON, settingName: 'DRILLS_PYTHON' });
let python;
if (pyFound.ok) {
  const pySamples = [];
  for (const d of drills.filter((x) => x.python)) {
    pySamples.push({ name: `${d.id} (python solution)`, request: pythonCheckRequest(d, d.python.solution), shouldPass: true });
    pySamples.push({ name: `${d.id} (python stub)`, request: pythonCheckRequest(d, d.python.stub), shouldPass: false });
    if (d.python.mistakes[0]) pySamples.push({ name: `${d.id} (python mistake)`, request: pythonCheckRequest(d, d.python.mistakes[0].code), shouldPass: false });
  }
  const pyWarmTimes = [];
  const pyColdTimes = [];
  const pyRunner = new PythonRunner({ python: pyFound.python, harnessDir });
  if (pySamples.length > 0) await pyRunner.check(pySamples[0].request);
  process.stderr.write(`bench: python ${pySamples.length} checks x ${N} rounds per mode`);
  for (let round = 0; round < N; round++) {
    for (const sample of pySamples) {
      const t0 = performance.now();
      const result = await pyRunner.check(sample.request);
      pyWarmTimes.push(performance.now() - t0);
      verify(sample, result);
    }
    for (const sample of pySamples) {
      const t0 = performance.now();
      const cold = new PythonRunner({ python: pyFound.python, harnessDir });
      const result = await cold.check(sample.request);
      pyColdTimes.push(performance.now() - t0);
      cold.dispose();
      verify(sample, result);
    }
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  pyRunner.dispose();
  python = { interpreter: `${pyFound.python.executable} ${pyFound.python.version.join('.')}`, samples: pySamples.length, warm: stats(pyWarmTimes), cold: stats(pyColdTimes) };
}

const warm = stats(warmTimes);
const cold = stats(coldTimes);
const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
const lines = [
  `Drills: ${drills.length} (${drills.length} solutions + ${samples.length - drills.length} failing), N = ${N}`,
  '',
  `mode        checks       p50       p95      mean       max`,
  `warm   ${String(warm.checks).padStart(11)}${ms(warm.p50)}${ms(warm.p95)}${ms(warm.mean)}${ms(warm.max)}`,
  `cold   ${String(cold.checks).padStart(11)}${ms(cold.p50)}${ms(cold.p95)}${ms(cold.mean)}${ms(cold.max)}`,
  '',
  `cold/warm: p50 x${(cold.p50 / warm.p50).toFixed(1)}, p95 x${(cold.p95 / warm.p95).toFixed(1)}`,
  `targets (warm): p50 <= ${TARGET.p50} ms ${warm.p50 <= TARGET.p50 ? 'met' : 'MISSED'}, p95 <= ${TARGET.p95} ms ${warm.p95 <= TARGET.p95 ? 'met' : 'MISSED'}`,
  `slowest (warm p50): ${[...perSample]
    .map(([name, t]) => [name, stats(t).p50])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, p50]) => `${name} ${p50.toFixed(1)} ms`)
    .join(', ')}`,
  '',
  rssFirst !== undefined && rssLast !== undefined
    ? `memory (warm sandbox RSS): ${rssFirst.toFixed(0)} MiB after its first check, ${rssLast.toFixed(0)} MiB after ${warm.checks} more` +
      ` (x${(rssLast / rssFirst).toFixed(2)}${samePid ? ', same process' : ', the sandbox was replaced on the way'})`
    : 'memory: not measured (no /proc on this system)',
  '',
  ...(python && python.samples > 0
    ? [
      `Python (${python.interpreter}): ${python.samples} checks of the Python versions, N = ${N}`,
      `mode        checks       p50       p95      mean       max`,
      `warm   ${String(python.warm.checks).padStart(11)}${ms(python.warm.p50)}${ms(python.warm.p95)}${ms(python.warm.mean)}${ms(python.warm.max)}`,
      `cold   ${String(python.cold.checks).padStart(11)}${ms(python.cold.p50)}${ms(python.cold.p95)}${ms(python.cold.mean)}${ms(python.cold.max)}`,
      `cold/warm: p50 x${(python.cold.p50 / python.warm.p50).toFixed(1)}, p95 x${(python.cold.p95 / python.warm.p95).toFixed(1)}`,
      `targets (warm): p50 <= ${PY_TARGET.p50} ms ${python.warm.p50 <= PY_TARGET.p50 ? 'met' : 'MISSED'}, p95 <= ${PY_TARGET.p95} ms ${python.warm.p95 <= PY_TARGET.p95 ? 'met' : 'MISSED'}`,
    ]
    : [`Python: not measured (${pyFound.ok ? 'no drill has a Python version' : pyFound.message})`]),
  '',
  'sizes:',
];
const sizes = {};
for (const file of ['dist/extension.js', 'dist/sandbox.js', 'dist/cli.js', 'interview-drills.vsix']) {
  const full = file.startsWith('dist/') ? path.join(distDir, path.basename(file)) : path.join(root, file);
  if (!fs.existsSync(full)) {
    lines.push(`  ${file.padEnd(24)} (not built)`);
    continue;
  }
  const bytes = fs.statSync(full).size;
  sizes[file] = bytes;
  lines.push(`  ${file.padEnd(24)} ${(bytes / 1024).toFixed(0).padStart(7)} KiB`);
}
if (wrong.length > 0) lines.push('', `unexpected verdicts (${wrong.length}):`, ...wrong.map((w) => `  ${w}`));

if (flag('--json')) {
  process.stdout.write(`${JSON.stringify({ n: N, drills: drills.length, samples: samples.length, warm, cold, python, sizes, memory: { rssFirst, rssLast, samePid }, wrong }, null, 2)}\n`);
} else {
  process.stdout.write(`${lines.join('\n')}\n`);
}
fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
fs.writeFileSync(path.join(root, '.bench', 'last.json'), JSON.stringify({ date: new Date().toISOString(), n: N, warm, cold, python, sizes, wrong }, null, 2));
process.exitCode = wrong.length > 0 ? 1 : 0;
