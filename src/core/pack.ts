import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import {
  type Drill, type DrillFileField, DRILL_ID_MAX_LENGTH, isDrillId, type Mistake, type PackError, compareDrills, DRILL_FOLDER_FILES, isTier, TIERS,
  PYTHON_FILES, PYTHON_FOLDER, type PythonFileField, type PythonTrack,
} from './model';
import { applyPatch } from './patch';
import { isTopicId, TOPIC_IDS } from './topics';

// A pack is a folder of drills in either form:
// - a drill folder, `<id>/` holding drill.yaml (metadata), prompt.md, answer.md, stub.ts, solution.ts,
//   solution.test.ts and the kept mistakes under mistakes/ (the bundled pack's form);
// - a single YAML file holding every field (handy to share one drill).

/** What loading a pack yields: every drill that is valid, and an error for everything that is not. */
export interface PackLoad {
  drills: Drill[];
  errors: PackError[];
}

export interface PackFile {
  path: string;
  text: string;
}

/** The largest question file read (a whole drill is about 50 KB today). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** How deep the folder walk goes below a pack folder, and how many entries it reads in all. */
export const MAX_DEPTH = 8;
export const MAX_ENTRIES = 20000;
/** Folders the walk never enters. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
export const DRILL_FILE = 'drill.yaml';

const REQUIRED = ['id', 'tier', 'topic', 'title', 'prompt', 'answer', 'hints', 'stub', 'solution', 'tests'] as const;
const OPTIONAL = ['order', 'minutes', 'keyPoints', 'mistakes'] as const;
const KNOWN_FIELDS: readonly string[] = [...REQUIRED, ...OPTIONAL];
const TEXT_FIELDS = ['title', 'prompt', 'answer', 'stub', 'solution', 'tests'] as const;
/** drill.yaml: the metadata; the texts are files beside it. */
const FOLDER_REQUIRED = ['id', 'tier', 'topic', 'title', 'minutes', 'hints'] as const;
const FOLDER_FIELDS: readonly string[] = [...FOLDER_REQUIRED, 'order', 'keyPoints', 'mistakes', 'python'];
/** The keys of drill.yaml's `python:` block. */
const PYTHON_BLOCK_FIELDS = ['note', 'mistakes'] as const;
export const DEFAULT_ORDER = 1000;
const MAX_MINUTES = 600;
/** How many key points a drill gives when it gives any, and how long one may be. */
export const KEY_POINTS_MIN = 3;
export const KEY_POINTS_MAX = 6;
export const KEY_POINT_MAX_LENGTH = 200;

/** Every field a single-file question must have, in the order the schema lists them. */
export const REQUIRED_FIELDS: readonly string[] = REQUIRED;
export const ALL_FIELDS: readonly string[] = KNOWN_FIELDS;
/** The fields of a folder drill's drill.yaml, and the required ones. */
export const DRILL_YAML_REQUIRED_FIELDS: readonly string[] = FOLDER_REQUIRED;
export const DRILL_YAML_FIELDS: readonly string[] = FOLDER_FIELDS;

// ---------------------------------------------------------------- reading a folder

/** One step of the walk: what it needs from the file system. The same walk runs synchronously or not. */
type WalkRequest = { op: 'list'; dir: string } | { op: 'read'; files: string[] };
type WalkEntry = { name: string; kind: 'dir' | 'file' | 'other' };
type ReadResult = Buffer | { error: unknown } | { tooBig: number };
type WalkResponse = WalkEntry[] | ReadResult[] | { error: unknown };
type Walk = Generator<WalkRequest, { files: PackFile[]; errors: PackError[] }, WalkResponse>;
/** How many files the asynchronous walk reads at once. */
const READ_CONCURRENCY = 16;

const failed = (r: WalkResponse | ReadResult): r is { error: unknown } => typeof r === 'object' && r !== null && 'error' in r;
const tooBig = (r: ReadResult): r is { tooBig: number } => typeof r === 'object' && r !== null && 'tooBig' in r;

/**
 * Lists and reads a pack folder: every *.yaml / *.yml file, and every file of a drill folder (one holding
 * drill.yaml), sorted so loading is deterministic. Bounded: MAX_DEPTH folders deep, MAX_ENTRIES entries, files
 * up to MAX_FILE_BYTES of UTF-8; node_modules, .git and hidden entries are skipped.
 */
