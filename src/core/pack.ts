import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { type Drill, type Mistake, type PackError, compareDrills, isTier, TIERS } from './model';
import { isTopicId, TOPIC_IDS } from './topics';

/** What loading a pack yields: every drill that is valid, and an error for everything that is not. */
export interface PackLoad {
  drills: Drill[];
  errors: PackError[];
}

export interface PackFile {
  path: string;
  text: string;
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const REQUIRED = ['id', 'tier', 'topic', 'title', 'prompt', 'answer', 'hints', 'stub', 'solution', 'tests'] as const;
const OPTIONAL = ['order', 'mistakes'] as const;
const KNOWN_FIELDS: readonly string[] = [...REQUIRED, ...OPTIONAL];
const TEXT_FIELDS = ['title', 'prompt', 'answer', 'stub', 'solution', 'tests'] as const;
export const DEFAULT_ORDER = 1000;

/** Every field a question file must have, in the order the schema lists them. */
export const REQUIRED_FIELDS: readonly string[] = REQUIRED;
export const ALL_FIELDS: readonly string[] = KNOWN_FIELDS;

/** Lists the question files (*.yaml, *.yml) under a folder, sorted so loading is deterministic. */
export function listQuestionFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Loads every question file under `dir`. A missing or unreadable folder or file is reported, never thrown. */
export function loadPackFromDir(dir: string): PackLoad {
  return loadPacks([dir]);
}

/** Reads every question file under `dir` (sorted); an unreadable folder or file is an error entry. */
export function readPackDir(dir: string): { files: PackFile[]; errors: PackError[] } {
  const files: PackFile[] = [];
  const errors: PackError[] = [];
  let paths: string[];
  try {
    paths = listQuestionFiles(dir);
  } catch (e) {
    return { files, errors: [{ file: dir, line: 0, column: 0, message: `cannot read the question folder: ${errorText(e)}` }] };
  }
  for (const file of paths) {
    try {
      files.push({ path: file, text: fs.readFileSync(file, 'utf8') });
    } catch (e) {
      errors.push({ file, line: 0, column: 0, message: `cannot read the file: ${errorText(e)}` });
    }
  }
  return { files, errors };
}

/** Loads several packs (the bundled one, then the user's folders); an id already loaded wins over a later one. */
export function loadPacks(dirs: readonly string[]): PackLoad {
  return mergePacks(dirs.map((dir) => {
    const { files, errors } = readPackDir(dir);
    const loaded = loadPackFiles(files);
    return { drills: loaded.drills, errors: [...errors, ...loaded.errors] };
  }));
}

/** Joins loaded packs in order: a drill whose id an earlier one already has is dropped with an error. */
export function mergePacks(packs: readonly PackLoad[]): PackLoad {
  const seen = new Map<string, Drill>();
  const drills: Drill[] = [];
  const errors: PackError[] = [];
  for (const pack of packs) {
    errors.push(...pack.errors);
    for (const drill of pack.drills) {
      const first = seen.get(drill.id);
      if (first) {
        errors.push(duplicateError(drill, first));
        continue;
      }
      seen.set(drill.id, drill);
      drills.push(drill);
    }
  }
  return { drills: drills.sort(compareDrills), errors };
}

/** Parses and validates question files held in memory. */
export function loadPackFiles(files: readonly PackFile[]): PackLoad {
  const parsed = files.map(parseQuestion);
  return mergePacks([{ drills: parsed.flatMap((p) => (p.drill ? [p.drill] : [])), errors: parsed.flatMap((p) => p.errors) }]);
}

function duplicateError(drill: Drill, first: Drill): PackError {
  return {
    file: drill.source.file,
    line: drill.source.lines.id ?? 1,
    column: 1,
    field: 'id',
    message: `duplicate id "${drill.id}" (already used by ${first.source.file}); give this drill another id`,
  };
}

/** Parses one question file: a drill when it is valid, and every error found (all of them, not just the first). */
export function parseQuestion(file: PackFile): { drill?: Drill; errors: PackError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: PackError[] = [];
  const at = (offset: number | undefined, field: string | undefined, message: string): PackError => {
    const pos = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    return { file: file.path, line: pos.line, column: pos.col, ...(field ? { field } : {}), message };
  };

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      let pos = lineCounter.linePos(e.pos[0]);
      // The parser notices an unclosed quote only where the file ends: point at the line that opened it.
      if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) pos = openingQuoteLine(file.text, pos.line) ?? pos;
      const field = fieldAtLine(file.text, pos.line);
      errors.push({
        file: file.path,
        line: pos.line,
        column: pos.col,
        ...(field ? { field } : {}),
        message: `YAML syntax error: ${e.message.split('\n')[0]} (fix the YAML; multi-line text belongs in a block scalar, e.g. "prompt: |")`,
      });
    }
    return { errors };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    errors.push(at(root?.range?.[0], undefined, 'a question file must be a mapping of fields (id, tier, topic, ...)'));
    return { errors };
  }

  const fields = new Map<string, Pair<unknown, unknown>>();
  const lines: Record<string, number> = {};
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const offset = keyNode?.range?.[0];
    if (key === undefined) {
      errors.push(at(offset, undefined, 'field names must be plain words'));
      continue;
    }
    if (!KNOWN_FIELDS.includes(key)) {
      errors.push(at(offset, key, `unknown field; the fields are ${KNOWN_FIELDS.join(', ')}`));
      continue;
    }
    fields.set(key, pair);
    lines[key] = lineCounter.linePos(offset ?? 0).line;
  }
  for (const key of REQUIRED) {
    if (!fields.has(key)) errors.push(at(undefined, key, `missing required field "${key}"`));
  }

  const valueOffset = (key: string) => {
    const pair = fields.get(key);
    return (pair?.value as YamlNode | null)?.range?.[0] ?? (pair?.key as YamlNode | null)?.range?.[0];
  };
  const text = (key: string): string | undefined => {
    const pair = fields.get(key);
    if (!pair) return undefined;
    const v = pair.value;
    if (!isScalar(v) || typeof v.value !== 'string') {
      errors.push(at(valueOffset(key), key, 'must be text (use a block scalar "|" for several lines)'));
      return undefined;
    }
    if (v.value.trim() === '') {
      errors.push(at(valueOffset(key), key, 'must not be empty'));
      return undefined;
    }
    return v.value;
  };

  const values: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
  for (const key of TEXT_FIELDS) values[key] = text(key);

  const id = text('id');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    errors.push(at(valueOffset('id'), 'id', `"${id}" is not a valid id: use lower-case letters and digits joined by hyphens, e.g. "retry-flaky-call"`));
  }
  const tier = text('tier');
  if (tier !== undefined && !isTier(tier)) {
    errors.push(at(valueOffset('tier'), 'tier', `"${tier}" is not a tier; use one of ${TIERS.join(', ')}`));
  }
  const topic = text('topic');
  if (topic !== undefined && !isTopicId(topic)) {
    errors.push(at(valueOffset('topic'), 'topic', `"${topic}" is not a checklist topic; use one of ${TOPIC_IDS.join(', ')}`));
  }

  let order = DEFAULT_ORDER;
  if (fields.has('order')) {
    const v = fields.get('order')?.value;
    if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value)) order = v.value;
    else errors.push(at(valueOffset('order'), 'order', 'must be a whole number'));
  }

  let hints: string[] | undefined;
  if (fields.has('hints')) {
    const v = fields.get('hints')?.value;
    if (!isSeq(v) || v.items.length === 0) {
      errors.push(at(valueOffset('hints'), 'hints', 'must be a list of at least one hint ("- ..." lines)'));
    } else {
      hints = [];
      for (const item of v.items) {
        const node = item as YamlNode | null;
        if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') hints.push(node.value);
        else errors.push(at(node?.range?.[0] ?? valueOffset('hints'), 'hints', 'each hint must be non-empty text'));
      }
    }
  }

  const mistakes: Mistake[] = [];
  if (fields.has('mistakes')) {
    const v = fields.get('mistakes')?.value;
    if (!isSeq(v)) {
      errors.push(at(valueOffset('mistakes'), 'mistakes', 'must be a list of {title, code} entries'));
    } else {
      v.items.forEach((item, i) => {
        const node = item as YamlNode | null;
        const title = isMap(node) ? node.get('title') : undefined;
        const code = isMap(node) ? node.get('code') : undefined;
        const extra = isMap(node) ? node.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)).filter((k) => k !== 'title' && k !== 'code') : [];
        if (typeof title !== 'string' || typeof code !== 'string' || title.trim() === '' || code.trim() === '' || extra.length > 0) {
          errors.push(at(node?.range?.[0] ?? valueOffset('mistakes'), 'mistakes', `entry ${i + 1} must have exactly a non-empty "title" and "code"`));
        } else {
          mistakes.push({ title, code });
        }
      });
    }
  }

  if (errors.length > 0 || id === undefined || !isTier(tier) || !isTopicId(topic) || !hints) return { errors };
  const { title, prompt, answer, stub, solution, tests } = values;
  if (title === undefined || prompt === undefined || answer === undefined || stub === undefined || solution === undefined || tests === undefined) {
    return { errors };
  }
  return {
    drill: { id, tier, topic, title, order, prompt, answer, hints, stub, solution, tests, mistakes, source: { file: file.path, lines } },
    errors,
  };
}

function openingQuoteLine(text: string, fromLine: number): { line: number; col: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = Math.min(fromLine, lines.length) - 1; i >= 0; i--) {
    const m = /^(\s*[\w-]+:\s*)(["'])/.exec(lines[i] ?? '');
    if (m && (lines[i] ?? '').split(m[2]!).length % 2 === 0) return { line: i + 1, col: m[1]!.length + 1 };
  }
  return undefined;
}

/** For a YAML syntax error: the top-level field whose block the line falls in (the nearest unindented key above). */
function fieldAtLine(text: string, line: number | undefined): string | undefined {
  if (!line) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? '');
    if (m) return m[1];
  }
  return undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
