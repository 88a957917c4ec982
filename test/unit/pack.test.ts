import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_FIELDS, DRILL_YAML_FIELDS, DRILL_YAML_REQUIRED_FIELDS, loadPackFiles, loadPackFromDir, loadPacks, REQUIRED_FIELDS } from '../../src/core/pack';
import { formatPackError, TIERS } from '../../src/core/model';
import { TOPIC_IDS } from '../../src/core/topics';

const repo = path.resolve(__dirname, '..', '..', '..');

function question(id: string, overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id,
    tier: 'beginner',
    topic: 'regex',
    title: `Drill ${id}`,
    order: '3',
    prompt: '|\n  Ask something.',
    answer: '|\n  Answer it.',
    hints: '\n  - nudge\n  - approach\n  - skeleton',
    stub: "|\n  export function f(): number {\n    throw new Error('Not implemented');\n  }",
    solution: '|\n  export function f(): number {\n    return 1;\n  }',
    tests: "|\n  import { f } from './solution';\n  it('returns 1', () => expect(f()).toBe(1));",
    ...overrides,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== '<omit>')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n') + '\n';
}

describe('question pack loader', () => {
  it('loads a valid question with every field and the line of each field', () => {
    const { drills, errors } = loadPackFiles([{ path: 'q/a.yaml', text: question('alpha') }]);
    assert.deepEqual(errors, []);
    assert.equal(drills.length, 1);
    const d = drills[0]!;
    assert.equal(d.id, 'alpha');
    assert.equal(d.order, 3);
    assert.deepEqual(d.hints, ['nudge', 'approach', 'skeleton']);
    assert.match(d.stub, /Not implemented/);
    assert.equal(d.source.lines.stub, 14);
    assert.deepEqual(d.mistakes, []);
  });

  it('reports a YAML syntax error with file, line and field, and still loads the other files', () => {
    const nested = loadPackFiles([{ path: 'q/nested.yaml', text: question('delta', { title: 'Retry: a flaky call' }) }]);
    assert.deepEqual(nested.drills, []);
    assert.deepEqual(nested.errors.map((e) => [e.line, e.field]), [[4, 'title']]);

    const broken = question('beta', { title: '"unterminated' });
    const { drills, errors } = loadPackFiles([
      { path: 'q/a.yaml', text: question('alpha') },
      { path: 'q/broken.yaml', text: broken },
      { path: 'q/c.yaml', text: question('gamma') },
    ]);
    assert.deepEqual(drills.map((d) => d.id), ['alpha', 'gamma']);
    assert.ok(errors.length >= 1);
    const e = errors[0]!;
    assert.equal(e.file, 'q/broken.yaml');
    assert.equal(e.field, 'title');
    assert.equal(e.line, 4);
    assert.match(e.message, /YAML syntax error/);
    assert.match(formatPackError(e), /^q\/broken\.yaml:4:\d+: title: YAML syntax error/);
  });

  it('reports a missing required field by name, and still loads the other files', () => {
    const { drills, errors } = loadPackFiles([
      { path: 'q/missing.yaml', text: question('beta', { tests: '<omit>' }) },
      { path: 'q/a.yaml', text: question('alpha') },
    ]);
    assert.deepEqual(drills.map((d) => d.id), ['alpha']);
    assert.equal(errors.length, 1);
    assert.deepEqual({ ...errors[0], message: undefined }, { file: 'q/missing.yaml', line: 1, column: 1, field: 'tests', message: undefined });
    assert.match(errors[0]!.message, /missing required field "tests"/);
  });

  it('points at the offending line for a wrong value', () => {
    const { drills, errors } = loadPackFiles([{ path: 'q/x.yaml', text: question('x', { topic: 'astrology', hints: '[]' }) }]);
    assert.equal(drills.length, 0);
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    assert.equal(byField.topic?.line, 3);
    assert.match(byField.topic!.message, /not a checklist topic; use one of python-basics/);
    assert.equal(byField.hints?.line, 10);
  });

  it('rejects unknown fields, bad ids and non-integer order with the line', () => {
    const text = question('Bad_Id', { order: '2.5' }) + 'difficulty: hard\n';
    const { errors } = loadPackFiles([{ path: 'q/y.yaml', text }]);
    const fields = errors.map((e) => `${e.field}@${e.line}`).sort();
    assert.deepEqual(fields, ['difficulty@25', 'id@1', 'order@5']);
  });

  it('rejects malformed mistakes entries', () => {
    const text = question('m') + 'mistakes:\n  - title: off by one\n  - title: ok\n    code: |\n      export const x = 1;\n';
    const { drills, errors } = loadPackFiles([{ path: 'q/m.yaml', text }]);
    assert.equal(drills.length, 0);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.field, 'mistakes');
    assert.equal(errors[0]!.line, 26);
  });

  it('loads optional key points in a single file and points at a bad one', () => {
    const good = question('kp') + 'keyPoints:\n  - "`os.replace` is atomic on one file system"\n  - fsync before the rename\n  - temp file in the same folder\n';
    const bad = question('kq') + 'keyPoints: [only one]\n';
    const { drills, errors } = loadPackFiles([{ path: 'q/kp.yaml', text: good }, { path: 'q/kq.yaml', text: bad }]);
    assert.deepEqual(drills.map((d) => [d.id, d.keyPoints]), [['kp', ['`os.replace` is atomic on one file system', 'fsync before the rename', 'temp file in the same folder']]]);
    assert.deepEqual(errors.map(formatPackError), ['q/kq.yaml:25:12: keyPoints: has 1 key point; give 3 to 6 (what an interviewer listens for in the spoken answer)']);
  });

  it('reports a duplicate id as an error on the second file and keeps the first', () => {
    const { drills, errors } = loadPackFiles([
      { path: 'q/one.yaml', text: question('same', { title: 'First' }) },
      { path: 'q/two.yaml', text: question('same', { title: 'Second' }) },
    ]);
    assert.deepEqual(drills.map((d) => d.title), ['First']);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.file, 'q/two.yaml');
    assert.equal(errors[0]!.field, 'id');
    assert.match(errors[0]!.message, /duplicate id "same" \(already used by q\/one\.yaml\)/);
  });

  it('sorts drills by tier, then order, then title', () => {
    const { drills } = loadPackFiles([
      { path: 'a', text: question('s1', { tier: 'scenario', order: '1' }) },
      { path: 'b', text: question('b2', { order: '2' }) },
      { path: 'c', text: question('i1', { tier: 'intermediate', order: '1' }) },
      { path: 'd', text: question('b1', { order: '1' }) },
    ]);
    assert.deepEqual(drills.map((d) => d.id), ['b1', 'b2', 'i1', 's1']);
  });

  it('loads folders from disk, reports unreadable folders and duplicate ids across packs', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-pack-'));
    try {
      fs.mkdirSync(path.join(tmp, 'one', 'beginner'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'two'));
      fs.writeFileSync(path.join(tmp, 'one', 'beginner', 'a.yaml'), question('alpha'));
      fs.writeFileSync(path.join(tmp, 'one', 'notes.txt'), 'not a question');
      fs.writeFileSync(path.join(tmp, 'two', 'a.yml'), question('alpha'));
      fs.writeFileSync(path.join(tmp, 'two', 'b.yaml'), question('beta'));
      const single = await loadPackFromDir(path.join(tmp, 'one'));
      assert.deepEqual(single.drills.map((d) => d.id), ['alpha']);
      assert.equal(single.drills[0]!.source.file, path.join(tmp, 'one', 'beginner', 'a.yaml'));
      const both = await loadPacks([path.join(tmp, 'one'), path.join(tmp, 'two'), path.join(tmp, 'nowhere')]);
      assert.deepEqual(both.drills.map((d) => d.id), ['alpha', 'beta']);
      // Errors come in pack order: the duplicate in the second folder, then the missing third folder.
      assert.deepEqual(both.errors.map((e) => [path.basename(e.file), e.field]), [['a.yml', 'id'], ['nowhere', undefined]]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('questions/schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repo, 'questions', 'schema.json'), 'utf8'));

  it('requires exactly the fields the loader requires and knows the same fields', () => {
    assert.deepEqual([...schema.required].sort(), [...REQUIRED_FIELDS].sort());
    assert.deepEqual(Object.keys(schema.properties).sort(), [...ALL_FIELDS].sort());
    assert.equal(schema.additionalProperties, false);
  });

  it('lists the same tiers and topics as the core', () => {
    assert.deepEqual(schema.properties.tier.enum, [...TIERS]);
    assert.deepEqual(schema.properties.topic.enum, [...TOPIC_IDS]);
  });
});

describe('questions/drill.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repo, 'questions', 'drill.schema.json'), 'utf8'));
  const single = JSON.parse(fs.readFileSync(path.join(repo, 'questions', 'schema.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

  it("requires exactly the fields the loader requires of drill.yaml and knows the same fields", () => {
    assert.deepEqual([...schema.required].sort(), [...DRILL_YAML_REQUIRED_FIELDS].sort());
    assert.deepEqual(Object.keys(schema.properties).sort(), [...DRILL_YAML_FIELDS].sort());
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.properties.mistakes.items.required, ['title', 'file', 'blind']);
  });

  it('shares the id, tier and topic rules with the single-file schema, and the id pattern with the loader', () => {
    for (const k of ['id', 'tier', 'topic', 'hints']) assert.deepEqual({ ...schema.properties[k], description: '' }, { ...single.properties[k], description: '' }, k);
    assert.equal(schema.properties.id.maxLength, 64);
  });

  it('is registered for drill.yaml files, and the single-file schema for the single files', () => {
    const entries = pkg.contributes.yamlValidation as { fileMatch: string[]; url: string }[];
    assert.deepEqual(entries.find((e) => e.url === './questions/drill.schema.json')?.fileMatch, ['**/drill.yaml']);
    assert.ok(entries.find((e) => e.url === './questions/schema.json')?.fileMatch.includes('**/questions/beginner/*.yaml'));
  });
});

describe('layering', () => {
  it('nothing under src/core, src/sandbox or src/cli imports vscode', () => {
    const offenders: string[] = [];
    for (const dir of ['core', 'sandbox', 'cli']) {
      const root = path.join(repo, 'src', dir);
      if (!fs.existsSync(root)) continue;
      for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const file = path.join(entry.parentPath, entry.name);
        const text = fs.readFileSync(file, 'utf8');
        if (/(?:from\s+|require\(\s*|import\(\s*)['"]vscode['"]/.test(text)) offenders.push(path.relative(repo, file));
      }
    }
    assert.deepEqual(offenders, []);
  });
});