function* walkPack(root: string): Walk {
  const files: PackFile[] = [];
  const errors: PackError[] = [];
  const toRead: string[] = [];
  let entries = 0;
  let stopped = false;
  const err = (file: string, message: string) => errors.push({ file, line: 0, column: 0, message });

  function* visit(dir: string, depth: number, inDrill: boolean): Generator<WalkRequest, void, WalkResponse> {
    const listed = yield { op: 'list', dir };
    if (failed(listed)) {
      err(dir, depth === 0 ? `cannot read the question folder: ${errorText(listed.error)}` : `cannot read the folder: ${errorText(listed.error)}`);
      return;
    }
    const list = (listed as WalkEntry[]).filter((e) => !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    entries += list.length;
    if (entries > MAX_ENTRIES) {
      if (!stopped) err(root, `more than ${MAX_ENTRIES} files and folders: stopped reading here (point the setting at the folder of your drills, not a whole project)`);
      stopped = true;
      return;
    }
    const drillHere = inDrill || list.some((e) => e.kind === 'file' && e.name === DRILL_FILE);
    for (const entry of list) {
      const full = path.join(dir, entry.name);
      if (entry.kind === 'dir') {
        if (depth + 1 > MAX_DEPTH) err(full, `nested more than ${MAX_DEPTH} folders deep below ${root}: not read`);
        else yield* visit(full, depth + 1, drillHere);
        if (stopped) return;
      } else if (entry.kind === 'file' && (drillHere || /\.ya?ml$/i.test(entry.name))) {
        toRead.push(full);
      }
    }
  }
  yield* visit(root, 0, false);

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reads = (yield { op: 'read', files: toRead }) as ReadResult[];
  for (const [i, file] of toRead.entries()) {
    const read = reads[i]!;
    if (failed(read)) {
      err(file, `cannot read the file: ${errorText(read.error)}`);
    } else if (tooBig(read)) {
      err(file, `the file is ${read.tooBig} bytes; a question file may hold at most ${MAX_FILE_BYTES} bytes`);
    } else {
      try {
        files.push({ path: file, text: decoder.decode(read as Buffer) });
      } catch {
        err(file, 'the file is not UTF-8 text: save it as UTF-8');
      }
    }
  }
  return { files, errors };
}

/** One file, unless it is over MAX_FILE_BYTES (then only its size is known). */
async function readCapped(file: string): Promise<ReadResult> {
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      const { size } = await handle.stat();
      return size > MAX_FILE_BYTES ? { tooBig: size } : await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { error: e };
  }
}

const kindOf = (d: fs.Dirent): WalkEntry['kind'] => (d.isDirectory() ? 'dir' : d.isFile() ? 'file' : 'other');

/** Reads every question file under `dir` without blocking; an unreadable folder or file is an error entry. */
export async function readPackDir(dir: string): Promise<{ files: PackFile[]; errors: PackError[] }> {
  const walk = walkPack(dir);
  let step = walk.next(undefined as unknown as WalkResponse);
  while (!step.done) {
    const req = step.value;
    let res: WalkResponse;
    try {
      if (req.op === 'list') {
        res = (await fs.promises.readdir(req.dir, { withFileTypes: true })).map((d) => ({ name: d.name, kind: kindOf(d) }));
      } else {
        const results: ReadResult[] = new Array(req.files.length);
        let next = 0;
        const worker = async () => {
          while (next < req.files.length) {
            const i = next++;
            results[i] = await readCapped(req.files[i]!);
          }
        };
        await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, req.files.length) }, worker));
        res = results;
      }
    } catch (e) {
      res = { error: e };
    }
    step = walk.next(res);
  }
  return step.value;
}

/** The same walk, synchronous: for build scripts and tests that must know the drills before they start. */
export function readPackDirSync(dir: string): { files: PackFile[]; errors: PackError[] } {
  const walk = walkPack(dir);
  let step = walk.next(undefined as unknown as WalkResponse);
  while (!step.done) {
    const req = step.value;
    let res: WalkResponse;
    try {
      if (req.op === 'list') {
        res = fs.readdirSync(req.dir, { withFileTypes: true }).map((d) => ({ name: d.name, kind: kindOf(d) }));
      } else {
        res = req.files.map((file): ReadResult => {
          try {
            const size = fs.statSync(file).size;
            return size > MAX_FILE_BYTES ? { tooBig: size } : fs.readFileSync(file);
          } catch (e) {
            return { error: e };
          }
        });
      }
    } catch (e) {
      res = { error: e };
    }
    step = walk.next(res);
  }
  return step.value;
}

