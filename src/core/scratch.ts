import { type Drill, isDrillId, TIER_LABELS } from './model';
import { topicLabel } from './topics';

/** The scratch file of a drill, inside the scratch folder. */
export function scratchFileName(drillId: string): string {
  return `${drillId}.ts`;
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

/** The header comment of a scratch file: title, tier, topic and the prompt, so the task is beside the code. */
export function scratchHeader(drill: Drill, checkKey = 'Ctrl+Alt+Enter'): string {
  const lines = [
    `${drill.title}  (${TIER_LABELS[drill.tier]} · ${topicLabel(drill.topic)})`,
    '',
    ...wrap(drill.prompt, 96),
    '',
    `Check your solution: ${checkKey}, or the ▶ button in the editor title.`,
    'Stuck? "Interview Drills: Show Hint" (Ctrl+Alt+H) gives the next hint.',
  ];
  return ['/*', ...lines.map((l) => (l === '' ? ' *' : ` * ${l.replace(/\*\//g, '* /')}`)), ' */', ''].join('\n');
}

/** The full text a scratch file starts with (and returns to on Reset Drill). */
export function scratchText(drill: Drill, checkKey?: string): string {
  const stub = drill.stub.endsWith('\n') ? drill.stub : `${drill.stub}\n`;
  return `${scratchHeader(drill, checkKey)}\n${stub}`;
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

/** The few globals a drill may use beyond ES2022: what the sandbox provides. */
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
`;

export const SCRATCH_ENV_FILE = 'drills-env.d.ts';
export const SCRATCH_TSCONFIG_FILE = 'tsconfig.json';
