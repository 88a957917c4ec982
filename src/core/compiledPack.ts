// The bundled pack, compiled at build time: the same drills the loader yields, as JSON, keyed by a hash of the
// question files' paths and texts (every file of every drill folder). Loading reads the files (cheap) and uses the
// JSON only when it was compiled from exactly those files, so the extension skips parsing YAML at activation yet never shows stale
// drills; anything else (no JSON, an edited file, a broken one) goes through the YAML loader and its errors. The
// packaged extension ships the JSON without the drill folders it was compiled from: then the JSON alone is the pack.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Drill, PackError } from './model';
import { loadPackFiles, readPackDir, readPackDirSync, type PackFile, type PackLoad } from './pack';

export const COMPILED_PACK_VERSION = 3;

interface CompiledPack {
  version: typeof COMPILED_PACK_VERSION;
  hash: string;
  /** As loaded, with every path (source.file, source.dir, source.files, mistakes[].file, python.files, python.mistakes[].file) relative to the pack folder (forward slashes). */
  drills: Drill[];
}

const relative = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');
const absolute = (dir: string, file: string) => path.join(dir, ...file.split('/'));

/** The drill with each of its paths mapped (to relative paths for the JSON, back to absolute ones when loading). */
function mapPaths(d: Drill, map: (file: string) => string): Drill {
  const files = d.source.files ? Object.fromEntries(Object.entries(d.source.files).map(([k, v]) => [k, map(v)])) : undefined;
  const mapMistakes = (list: Drill['mistakes']) => list.map((m) => (m.file ? { ...m, file: map(m.file) } : m));
  const py = d.python;
  const pyFiles = py?.files ? Object.fromEntries(Object.entries(py.files).map(([k, v]) => [k, map(v)])) : undefined;
  return {
    ...d,
    mistakes: mapMistakes(d.mistakes),
    ...(py ? { python: { ...py, mistakes: mapMistakes(py.mistakes), ...(pyFiles ? { files: pyFiles } : {}) } } : {}),
    source: { ...d.source, file: map(d.source.file), ...(d.source.dir !== undefined ? { dir: map(d.source.dir) } : {}), ...(files ? { files } : {}) },
  };
}

/** A hash of what a pack folder holds: each question file's relative path and text, in loading order. */
export function packHash(dir: string, files: readonly PackFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${relative(dir, f.path)}\0${f.text}\0`);
  return hash.digest('hex');
}

/** Compiles a pack folder to JSON; a pack with any error is not compiled (the errors say why). */
export function compilePack(dir: string): { json?: string; drills: number; errors: PackError[] } {
  const { files, errors } = readPackDirSync(dir);
  const loaded = loadPackFiles(files);
  const all = [...errors, ...loaded.errors];
  if (all.length > 0) return { drills: 0, errors: all };
  const compiled: CompiledPack = {
    version: COMPILED_PACK_VERSION,
    hash: packHash(dir, files),
    drills: loaded.drills.map((d) => mapPaths(d, (f) => relative(dir, f))),
  };
  return { json: JSON.stringify(compiled), drills: compiled.drills.length, errors: [] };
}

/**
 * Loads a pack folder, through its compiled form when that was compiled from exactly these files. A folder that is
 * not there or holds no question file (the packaged extension ships only the compiled form, and the two JSON schemas
 * beside it) loads from the compiled form alone.
 */
export async function loadPackWithCache(dir: string, compiledFile: string): Promise<PackLoad & { fromCache: boolean }> {
  const compiled = await readCompiled(compiledFile);
  const { files, errors } = compiled && !(await exists(dir)) ? { files: [], errors: [] } : await readPackDir(dir);
  if (errors.length === 0) {
    if (compiled && (files.length === 0 || compiled.hash === packHash(dir, files))) {
      const drills = compiled.drills.map((d) => mapPaths(d, (f) => absolute(dir, f)));
      return { drills, errors: [], fromCache: true };
    }
  }
  const loaded = loadPackFiles(files);
  return { drills: loaded.drills, errors: [...errors, ...loaded.errors], fromCache: false };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.stat(file);
    return true;
  } catch {
    return false;
  }
}

async function readCompiled(file: string): Promise<CompiledPack | undefined> {
  try {
    const value = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Partial<CompiledPack> | null;
    if (value?.version === COMPILED_PACK_VERSION && typeof value.hash === 'string' && Array.isArray(value.drills)) return value as CompiledPack;
  } catch {
    // missing or unreadable: the YAML loader takes over
  }
  return undefined;
}