/** Loads every drill under `dir`. A missing or unreadable folder or file is reported, never thrown. */
export async function loadPackFromDir(dir: string): Promise<PackLoad> {
  return loadPacks([dir]);
}

/** loadPackFromDir, synchronous (build scripts and tests). */
export function loadPackFromDirSync(dir: string): PackLoad {
  const { files, errors } = readPackDirSync(dir);
  const loaded = loadPackFiles(files);
  return { drills: loaded.drills, errors: [...errors, ...loaded.errors] };
}

/** Loads several packs (the bundled one, then the user's folders); an id already loaded wins over a later one. */
export async function loadPacks(dirs: readonly string[]): Promise<PackLoad> {
  const packs = await Promise.all(dirs.map(async (dir) => {
    const { files, errors } = await readPackDir(dir);
    const loaded = loadPackFiles(files);
    return { drills: loaded.drills, errors: [...errors, ...loaded.errors] };
  }));
  return mergePacks(packs);
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

const isUnder = (file: string, dir: string) => file.startsWith(`${dir}/`) || file.startsWith(`${dir}${path.sep}`);
const dirOf = (file: string) => file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf(path.sep)));
const baseOf = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf(path.sep)) + 1);

/**
 * Parses and validates question files held in memory: each drill.yaml with the files of its folder, and each
 * other file outside drill folders (the walk reads only *.yaml / *.yml there) as a single-file drill.
 */
export function loadPackFiles(files: readonly PackFile[]): PackLoad {
  const drillDirs = files.filter((f) => baseOf(f.path) === DRILL_FILE).map((f) => dirOf(f.path));
  const parsed: { drill?: Drill; errors: PackError[] }[] = [];
  for (const f of files) {
    if (baseOf(f.path) === DRILL_FILE) {
      const dir = dirOf(f.path);
      if (drillDirs.some((d) => d !== dir && isUnder(dir, d))) continue; // a drill.yaml inside another drill's folder
      parsed.push(parseDrillFolder(f, files.filter((s) => isUnder(s.path, dir))));
    } else if (!drillDirs.some((d) => isUnder(f.path, d))) {
      parsed.push(parseQuestion(f));
    }
  }
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

// ---------------------------------------------------------------- the YAML of either form

type At = (offset: number | undefined, field: string | undefined, message: string) => PackError;

interface YamlFields {
  fields: Map<string, Pair<unknown, unknown>>;
  lines: Record<string, number>;
  at: At;
  valueOffset: (key: string) => number | undefined;
}

/** Parses a YAML mapping of known fields; pushes an error for each syntax error, unknown or missing field. */
function readYamlFields(file: PackFile, known: readonly string[], required: readonly string[], errors: PackError[], kind: string): YamlFields | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at: At = (offset, field, message) => {
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
    return undefined;
  }
  const root = doc.contents;
  if (!isMap(root)) {
    errors.push(at(root?.range?.[0], undefined, `${kind} must be a mapping of fields (id, tier, topic, ...)`));
    return undefined;
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
    if (!known.includes(key)) {
      const extra = kind === DRILL_FILE && key in DRILL_FOLDER_FILES ? ` (a folder drill keeps its ${key} in ${DRILL_FOLDER_FILES[key as DrillFileField]})` : '';
      errors.push(at(offset, key, `unknown field; the fields are ${known.join(', ')}${extra}`));
      continue;
    }
    fields.set(key, pair);
    lines[key] = lineCounter.linePos(offset ?? 0).line;
  }
  for (const key of required) {
    if (!fields.has(key)) errors.push(at(undefined, key, `missing required field "${key}"`));
  }
  const valueOffset = (key: string) => {
    const pair = fields.get(key);
    return (pair?.value as YamlNode | null)?.range?.[0] ?? (pair?.key as YamlNode | null)?.range?.[0];
  };
  return { fields, lines, at, valueOffset };
}

