// The checked files as CommonJS modules inside one vm context: TypeScript is transformed with sucrase, relative
// imports resolve to the request's virtual files or (with rootDir) to files on disk, `@jest/globals` resolves to the
// harness, and Node built-ins come from a hook that hands out per-check copies.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { transform, type Transform } from 'sucrase';
import SucraseState, { type StateSnapshot } from 'sucrase/dist/parser/tokenizer/state';
import type { CompileError } from '../core/runner/types';
import { safeGet, syntaxErrorPosition } from './errors';

// Sucrase rather than the TypeScript compiler or esbuild: it is pure JavaScript (no native binary, so one universal
// .vsix runs on every platform), small, fast, and it keeps every line where it was, so stack traces point at the
// user's own lines without source maps. It does not type-check: that is the editor's job.

// Sucrase parses `(...) =>` speculatively: an error inside an arrow function's body is dropped when it backtracks,
// and reported at the arrow instead. Remember the dropped errors so the furthest one, the real position, is used.
let droppedErrors: Array<{ pos: number; message: string }> = [];
const restoreFromSnapshot = SucraseState.prototype.restoreFromSnapshot;
SucraseState.prototype.restoreFromSnapshot = function (this: SucraseState, snapshot: StateSnapshot): void {
  const pos = safeGet(this.error, 'pos');
  if (this.error && typeof pos === 'number') droppedErrors.push({ pos, message: this.error.message });
  restoreFromSnapshot.call(this, snapshot);
};

function positionAt(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(pos, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}

type TransformOutcome =
  | { ok: true; code: string; mappings?: string; lines?: LineMap[] }
  | { ok: false; line: number; column: number; message: string };

/** One generated line's segments: [generated column, source line, source column], all 0-based. */
type LineMap = Array<[number, number, number]>;

const TRANSFORM_CACHE_SIZE = 256;
/** Sucrase output per (kind, text): a re-check of unchanged tests, or of the same solution, skips the transform. */
const transformCache = new Map<string, TransformOutcome>();

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

function transformsFor(file: string, text: string): Transform[] | undefined {
  const ext = path.extname(file);
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return ['typescript', 'imports'];
  if (ext === '.tsx') return ['typescript', 'jsx', 'imports'];
  if (ext === '.jsx') return ['jsx', 'imports'];
  if (ext === '.cjs') return undefined;
  // Plain JavaScript is only rewritten when it uses ES module syntax.
  return /\b(?:import|export)\b/.test(text) ? ['imports'] : undefined;
}

export function transformSource(file: string, text: string): TransformOutcome {
  const transforms = transformsFor(file, text);
  if (!transforms) return { ok: true, code: text };
  const key = `${transforms.join(',')}\0${text}`;
  const cached = transformCache.get(key);
  if (cached) {
    transformCache.delete(key);
    transformCache.set(key, cached);
    return cached;
  }
  let outcome: TransformOutcome;
  droppedErrors = [];
  try {
    const out = transform(text, {
      transforms,
      disableESTransforms: true,
      production: true,
      filePath: file,
      // Lines never move, but imports and the module prologue shift columns: the token-level map puts them back.
      sourceMapOptions: { compiledFilename: file },
    });
    outcome = { ok: true, code: out.code, mappings: out.sourceMap?.mappings };
  } catch (error) {
    const rawPos = safeGet(error, 'pos');
    let pos = typeof rawPos === 'number' ? rawPos : 0;
    let message = String(safeGet(error, 'message') ?? error);
    for (const dropped of droppedErrors) {
      if (dropped.pos > pos) ({ pos, message } = dropped);
    }
    message = message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
    outcome = { ok: false, ...positionAt(text, pos), message };
  }
  droppedErrors = [];
  transformCache.set(key, outcome);
  if (transformCache.size > TRANSFORM_CACHE_SIZE) {
    const oldest = transformCache.keys().next().value;
    if (oldest !== undefined) transformCache.delete(oldest);
  }
  return outcome;
}

/** Maps a 1-based position in transformed code back to the source (lines are kept; columns may move). */
export function mapThrough(outcome: TransformOutcome | undefined, line: number, column: number): { line: number; column: number } {
  if (!outcome?.ok || outcome.mappings === undefined) return { line, column };
  outcome.lines ??= decodeMappings(outcome.mappings);
  const segments = outcome.lines[line - 1];
  if (!segments || segments.length === 0) return { line, column };
  // The last segment at or before the column, and the one after it.
  let k = -1;
  while (k + 1 < segments.length && segments[k + 1][0] <= column - 1) k++;
  if (k < 0) return { line, column };
  const [genPrev, srcLine, srcPrev] = segments[k];
  const next = segments[k + 1];
  const c = column - 1;
  let src = srcPrev + (c - genPrev);
  // Text was inserted before the next token (e.g. the module prologue before a line's first token, whose own
  // segment the map leaves out): count back from that token instead.
  if (next && next[1] === srcLine && next[0] - genPrev > next[2] - srcPrev) src = Math.max(srcPrev, next[2] - (next[0] - c));
  return { line: srcLine + 1, column: src + 1 };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's VLQ `mappings` into per-line segments. */
export function decodeMappings(mappings: string): LineMap[] {
  const lines: LineMap[] = [];
  let line: LineMap = [];
  let genColumn = 0;
  let srcLine = 0;
  let srcColumn = 0;
  let fields: number[] = [];
  const flush = () => {
    if (fields.length >= 4) {
      genColumn += fields[0];
      srcLine += fields[2];
      srcColumn += fields[3];
      line.push([genColumn, srcLine, srcColumn]);
    } else if (fields.length >= 1) {
      genColumn += fields[0];
    }
    fields = [];
  };
  let i = 0;
  while (i < mappings.length) {
    const c = mappings[i];
    if (c === ',' || c === ';') {
      flush();
      if (c === ';') {
        lines.push(line);
        line = [];
        genColumn = 0;
      }
      i++;
      continue;
    }
    let value = 0;
    let shift = 0;
    let digit: number;
    do {
      digit = BASE64.indexOf(mappings[i++]);
      if (digit < 0) return lines;
      value += (digit & 31) * 2 ** shift;
      shift += 5;
    } while (digit & 32);
    fields.push(value % 2 === 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
  }
  flush();
  lines.push(line);
  return lines;
}

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file));
}

