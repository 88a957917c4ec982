import { type Drill, isDrillId, type Language, TIER_LABELS } from './model';
import { plainText } from './describe';
import { topicLabel } from './topics';

/** The scratch file of a drill, inside the scratch folder: `<id>.ts`, or `<id>.py` for the drill's Python version. */
export function scratchFileName(drillId: string, language: Language = 'typescript'): string {
  return `${drillId}.${language === 'python' ? 'py' : 'ts'}`;
}

/** The drill id and language of a scratch file name (`<id>.ts` or `<id>.py`), or undefined for any other name. */
export function scratchFileOf(fileName: string): { id: string; language: Language } | undefined {
  const m = /^(.*)\.(ts|py)$/.exec(fileName);
  if (!m || !isDrillId(m[1])) return undefined;
  return { id: m[1]!, language: m[2] === 'py' ? 'python' : 'typescript' };
}

/** The drill id of a scratch file name, or undefined when the name is not a scratch file's. */
export function drillIdOfScratchFile(fileName: string): string | undefined {
  if (!fileName.endsWith('.ts')) return undefined;
  const id = fileName.slice(0, -'.ts'.length);
  return isDrillId(id) ? id : undefined;
}

/**
 * Reflows markdown to `width` columns: paragraph and list-item lines are joined and wrapped (list items keep a
 * hanging indent); blank lines, headings and fenced code stay as they are.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let inFence = false;
  let indent = '';
  let words: string[] = [];
  const flush = () => {
    let line = '';
    for (const word of words) {
      if (line === '') line = indent + word;
      else if (line.length + 1 + word.length > width) {
        out.push(line);
        line = ' '.repeat(indent.length) + word;
      } else line += ` ${word}`;
    }
    if (line !== '') out.push(line);
    words = [];
    indent = '';
  };
  for (const raw of text.replace(/\r\n/g, '\n').trimEnd().split('\n')) {
    const fence = /^\s*```/.test(raw);
    if (inFence || fence) {
      flush();
      out.push(raw.trimEnd());
      if (fence) inFence = !inFence;
      continue;
    }
    if (raw.trim() === '' || /^\s*#/.test(raw) || /^\s*\|/.test(raw)) {
      flush();
      out.push(raw.trimEnd());
      continue;
    }
    const item = /^(\s*(?:[-*+]|\d+[.)])\s+)(.*)$/.exec(raw);
    if (item) {
      flush();
      indent = item[1]!;
      words = item[2]!.trim().split(/\s+/);
      continue;
    }
    words.push(...raw.trim().split(/\s+/));
  }
  flush();
  return out;
}

/**
 * The prompt as plain text for a comment: the interviewer's blockquote without its `>` markers, and a
 * `<details><summary>…</summary>` list as its summary line (with a colon) followed by its bullets; code is untouched.
 */