/** Reads a text field; an error when it is not non-empty text. */
function textField(y: YamlFields, key: string, errors: PackError[]): string | undefined {
  const pair = y.fields.get(key);
  if (!pair) return undefined;
  const v = pair.value;
  if (!isScalar(v) || typeof v.value !== 'string') {
    errors.push(y.at(y.valueOffset(key), key, 'must be text (use a block scalar "|" for several lines)'));
    return undefined;
  }
  if (v.value.trim() === '') {
    errors.push(y.at(y.valueOffset(key), key, 'must not be empty'));
    return undefined;
  }
  return v.value;
}

interface Metadata {
  id?: string;
  tier?: Drill['tier'];
  topic?: Drill['topic'];
  title?: string;
  order: number;
  minutes?: number;
  keyPoints?: string[];
  hints?: string[];
}

/** The metadata both forms share: id, tier, topic, title, order, minutes, keyPoints, hints. */
function readMetadata(y: YamlFields, errors: PackError[]): Metadata {
  const { fields, at, valueOffset } = y;
  const id = textField(y, 'id', errors);
  let validId: string | undefined = id;
  if (id !== undefined && !isDrillId(id as unknown)) {
    validId = undefined;
    const why = id.length > DRILL_ID_MAX_LENGTH ? `is ${id.length} characters long; an id has at most ${DRILL_ID_MAX_LENGTH}` : 'is not a valid id: use lower-case letters and digits joined by hyphens, e.g. "retry-flaky-call"';
    errors.push(at(valueOffset('id'), 'id', `"${id.length > 80 ? `${id.slice(0, 80)}…` : id}" ${why}`));
  }
  const tierText = textField(y, 'tier', errors);
  if (tierText !== undefined && !isTier(tierText)) {
    errors.push(at(valueOffset('tier'), 'tier', `"${tierText}" is not a tier; use one of ${TIERS.join(', ')}`));
  }
  const topicText = textField(y, 'topic', errors);
  if (topicText !== undefined && !isTopicId(topicText)) {
    errors.push(at(valueOffset('topic'), 'topic', `"${topicText}" is not a checklist topic; use one of ${TOPIC_IDS.join(', ')}`));
  }
  const title = textField(y, 'title', errors);

  let order = DEFAULT_ORDER;
  if (fields.has('order')) {
    const v = fields.get('order')?.value;
    if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value)) order = v.value;
    else errors.push(at(valueOffset('order'), 'order', 'must be a whole number'));
  }
  let minutes: number | undefined;
  if (fields.has('minutes')) {
    const v = fields.get('minutes')?.value;
    if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 1 && v.value <= MAX_MINUTES) minutes = v.value;
    else errors.push(at(valueOffset('minutes'), 'minutes', `must be a whole number of minutes from 1 to ${MAX_MINUTES}`));
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
  return {
    id: validId,
    tier: isTier(tierText) ? tierText : undefined,
    topic: isTopicId(topicText) ? topicText : undefined,
    title,
    order,
    ...(minutes !== undefined ? { minutes } : {}),
    keyPoints: readKeyPoints(y, errors),
    hints,
  };
}

/**
 * `keyPoints`: optional; when given, a list of KEY_POINTS_MIN to KEY_POINTS_MAX one-line texts, each at most
 * KEY_POINT_MAX_LENGTH characters (plain text; inline `code` is fine).
 */
function readKeyPoints(y: YamlFields, errors: PackError[]): string[] | undefined {
  if (!y.fields.has('keyPoints')) return undefined;
  const v = y.fields.get('keyPoints')?.value;
  const range = `${KEY_POINTS_MIN} to ${KEY_POINTS_MAX}`;
  if (!isSeq(v)) {
    errors.push(y.at(y.valueOffset('keyPoints'), 'keyPoints', `must be a list of ${range} key points ("- ..." lines, one line each)`));
    return undefined;
  }
  if (v.items.length < KEY_POINTS_MIN || v.items.length > KEY_POINTS_MAX) {
    errors.push(y.at(y.valueOffset('keyPoints'), 'keyPoints', `has ${v.items.length} key point${v.items.length === 1 ? '' : 's'}; give ${range} (what an interviewer listens for in the spoken answer)`));
  }
  const points: string[] = [];
  for (const [i, item] of v.items.entries()) {
    const node = item as YamlNode | null;
    const at = (message: string) => errors.push(y.at(node?.range?.[0] ?? y.valueOffset('keyPoints'), 'keyPoints', `key point ${i + 1} ${message}`));
    if (!isScalar(node) || typeof node.value !== 'string') {
      at('must be one line of text (quote it when it starts with a backtick or holds ": ")');
    } else if (node.value.trim() === '') {
      at('is empty');
    } else if (/[\r\n]/.test(node.value.trim())) {
      at('must be one line (no line breaks; drop the block scalar "|")');
    } else if (node.value.trim().length > KEY_POINT_MAX_LENGTH) {
      at(`is ${node.value.trim().length} characters long; keep it to at most ${KEY_POINT_MAX_LENGTH} (one point, said in a sentence)`);
    } else {
      points.push(node.value.trim());
    }
  }
  return points.length === v.items.length && v.items.length >= KEY_POINTS_MIN && v.items.length <= KEY_POINTS_MAX ? points : undefined;
}

