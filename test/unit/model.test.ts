import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DRILL_ID_MAX_LENGTH, isDrillId, STATUS_LABELS } from '../../src/core/model';
import { drillIdOfScratchFile } from '../../src/core/scratch';
import { parseWebviewMessage } from '../../src/core/protocol';

const srcRoot = path.resolve(__dirname, '..', '..', '..', 'src');

describe('drill ids and status labels (one definition each)', () => {
  it('accepts kebab-case ids up to the length limit and nothing else, everywhere ids are checked', () => {
    for (const id of ['retry-flaky-call', 'a', 'x2', 'constructor', 'to-string']) {
      assert.equal(isDrillId(id), true, id);
      assert.equal(drillIdOfScratchFile(`${id}.ts`), id);
      assert.equal('error' in parseWebviewMessage({ command: 'openDrill', args: { id } }), false, id);
    }
    for (const id of ['', 'Retry', 'toString', '__proto__', '-a', 'a-', 'a--b', 'a b', 'a/b', '../x', 'a\n', 'x'.repeat(DRILL_ID_MAX_LENGTH + 1), 7, null]) {
      assert.equal(isDrillId(id), false, String(id));
      if (typeof id === 'string') assert.equal(drillIdOfScratchFile(`${id}.ts`), undefined);
      assert.equal('error' in parseWebviewMessage({ command: 'openDrill', args: { id } }), true, String(id));
    }
    assert.equal(isDrillId('x'.repeat(DRILL_ID_MAX_LENGTH)), true);
    // A scratch file name of the longest id stays well under the usual 255-byte limit.
    assert.ok(Buffer.byteLength(`${'x'.repeat(DRILL_ID_MAX_LENGTH)}.ts`) < 255);
  });

  it('has one wording per status', () => {
    assert.deepEqual(STATUS_LABELS, { untried: 'not tried yet', failed: 'not solved yet', passed: 'solved' });
  });

  it('defines the id pattern and the status words only in core/model.ts', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith(path.join('core', 'model.ts'))) {
          const text = fs.readFileSync(p, 'utf8');
          if (/\[a-z0-9\]\+/.test(text) || /'not (tried|solved) yet'|'not tried'/.test(text)) offenders.push(path.relative(srcRoot, p));
        }
      }
    };
    walk(srcRoot);
    assert.deepEqual(offenders, []);
  });
});
