// The bank against the guide it comes from: each of the guide's fifteen answers is recognisable in its drill's
// model answer and in its key points (every fact, by its key terms), no sentence of the guide is copied, and the
// CLI lists the fifteen in the guide's order.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TIERS, type Tier } from '../../src/core/model';
import { loadPackFromDirSync } from '../../src/core/pack';
import { cliScript, questionsDir, repoRoot } from '../fixtures/runner/support';

/** The facts of each guide answer, as the terms a model answer covering them must use. */
const FACTS: Record<Tier, RegExp[][]> = {
  beginner: [
    [/readab/i, /maintain/i, /librar/i, /requests/, /kubernetes/i, /cross-platform|portab/i, /error handling|exception/i, /bash/i, /chain|pipe/i, /complex|logic/i, /grow|scale/i],
    [/\bmutable/i, /immutable/i, /\blist/i, /dict/i, /\bset\b/i, /\bint\b/i, /\bstr\b/i, /tuple/i, /bool/i, /key/i, /thread/i],
    [/\bwith\b/i, /clean ?up|close/i, /exception|error/i, /file descriptor|leak/i, /context manager/i, /database|connection/i, /lock/i],
    [/retr/i, /attempt/i, /sleep|wait/i, /last/i, /None|null/, /three|3/i, /two seconds|2 s|2000/i],
    [/lambda/i, /anonymous/i, /\bmap\b/i, /filter/i, /sort/i, /key/i, /port/i, /\bdef\b/i, /readab|easier to read/i],
  ],
  intermediate: [
    [/temp/i, /rename/i, /atomic/i, /original/i, /crash/i, /corrupt|incomplete|partial/i],
    [/defaultdict/i, /service/i, /error.?type|categor/i, /json\.loads|JSON first|JSON/i, /regex|regular expression/i, /fall ?back/i, /count/i],
    [/BaseException/, /FileNotFoundError/, /TimeoutError/, /retry/i, /skip/i, /raise/i, /bare `?except/i, /\bException\b/],
    [/log/i, /404/, /500/, /retry/i, /pars/i, /skip/i, /upstream|downstream|depend/i, /users?\b/i, /details?\b/i, /metrics?\b/i],
    [/\bSDKs?\b/, /subprocess/i, /kubectl|docker|terraform/i, /type.?safe|typed/i, /auth/i, /retr/i, /production/i, /\bCLIs?\b/],
  ],
  scenario: [
    [/concurren|parallel/i, /ThreadPoolExecutor|thread/i, /asyncio|async/i, /batch/i, /cach/i, /TTL/, /profil/i, /latency|network/i, /pars/i],
    [/rotat/i, /environment variable|getenv|env/i, /vault/i, /Secrets Manager/i, /pre-commit/i, /review/i],
    [/\bPATH\b/, /absolute path/i, /\/usr\/bin\/kubectl/, /install/i, /\bwhich\b/, /shutil\.which/, /None|null/, /\bCI\b/],
    [/config/i, /YAML|JSON/, /environment/i, /validat/i, /replicas/i, /argparse/i, /--env/, /feature flag/i, /unchanged|same code/i],
    [/WARNING/, /DEBUG/, /INFO/, /structured|JSON/i, /ELK|Datadog|aggregat/i, /logrotate|rotat/i, /compress/i, /state change|important/i],
  ],
};

const guidePath = path.resolve(repoRoot, '..', 'shared', 'seed', '000_e00258f3d1c88247.txt');
const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+|\|/g) ?? [];

describe('the bank against the guide', function () {
  // Two runs of the CLI below: a child process each.
  this.timeout(30000);
  const { drills } = loadPackFromDirSync(questionsDir);

  for (const tier of TIERS) {
    FACTS[tier].forEach((facts, i) => {
      it(`${tier} question ${i + 1}: the model answer covers every fact of the guide's answer`, () => {
        const drill = drills.find((d) => d.tier === tier && d.order === i + 1);
        assert.ok(drill, `no drill is ${tier} #${i + 1}`);
        const missing = facts.filter((re) => !re.test(drill.answer)).map(String);
        assert.deepEqual(missing, [], `${drill.id}: its answer lacks ${missing.join(', ')}`);
      });

      it(`${tier} question ${i + 1}: the key points cover every fact of the guide's answer`, () => {
        const drill = drills.find((d) => d.tier === tier && d.order === i + 1);
        assert.ok(drill, `no drill is ${tier} #${i + 1}`);
        const points = drill.keyPoints ?? [];
        assert.ok(points.length >= 3, `${drill.id} has no key points`);
        // Each fact is said in one point, not pieced together across them.
        const missing = facts.filter((re) => !points.some((p) => re.test(p))).map(String);
        assert.deepEqual(missing, [], `${drill.id}: no key point says ${missing.join(', ')}`);
      });
    });
  }

  it('copies no sentence of the guide (no run of eight words of its prose)', function () {
    if (!fs.existsSync(guidePath)) this.skip();
    const guide = fs.readFileSync(guidePath, 'utf8');
    // The guide's prose: its one code answer (the retry helper) and its inline code (`sorted(...)`, a command line)
    // are code to reuse as facts, not sentences.
    const prose = guide.split('\n').filter((l) => !l.trim().startsWith('```')).map((l) => l.replace(/`[^`]*`/g, ' | '));
    const windows = new Set<string>();
    for (const line of prose) {
      const w = words(line);
      for (let i = 0; i + 8 <= w.length; i++) windows.add(w.slice(i, i + 8).join(' '));
    }
    const copied: string[] = [];
    for (const d of drills) {
      for (const field of ['prompt', 'answer', 'title'] as const) {
        const w = words(d[field]);
        for (let i = 0; i + 8 <= w.length; i++) {
          const run = w.slice(i, i + 8).join(' ');
          if (windows.has(run)) copied.push(`${d.id}.${field}: "${run}"`);
        }
      }
      [...d.hints, ...(d.keyPoints ?? [])].forEach((h) => {
        const w = words(h);
        for (let i = 0; i + 8 <= w.length; i++) if (windows.has(w.slice(i, i + 8).join(' '))) copied.push(`${d.id}.hints/keyPoints: "${w.slice(i, i + 8).join(' ')}"`);
      });
    }
    assert.deepEqual(copied, []);
  });

  it('`drills validate questions/` passes and `drills list --json` lists the fifteen in the guide\'s tier order', () => {
    const validate = spawnSync(process.execPath, [cliScript, 'validate', questionsDir], { encoding: 'utf8' });
    assert.equal(validate.status, 0, validate.stderr);
    const list = spawnSync(process.execPath, [cliScript, 'list', '--json'], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    const listed = JSON.parse(list.stdout) as { id: string; tier: Tier; order: number; topic: string }[];
    assert.ok(listed.length >= 24, `${listed.length} drills`);
    const guideOrder = listed.filter((d) => d.order <= 5).map((d) => `${d.tier}#${d.order}`);
    assert.deepEqual(guideOrder, TIERS.flatMap((t) => [1, 2, 3, 4, 5].map((o) => `${t}#${o}`)));
    assert.equal(new Set(listed.map((d) => d.topic)).size, 12);
  });
});