/** The entries of a `mistakes:` list: each a mapping with exactly the given keys. */
function mistakeEntries(y: YamlFields, errors: PackError[], shape: string): { node: YamlNode | null; index: number; map: Map<string, unknown> }[] | undefined {
  if (!y.fields.has('mistakes')) return [];
  const v = y.fields.get('mistakes')?.value;
  if (!isSeq(v)) {
    errors.push(y.at(y.valueOffset('mistakes'), 'mistakes', `must be a list of {${shape}} entries`));
    return undefined;
  }
  return v.items.map((item, index) => {
    const node = item as YamlNode | null;
    const map = new Map<string, unknown>(isMap(node) ? node.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), isScalar(p.value) ? p.value.value : p.value]) : []);
    return { node, index, map };
  });
}

// ---------------------------------------------------------------- single file

/** Parses one single-file question: a drill when it is valid, and every error found (all of them, not just the first). */
export function parseQuestion(file: PackFile): { drill?: Drill; errors: PackError[] } {
  const errors: PackError[] = [];
  const y = readYamlFields(file, KNOWN_FIELDS, REQUIRED, errors, 'a question file');
  if (!y) return { errors };
  const meta = readMetadata(y, errors);
  const values: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
  for (const key of TEXT_FIELDS) if (key !== 'title') values[key] = textField(y, key, errors);

  const mistakes: Mistake[] = [];
  for (const { node, index, map } of mistakeEntries(y, errors, 'title, code') ?? []) {
    const title = map.get('title');
    const code = map.get('code');
    const extra = [...map.keys()].filter((k) => k !== 'title' && k !== 'code');
    if (typeof title !== 'string' || typeof code !== 'string' || title.trim() === '' || code.trim() === '' || extra.length > 0) {
      errors.push(y.at(node?.range?.[0] ?? y.valueOffset('mistakes'), 'mistakes', `entry ${index + 1} must have exactly a non-empty "title" and "code"`));
    } else {
      mistakes.push({ title, code });
    }
  }

  const { id, tier, topic, title, order, minutes, keyPoints, hints } = meta;
  const { prompt, answer, stub, solution, tests } = values;
  if (errors.length > 0 || !id || !tier || !topic || !hints || !title || !prompt || !answer || !stub || !solution || !tests) return { errors };
  return {
    drill: { id, tier, topic, title, order, ...(minutes !== undefined ? { minutes } : {}), ...(keyPoints ? { keyPoints } : {}), prompt, answer, hints, stub, solution, tests, mistakes, source: { file: file.path, lines: y.lines } },
    errors,
  };
}

// ---------------------------------------------------------------- folder

/**
 * Parses a drill folder: `drillYaml` is its drill.yaml, `folder` every file read under the folder. The texts come
 * from prompt.md, answer.md, stub.ts, solution.ts and solution.test.ts; each mistake from its file under mistakes/:
 * a `.patch` (a unified diff against solution.ts, applied here) or a whole `.ts` file.
 */