type ModuleFunction = (exports: unknown, require: unknown, module: unknown, filename: string, dirname: string) => unknown;

interface UserModule {
  id: string;
  filename: string;
  path: string;
  exports: unknown;
  loaded: boolean;
}

export interface ModuleHost {
  context: vm.Context;
  /** Creates an object of the user's realm. */
  newObject(): Record<string, unknown>;
  /** A checker value as user code may see it (see membrane.ts). */
  handOver(value: unknown): unknown;
  /** JSON.parse of the user's realm. */
  parseJson(text: string): unknown;
  /** A built-in module by bare id (no `node:` prefix), or undefined when it is not one. */
  builtin(id: string): unknown;
  /** The harness API, for `@jest/globals`. */
  jestGlobals: object;
}

/** Thrown by require() when a module has a syntax error; the error itself is recorded as a CompileError. */
export class CompileFailure extends Error {
  constructor(readonly error: CompileError) {
    super(`${error.file}:${error.line}:${error.column}: ${error.message}`);
    this.name = 'SyntaxError';
  }
}

export class ModuleLoader {
  private readonly files = new Map<string, string>();
  private readonly compiled = new Map<string, ModuleFunction>();
  private readonly transformed = new Map<string, TransformOutcome>();
  private readonly modules = new Map<string, UserModule>();
  readonly compileErrors: CompileError[] = [];

  constructor(
    files: Record<string, string>,
    private readonly rootDir: string | undefined,
    private readonly host: ModuleHost,
  ) {
    for (const [name, text] of Object.entries(files)) this.files.set(normalizeName(name), text);
  }

  /** Every name that may appear in a user stack frame. */
  isUserFile = (file: string): boolean => this.files.has(file) || this.modules.has(file);

  mapPosition(file: string, line: number, column: number): { line: number; column: number } {
    return mapThrough(this.transformed.get(file), line, column);
  }

  /** Compiles every virtual source file up front, so a syntax error anywhere is reported even if never imported. */
  compileAll(): CompileError[] {
    for (const [name, text] of this.files) {
      if (isSourceFile(name)) this.compile(name, text);
    }
    return this.compileErrors;
  }

  /** Loads the entry module (this is what collects the tests). */
  loadEntry(entry: string): void {
    this.load(normalizeName(entry));
  }

  private compile(name: string, text: string): ModuleFunction | undefined {
    const existing = this.compiled.get(name);
    if (existing) return existing;
    const out = transformSource(name, text);
    this.transformed.set(name, out);
    if (!out.ok) {
      this.recordError({ file: name, line: out.line, column: out.column, message: out.message });
      return undefined;
    }
    try {
      const fn = vm.compileFunction(out.code, ['exports', 'require', 'module', '__filename', '__dirname'], {
        filename: name,
        parsingContext: this.host.context,
      }) as ModuleFunction;
      this.compiled.set(name, fn);
      return fn;
    } catch (error) {
      const raw = syntaxErrorPosition(error, name);
      const at = raw ? mapThrough(out, raw.line, raw.column) : { line: 1, column: 1 };
      const message = String(safeGet(error, 'message') ?? error);
      this.recordError({ file: name, line: at.line, column: at.column, message });
      return undefined;
    }
  }