export function headerText(prompt: string): string {
  let inFence = false;
  const out: string[] = [];
  for (const line of prompt.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence || /^\s*```/.test(line)) {
      out.push(line);
      continue;
    }
    const summary = /^\s*<details>\s*<summary>(.*?)<\/summary>\s*$/.exec(line);
    if (summary) out.push(`${summary[1]!.trim()}:`);
    else if (!/^\s*<\/?details>\s*$/.test(line)) out.push(line.replace(/^\s*>\s?/, ''));
  }
  return out.join('\n');
}

/** How much of the prompt the scratch file's header holds: the interviewer's question only, or the whole prompt. */
export type ScratchHeader = 'short' | 'full';

export interface ScratchTextOptions {
  header?: ScratchHeader;
  checkKey?: string;
}

/** The interviewer's question: the prompt's first paragraph, as plain text (no quote markers or emphasis). */
export function interviewerQuestion(prompt: string): string {
  const first = prompt.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/)[0] ?? '';
  return plainText(first.replace(/^\s*>\s?/gm, ''));
}

/**
 * The header comment of a scratch file: title, tier and topic, then the interviewer's question and where the full
 * task is ('short', the default, so the code is in view), or the whole prompt ('full').
 */
export function scratchHeader(drill: Drill, options: ScratchTextOptions = {}): string {
  const checkKey = options.checkKey ?? 'Ctrl+Alt+Enter';
  const title = `${drill.title}  (${TIER_LABELS[drill.tier]} · ${topicLabel(drill.topic)})`;
  const lines = options.header === 'full'
    ? [
      title,
      '',
      ...wrap(headerText(drill.prompt), 96),
      '',
      `Check your solution: ${checkKey}, or the ▶ button in the editor title.`,
      'Stuck? "Interview Drills: Show Hint" (Ctrl+Alt+H) gives the next hint.',
    ]
    : [
      title,
      '',
      ...wrap(interviewerQuestion(drill.prompt), 96),
      '',
      'The full task and its rules: "Interview Drills: Show Drill Description" (the book icon above).',
      `Check: ${checkKey} or the ▶ button. Stuck? Ctrl+Alt+H shows the next hint.`,
    ];
  return ['/*', ...lines.map((l) => (l === '' ? ' *' : ` * ${l.replace(/\*\//g, '* /')}`)), ' */', ''].join('\n');
}

/**
 * The header of a Python scratch file: scratchHeader's lines with the Python note (what changes in Python) before
 * the closing instructions, in a raw docstring so no backslash of the prompt is read as an escape.
 */
export function pythonScratchHeader(drill: Drill, options: ScratchTextOptions = {}): string {
  // scratchHeader's lines without "/*", " */" and the final newline, and without their " * " prefix.
  const inner = scratchHeader(drill, options).split('\n').slice(1, -2).map((l) => l.replace(/^ \*( |$)/, ''));
  const note = drill.python?.note ? [...wrap(drill.python.note, 96), ''] : [];
  const lines = [...inner.slice(0, -2), ...note, ...inner.slice(-2)].map((l) => l.replace(/"""/g, "'''").trimEnd());
  return [`r"""${lines[0]}`, ...lines.slice(1), '"""', ''].join('\n');
}

/** The full text a Python scratch file starts with: the docstring header, then python/stub.py. */
export function pythonScratchText(drill: Drill, options: ScratchTextOptions = {}): string {
  if (!drill.python) throw new Error(`${drill.id} has no Python version`);
  const stub = drill.python.stub.endsWith('\n') ? drill.python.stub : `${drill.python.stub}\n`;
  return `${pythonScratchHeader(drill, options)}\n${stub}`;
}

/** The full text a scratch file starts with (and returns to on Reset Drill). */
export function scratchText(drill: Drill, options: ScratchTextOptions = {}): string {
  const stub = drill.stub.endsWith('\n') ? drill.stub : `${drill.stub}\n`;
  return `${scratchHeader(drill, options)}\n${stub}`;
}

/**
 * Where the cursor goes in a fresh scratch file (0-based): on the stub's "Not implemented" line when it has one,
 * else on the stub's first line, after the indentation.
 */
export function stubPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => l.trim() === '*/' || l.trim() === '"""');
  let start = end + 1;
  while (start < lines.length - 1 && lines[start]!.trim() === '') start++;
  const todo = lines.findIndex((l, i) => i >= start && /not ?implemented/i.test(l));
  const line = todo >= 0 ? todo : start;
  return { line, character: /^\s*/.exec(lines[line] ?? '')![0].length };
}

/**
 * tsconfig.json written beside the scratch files: strict checking with no @types packages, so the editor's
 * TypeScript service type-checks each drill exactly as the stubs are written (ES2022 plus drills-env.d.ts).
 */
export const SCRATCH_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022'],
      types: [],
      strict: true,
      noEmit: true,
      isolatedModules: true,
      skipLibCheck: true,
      noFallthroughCasesInSwitch: true,
    },
    include: ['*.ts'],
  },
  null,
  2,
)}\n`;

/** The few globals (and node:util's parseArgs) a drill may use beyond ES2022: what the sandbox provides. */
export const SCRATCH_ENV_DTS = `// Globals available to drill solutions (beyond the ES2022 library). Written by Interview Drills.
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]): unknown;
declare function clearTimeout(handle: unknown): void;
declare function setInterval(handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]): unknown;
declare function clearInterval(handle: unknown): void;
// node:util's parseArgs (Node 18.3+), the platform's argument parser: TypeScript's argparse.
declare module 'node:util' {
  export interface ParseArgsOptionConfig {
    type: 'string' | 'boolean';
    short?: string;
    multiple?: boolean;
    default?: string | boolean | string[] | boolean[];
  }
  export interface ParseArgsConfig {
    args?: readonly string[];
    options?: Record<string, ParseArgsOptionConfig>;
    strict?: boolean;
    allowPositionals?: boolean;
    tokens?: boolean;
  }
  type ParseArgsValue<O> = O extends { type: 'string' }
    ? O extends { multiple: true } ? string[] : string
    : O extends { multiple: true } ? boolean[] : boolean;
  export type ParseArgsToken =
    | { kind: 'option'; index: number; name: string; rawName: string; value: string | undefined; inlineValue: boolean | undefined }
    | { kind: 'positional'; index: number; value: string }
    | { kind: 'option-terminator'; index: number };
  export function parseArgs<T extends ParseArgsConfig>(config?: T): {
    values: { [K in keyof T['options']]?: ParseArgsValue<T['options'][K]> };
    positionals: string[];
    tokens?: ParseArgsToken[];
  };
}
`;

export const SCRATCH_ENV_FILE = 'drills-env.d.ts';
export const SCRATCH_TSCONFIG_FILE = 'tsconfig.json';