export function parseDrillFolder(drillYaml: PackFile, folder: readonly PackFile[]): { drill?: Drill; errors: PackError[] } {
  const errors: PackError[] = [];
  const dir = dirOf(drillYaml.path);
  const y = readYamlFields(drillYaml, FOLDER_FIELDS, FOLDER_REQUIRED, errors, DRILL_FILE);
  if (!y) return { errors };
  const meta = readMetadata(y, errors);
  const byName = new Map(folder.map((f) => [f.path.slice(dir.length + 1).split(path.sep).join('/'), f]));

  if (meta.id !== undefined && baseOf(dir) !== meta.id) {
    errors.push(y.at(y.valueOffset('id'), 'id', `the folder is named "${baseOf(dir)}" but the id is "${meta.id}": name the folder after the id`));
  }

  const texts: Partial<Record<DrillFileField, string>> = {};
  const files: Partial<Record<DrillFileField, string>> = {};
  for (const [field, name] of Object.entries(DRILL_FOLDER_FILES) as [DrillFileField, string][]) {
    const f = byName.get(name);
    if (!f) {
      errors.push({ file: drillYaml.path, line: 1, column: 1, field, message: `missing ${name} beside ${DRILL_FILE}` });
    } else if (f.text.trim() === '') {
      errors.push({ file: f.path, line: 1, column: 1, field, message: `${name} is empty` });
    } else {
      texts[field] = f.text;
      files[field] = f.path;
    }
  }

  const mistakes = folderMistakes(y, y.fields.get('mistakes')?.value, y.valueOffset('mistakes'), 'mistakes', byName, '', texts.solution, 'ts', errors);
  const python = parsePythonTrack(y, byName, errors);

  const { id, tier, topic, title, order, minutes, keyPoints, hints } = meta;
  const { prompt, answer, stub, solution, tests } = texts;
  if (errors.length > 0 || !id || !tier || !topic || !hints || !title || !prompt || !answer || !stub || !solution || !tests) return { errors };
  return {
    drill: {
      id, tier, topic, title, order, ...(minutes !== undefined ? { minutes } : {}), ...(keyPoints ? { keyPoints } : {}), prompt, answer, hints, stub, solution, tests, mistakes,
      ...(python ? { python } : {}),
      source: { file: drillYaml.path, lines: y.lines, dir, files },
    },
    errors,
  };
}

/**
 * The kept mistakes of a folder drill (or of its Python track): each `{title, file, blind}` entry of `seq`, read from
 * `<prefix>mistakes/<slug>.patch` (a unified diff against the solution, applied here) or `<prefix>mistakes/<slug>.<ext>`.
 */
function folderMistakes(
  y: YamlFields, seq: unknown, seqOffset: number | undefined, label: string, byName: ReadonlyMap<string, PackFile>, prefix: string,
  solution: string | undefined, ext: 'ts' | 'py', errors: PackError[],
): Mistake[] {
  const mistakes: Mistake[] = [];
  if (seq === undefined) return mistakes;
  const solutionName = ext === 'ts' ? 'solution.ts' : `${PYTHON_FOLDER}/${PYTHON_FILES.solution}`;
  if (!isSeq(seq)) {
    errors.push(y.at(seqOffset, label, 'must be a list of {title, file, blind} entries'));
    return mistakes;
  }
  for (const [index, item] of seq.items.entries()) {
    const node = item as YamlNode | null;
    const map = new Map<string, unknown>(isMap(node) ? node.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), isScalar(p.value) ? p.value.value : p.value]) : []);
    const at = (message: string) => errors.push(y.at(node?.range?.[0] ?? seqOffset, label, `entry ${index + 1}: ${message}`));
    const title = map.get('title');
    const name = map.get('file');
    const blind = map.get('blind');
    const extra = [...map.keys()].filter((k) => k !== 'title' && k !== 'file' && k !== 'blind');
    if (typeof title !== 'string' || title.trim() === '' || typeof name !== 'string' || typeof blind !== 'boolean' || extra.length > 0) {
      at(`must have exactly a non-empty "title", a "file" (mistakes/<slug>.patch or mistakes/<slug>.${ext}) and "blind: true|false"`);
      continue;
    }
    if (!new RegExp(`^mistakes/[a-z0-9][a-z0-9-]*\\.(patch|${ext})$`).test(name)) {
      at(`"${name}" is not a mistake file: use mistakes/<slug>.patch (a diff -u against ${solutionName}) or mistakes/<slug>.${ext} (a whole wrong solution)${prefix ? `, both under ${prefix}` : ''}`);
      continue;
    }
    const f = byName.get(prefix + name);
    if (!f) {
      at(`${prefix}${name} is missing`);
      continue;
    }
    if (!name.endsWith('.patch')) {
      if (f.text.trim() === '') errors.push({ file: f.path, line: 1, column: 1, field: label, message: `${prefix}${name} is empty` });
      else mistakes.push({ title, code: f.text, file: f.path, blind });
      continue;
    }
    if (solution === undefined) continue;
    const applied = applyPatch(solution, f.text, solutionName);
    if (applied.problem) {
      errors.push({ file: f.path, line: applied.problem.line, column: 1, field: label, message: applied.problem.message });
    } else if (applied.text === solution) {
      errors.push({ file: f.path, line: 1, column: 1, field: label, message: `the patch leaves ${solutionName} unchanged: a mistake must change it` });
    } else {
      mistakes.push({ title, code: applied.text, file: f.path, blind });
    }
  }
  return mistakes;
}

