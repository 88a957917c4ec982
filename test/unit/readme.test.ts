// The README's numbers against the bundled bank: the drill count, the count per tier, the guide's questions and
// the others, the checklist's topics and the example numbers ("Drills: 9/28 solved"). The counts are read from the
// bank, so a drill added without the README following fails here, naming the sentence to update.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TIER_LABELS, TIERS } from '../../src/core/model';
import { loadPackFromDirSync } from '../../src/core/pack';
import { TOPICS } from '../../src/core/topics';
import { questionsDir, repoRoot } from '../fixtures/runner/support';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number written in digits ("28", "2,100") or in words up to ninety-nine ("fifteen", "twenty-seven"). */
function readNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d[\d,]*$/.test(t)) return Number(t.replace(/,/g, ''));
  const unit = UNITS.indexOf(t);
  if (unit >= 0) return unit;
  const m = /^([a-z]+)(?:-([a-z]+))?$/.exec(t);
  const tens = m ? TENS.indexOf(m[1]!) : -1;
  if (!m || tens < 2) return undefined;
  if (m[2] === undefined) return tens * 10;
  const rest = UNITS.indexOf(m[2]);
  return rest >= 1 && rest <= 9 ? tens * 10 + rest : undefined;
}

/** What matches a number in digits or words. */
const NUM = String.raw`(\d[\d,]*|[a-z]+(?:-[a-z]+)?)`;

describe('README facts match the bank', () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const { drills } = loadPackFromDirSync(questionsDir);
  const total = drills.length;
  // The guide's questions are the first five of each tier (test/unit/guide.test.ts holds each against the guide).
  const fromGuide = drills.filter((d) => d.order <= 5).length;

  /**
   * Every match of `re` in the README (whitespace folded) whose groups are all numbers ("the same topics" is not a
   * claim), or a failure naming the claim when there is none.
   */
  const claims = (re: RegExp, what: string): RegExpMatchArray[] => {
    const found = [...readme.matchAll(re)].filter((m) => m.slice(1).every((g) => readNumber(g) !== undefined));
    assert.ok(found.length > 0, `the README no longer says ${what} (${re}); keep the claim, or update this test with it`);
    return found;
  };
  const num = (m: RegExpMatchArray, i: number): number => {
    const n = readNumber(m[i]!);
    assert.ok(n !== undefined, `"${m[0]}": "${m[i]}" is not a number`);
    return n;
  };

  it('reads numbers in digits and in words', () => {
    assert.deepEqual(['28', '2,100', 'fifteen', 'twelve', 'twenty', 'twenty-seven', 'forty-two'].map(readNumber), [28, 2100, 15, 12, 20, 27, 42]);
    assert.equal(readNumber('drills'), undefined);
    assert.equal(readNumber('twenty-twelve'), undefined);
  });

  it(`says how many drills the bank holds (${total})`, () => {
    // "holds 34 drills"; not counts of something else ("three drills have a Python version").
    for (const m of claims(new RegExp(String.raw`\bholds ${NUM} drills\b`, 'gi'), 'how many drills the bank holds')) {
      assert.equal(num(m, 1), total, `README: "${m[0]}" (the bank holds ${total} drills)`);
    }
  });

  it('splits the bank into the guide\'s questions and the others, as the bank does', () => {
    const [m] = claims(new RegExp(String.raw`the guide's ${NUM} questions and ${NUM} more`, 'g'), 'how many drills come from the guide');
    assert.equal(num(m!, 1), fromGuide, `README: "${m![0]}": the guide gives ${fromGuide} drills`);
    assert.equal(num(m!, 2), total - fromGuide, `README: "${m![0]}": ${total - fromGuide} drills are not the guide's`);
    for (const g of claims(new RegExp(String.raw`its ${NUM} questions in ${NUM} tiers`, 'g'), 'how many questions the guide has')) {
      assert.equal(num(g, 1), fromGuide, `README: "${g[0]}"`);
      assert.equal(num(g, 2), TIERS.length, `README: "${g[0]}"`);
    }
  });

  it('gives the count of each tier', () => {
    const counts = TIERS.map((t) => drills.filter((d) => d.tier === t).length);
    const pattern = TIERS.map((t) => `${NUM} ${TIER_LABELS[t].toLowerCase()}`).join(', ');
    const [m] = claims(new RegExp(pattern, 'g'), 'the count of each tier');
    TIERS.forEach((t, i) => assert.equal(num(m!, i + 1), counts[i], `README: "${m![0]}": ${t} has ${counts[i]} drills`));
  });

  it(`names the checklist's ${TOPICS.length} topics with their number`, () => {
    const found = [
      ...claims(new RegExp(String.raw`\b${NUM}-topic\b`, 'g'), 'the number of checklist topics'),
      ...claims(new RegExp(String.raw`\bthe ${NUM} topics\b`, 'g'), 'the number of topics rated in the self-assessment'),
    ];
    for (const m of found) assert.equal(num(m, 1), TOPICS.length, `README: "${m[0]}"`);
    assert.equal(new Set(drills.map((d) => d.topic)).size, TOPICS.length, 'every topic has a drill');
  });

  it('shows the status bar with the bank\'s drill count', () => {
    for (const m of claims(/Drills: (\d+)\/(\d+) solved/g, 'the status bar example')) {
      assert.equal(num(m, 2), total, `README: "${m[0]}" (the bank holds ${total} drills)`);
      assert.ok(num(m, 1) <= total, `README: "${m[0]}"`);
    }
  });
});

describe('README commands table', () => {
  it('lists every contributed command by its title, and nothing else', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const start = text.indexOf('### Commands');
    assert.ok(start >= 0, 'the README has a "### Commands" section');
    const end = text.indexOf('\n#', start + 1);
    const rows = text.slice(start, end < 0 ? undefined : end).split('\n').filter((l) => /^\| `/.test(l)).map((l) => l.split('|')[1]!);
    const listed = rows.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)).sort();
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: { title: string }[] } };
    assert.deepEqual(listed, pkg.contributes.commands.map((c) => c.title).sort());
  });
});