  private recordError(error: CompileError): void {
    if (!this.compileErrors.some((e) => e.file === error.file && e.line === error.line && e.column === error.column)) {
      this.compileErrors.push(error);
    }
  }

  private load(name: string): unknown {
    const cached = this.modules.get(name);
    if (cached) return cached.exports;
    const text = this.read(name);
    if (text === undefined) throw notFound(name, '<entry>');
    const filename = this.rootDir ? path.resolve(this.rootDir, name) : path.posix.join('/', name);
    // The module object is one of the user's realm: it is handed to user code.
    const module = Object.assign(this.host.newObject(), {
      id: name,
      filename,
      path: path.dirname(filename),
      exports: this.host.newObject(),
      loaded: false,
    }) as UserModule;
    this.modules.set(name, module);
    try {
      if (name.endsWith('.json')) {
        module.exports = this.host.parseJson(text);
      } else {
        const fn = this.compile(name, text);
        if (!fn) throw new CompileFailure(this.compileErrors.find((e) => e.file === name) ?? { file: name, line: 1, column: 1, message: 'syntax error' });
        fn.call(module.exports, module.exports, this.host.handOver(this.makeRequire(name)), module, filename, path.dirname(filename));
      }
    } catch (error) {
      this.modules.delete(name);
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  private makeRequire(from: string): (request: unknown) => unknown {
    const require = (request: unknown): unknown => {
      if (typeof request !== 'string') throw new TypeError(`require() expects a string; received ${typeof request}`);
      if (request === '@jest/globals') return this.host.jestGlobals;
      const bare = request.startsWith('node:') ? request.slice(5) : request;
      const builtin = this.host.builtin(bare);
      if (builtin !== undefined) return builtin;
      if (!request.startsWith('./') && !request.startsWith('../') && !request.startsWith('/')) {
        throw notFound(request, from, ' (only relative imports, Node built-ins and @jest/globals are available in a check)');
      }
      const name = this.resolve(from, request);
      if (name === undefined) throw notFound(request, from);
      return this.load(name);
    };
    return Object.assign(require, {
      resolve: (request: string) => {
        const name = this.resolve(from, request);
        if (name === undefined) throw notFound(request, from);
        return name;
      },
      cache: {},
    });
  }

  /** The module name a relative request points to: exact, then with an extension, then as a folder index. */
  private resolve(from: string, request: string): string | undefined {
    const base = request.startsWith('/') ? normalizeName(path.posix.relative(this.rootDir ? toPosix(this.rootDir) : '/', request)) : normalizeName(path.posix.join(path.posix.dirname(from), request));
    const candidates = [base];
    // `import './x.js'` in TypeScript written for ES modules means x.ts.
    const ext = path.posix.extname(base);
    if (ext === '.js' || ext === '.mjs' || ext === '.cjs') candidates.push(base.slice(0, -ext.length) + ext.replace('j', 't'));
    for (const e of RESOLVE_EXTENSIONS) candidates.push(base + e);
    for (const e of RESOLVE_EXTENSIONS) candidates.push(`${base}/index${e}`);
    return candidates.find((c) => this.exists(c));
  }

  private exists(name: string): boolean {
    if (this.files.has(name) || this.modules.has(name)) return true;
    if (!this.rootDir) return false;
    try {
      return fs.statSync(path.resolve(this.rootDir, name)).isFile();
    } catch {
      return false;
    }
  }

  private read(name: string): string | undefined {
    const text = this.files.get(name);
    if (text !== undefined) return text;
    if (!this.rootDir) return undefined;
    try {
      const fromDisk = fs.readFileSync(path.resolve(this.rootDir, name), 'utf8');
      this.files.set(name, fromDisk);
      return fromDisk;
    } catch {
      return undefined;
    }
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function normalizeName(name: string): string {
  const normalized = path.posix.normalize(toPosix(name));
  return normalized.startsWith('./') ? normalized.slice(2) : normalized;
}

function notFound(request: string, from: string, detail = ''): Error {
  const error = new Error(`Cannot find module '${request}' from '${from}'${detail}`);
  (error as Error & { code?: string }).code = 'MODULE_NOT_FOUND';
  return error;
}