/**
 * A drill folder's Python track: drill.yaml's `python:` block (an optional `note`, the `mistakes`) and the files
 * python/stub.py, python/solution.py, python/test_solution.py, python/mistakes/. Files under python/ without the
 * block are an error, so a track is never silently ignored.
 */
function parsePythonTrack(y: YamlFields, byName: ReadonlyMap<string, PackFile>, errors: PackError[]): PythonTrack | undefined {
  const pyPrefix = `${PYTHON_FOLDER}/`;
  const pair = y.fields.get('python');
  if (!pair) {
    const stray = [...byName.keys()].filter((n) => n.startsWith(pyPrefix));
    if (stray.length > 0) {
      errors.push({ file: byName.get(stray[0]!)!.path, line: 1, column: 1, field: 'python', message: `${PYTHON_FOLDER}/ holds files but ${DRILL_FILE} has no "python:" block: add one (e.g. "python: {}", or with a note and mistakes)` });
    }
    return undefined;
  }
  const before = errors.length;
  const block = pair.value as YamlNode | null;
  const blockOffset = y.valueOffset('python');
  let note: string | undefined;
  let mistakesNode: unknown;
  let mistakesOffset = blockOffset;
  if (isMap(block)) {
    for (const item of block.items) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      const keyOffset = (item.key as YamlNode | null)?.range?.[0];
      if (key === 'note') {
        const v = item.value;
        if (isScalar(v) && typeof v.value === 'string' && v.value.trim() !== '') note = v.value;
        else errors.push(y.at(keyOffset, 'python', 'note must be non-empty text (markdown: what changes when the drill is answered in Python)'));
      } else if (key === 'mistakes') {
        mistakesNode = item.value;
        mistakesOffset = (item.value as YamlNode | null)?.range?.[0] ?? keyOffset;
      } else {
        errors.push(y.at(keyOffset, 'python', `unknown field "${key ?? '?'}" in the python block; its fields are ${PYTHON_BLOCK_FIELDS.join(', ')}`));
      }
    }
  } else if (!(isScalar(block) && block.value === null) && block !== null) {
    errors.push(y.at(blockOffset, 'python', `must be a mapping with ${PYTHON_BLOCK_FIELDS.join(' and ')} ("python: {}" for none)`));
  }
  const texts: Partial<Record<PythonFileField, string>> = {};
  const files: Partial<Record<PythonFileField, string>> = {};
  for (const [field, name] of Object.entries(PYTHON_FILES) as [PythonFileField, string][]) {
    const f = byName.get(pyPrefix + name);
    if (!f) errors.push({ file: y.at(undefined, undefined, '').file, line: y.lines.python ?? 1, column: 1, field: 'python', message: `missing ${pyPrefix}${name} (the python block needs ${Object.values(PYTHON_FILES).map((n) => pyPrefix + n).join(', ')})` });
    else if (f.text.trim() === '') errors.push({ file: f.path, line: 1, column: 1, field: 'python', message: `${pyPrefix}${name} is empty` });
    else {
      texts[field] = f.text;
      files[field] = f.path;
    }
  }
  const mistakes = folderMistakes(y, mistakesNode, mistakesOffset, 'python', byName, pyPrefix, texts.solution, 'py', errors);
  const { stub, solution, tests } = texts;
  if (errors.length > before || !stub || !solution || !tests) return undefined;
  return { stub, solution, tests, mistakes, ...(note !== undefined ? { note } : {}), files };
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
