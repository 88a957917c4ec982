// Turns each single-file drill questions/<tier>/<id>.yaml into a drill folder questions/<tier>/<id>/ (drill.yaml,
// prompt.md, answer.md, stub.ts, solution.ts, solution.test.ts, mistakes/<slug>.patch: each kept mistake as a diff -u
// against solution.ts), then loads the folder with the real loader, checks every field and every applied patch
// equals the YAML's exactly, and removes the YAML file. Used once for the bank; kept to convert a drill that
// arrives as a single file.
// Usage: node scripts/convert-questions.mjs [review.md]   (minutes: the YAML's own, else the review's §2 table)
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';

const review = process.argv[2] ? fs.readFileSync(process.argv[2], 'utf8') : '';
const minutes = new Map();
for (const m of review.matchAll(/^\| ([a-z0-9-]+) \| [BIS] \| \d+ \| (\d+) \|/gm)) minutes.set(m[1], Number(m[2]));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-'));
const bundle = await esbuild.build({ entryPoints: ['src/core/pack.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
fs.writeFileSync(path.join(tmp, 'pack.cjs'), bundle.outputFiles[0].text);
const { parseQuestion, loadPackFromDirSync } = createRequire(import.meta.url)(path.join(tmp, 'pack.cjs'));

/** The title's first words, kebab-case, at most 40 characters. */
function slug(title) {
  const words = title.toLowerCase().replace(/`/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let out = words[0];
  for (const w of words.slice(1)) if (out.length + 1 + w.length <= 40) out += `-${w}`; else break;
  return out;
}

function diff(solution, mistake) {
  const a = path.join(tmp, 'a.ts');
  const b = path.join(tmp, 'b.ts');
  fs.writeFileSync(a, solution);
  fs.writeFileSync(b, mistake);
  try {
    execFileSync('diff', ['-u', '--label', 'a/solution.ts', '--label', 'b/solution.ts', a, b], { encoding: 'utf8' });
    throw new Error('mistake identical to the solution');
  } catch (e) {
    if (e.status !== 1) throw e;
    return e.stdout;
  }
}

let count = 0;
for (const tier of ['beginner', 'intermediate', 'scenario']) {
  const tierDir = path.join('questions', tier);
  for (const name of fs.readdirSync(tierDir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = path.join(tierDir, name);
    const { drill: d, errors } = parseQuestion({ path: file, text: fs.readFileSync(file, 'utf8') });
    if (!d) throw new Error(`${file}: ${JSON.stringify(errors)}`);
    if (d.minutes !== undefined) minutes.set(d.id, d.minutes);
    if (!minutes.has(d.id)) throw new Error(`${file}: no minutes (add "minutes: N" to the file)`);
    const dir = path.join(tierDir, d.id);
    fs.mkdirSync(path.join(dir, 'mistakes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'prompt.md'), d.prompt);
    fs.writeFileSync(path.join(dir, 'answer.md'), d.answer);
    fs.writeFileSync(path.join(dir, 'stub.ts'), d.stub);
    fs.writeFileSync(path.join(dir, 'solution.ts'), d.solution);
    fs.writeFileSync(path.join(dir, 'solution.test.ts'), d.tests);
    const used = new Set();
    const mistakes = d.mistakes.map((m) => {
      let s = slug(m.title);
      for (let i = 2; used.has(s); i++) s = `${slug(m.title)}-${i}`;
      used.add(s);
      fs.writeFileSync(path.join(dir, 'mistakes', `${s}.patch`), diff(d.solution, m.code));
      return { title: m.title, file: `mistakes/${s}.patch`, blind: false };
    });
    const meta = { id: d.id, tier: d.tier, topic: d.topic, title: d.title, order: d.order, minutes: minutes.get(d.id), hints: d.hints, mistakes };
    fs.writeFileSync(path.join(dir, 'drill.yaml'), stringify(meta, { lineWidth: 0, blockQuote: 'literal' }));
    // The folder must load to exactly the same drill.
    const loaded = loadPackFromDirSync(dir);
    if (loaded.errors.length > 0 || loaded.drills.length !== 1) throw new Error(`${dir}: ${JSON.stringify(loaded.errors)}`);
    const n = loaded.drills[0];
    for (const k of ['id', 'tier', 'topic', 'title', 'order', 'prompt', 'answer', 'stub', 'solution', 'tests']) {
      if (n[k] !== d[k]) throw new Error(`${dir}: ${k} differs`);
    }
    if (JSON.stringify(n.hints) !== JSON.stringify(d.hints)) throw new Error(`${dir}: hints differ`);
    if (n.mistakes.length !== d.mistakes.length) throw new Error(`${dir}: mistake count differs`);
    d.mistakes.forEach((m, i) => {
      if (n.mistakes[i].title !== m.title || n.mistakes[i].code !== m.code) throw new Error(`${dir}: mistake ${i + 1} does not reproduce the old code`);
    });
    fs.rmSync(file);
    count++;
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`converted ${count} drills; every field and applied patch equals the YAML's`);
