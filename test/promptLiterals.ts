// What a drill's tests require of the solution's output, found by walking solution.test.ts with the TypeScript
// compiler API, and whether prompt.md states it. The rule (test/unit/promptLiterals.test.ts applies it):
//
// 1. Requirements. Every string, template or regex literal inside the expected side of a positive assertion:
//    the argument of toThrow / toThrowError (also after .rejects), toContain, toContainEqual, toMatch, toBe,
//    toEqual, toStrictEqual, toMatchObject, and the value of toHaveProperty(path, value), searched through arrays,
//    objects (values, not keys), new Error('...'), expect.stringContaining / stringMatching and the like. An
//    identifier there is followed to its `const` initializer (when that is made of literals and the constant is
//    not also passed in somewhere), to the arguments given for a helper's parameter at its call sites, and
//    through `for (const x of list)`. Assertions under `.not`, a RegExp built at run time and the text given to
//    JSON.parse require nothing.
// 2. Inputs and computed values are not requirements. Every other string literal of the test file (and each
//    literal part of a template, each key of a literal data object) is an input the test passes in; so are each line
//    of an input, each part of an input around an occurrence of another input, and the directory and segments of
//    an input that is a path. Inside a requirement, each occurrence of an input (whole at its word edges), every
//    run of digits and every `${...}` of a template is a hole; so is each regex part that matches variable text
//    (`.`, a class, \d, an optional or repeated part, a group with alternatives); lookaheads and anchors are
//    dropped, and a top-level `a|b` is satisfied by either side. A requirement that is plain text found whole in
//    an input (a name or a line the output echoes) requires nothing. An input with shell-style placeholders
//    (`${NAME}`, `$NAME`, `$$`) is a template the code renders: each line of text between its placeholders is an
//    input too (withTemplateParts).
// 3. What is left are the literal pieces, in order. The prompt states the requirement when one paragraph or list
//    item of it (backticks and emphasis removed, whitespace collapsed) holds the pieces in the same order, with at
//    most GAP characters where the test has a hole (a placeholder such as `<name>` or an example value). Where
//    an input or number touches a piece with no space between, the prompt must show a non-space character there
//    too (`<host>:<port>`). A piece that starts or ends the requirement must start or end a word in the prompt
//    ('skip' is not stated by 'skipped'). A `/i` regex compares case-insensitively. A regex is also stated when
//    it matches a paragraph of the prompt.
// 4. A regex made only of inputs with a variable part between two of them (/qa.*image/) fixes their order: it
//    needs an allowlist entry naming the prompt sentence that fixes it, or two separate assertions.
import * as ts from 'typescript';

/** Characters a hole may take in the prompt: a placeholder like `<message>` or an example value. */
export const GAP = 40;

export interface Requirement {
  /** 1-based line in solution.test.ts. */
  line: number;
  matcher: string;
  /** The literal as written in the test (a regex with its slashes). */
  source: string;
  /** The literal pieces left after the holes (inputs, numbers, variable regex parts) are taken out; one list per alternative. */
  alternatives: Alt[];
  ignoreCase: boolean;
}

export interface Piece {
  text: string;
  /** A hole touches the piece on that side with no space between: the prompt must show a non-space character there. */
  tightBefore: boolean;
  tightAfter: boolean;
}

export interface Alt {
  pieces: Piece[];
  /** Whether the requirement starts / ends with a literal piece (then it must start / end a word in the prompt). */
  anchoredStart: boolean;
  anchoredEnd: boolean;
  /** Whether a variable regex part stands between two inputs, fixing their order (rule 4). */
  orderedInputs: boolean;
}

const MATCHERS = new Set([
  'toThrow', 'toThrowError', 'toContain', 'toContainEqual', 'toMatch', 'toBe', 'toEqual', 'toStrictEqual',
  'toMatchObject', 'toHaveProperty',
]);

const HOLE = '\u0000';
/** A hole for a regex part that may match spaces too (`.`, `\\s`, a class, an optional part): it makes no piece tight. */
const SOFT = '\u0001';

type Lit = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression | ts.RegularExpressionLiteral;

function isLit(n: ts.Node): n is Lit {
  return ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n) || ts.isRegularExpressionLiteral(n);
}

/** The matcher call of an assertion chain `expect(x)[.not|.resolves|.rejects]*.matcher(args)`, if positive. */
function assertion(call: ts.CallExpression): { matcher: string; args: readonly ts.Expression[] } | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const matcher = call.expression.name.text;
  if (!MATCHERS.has(matcher)) return undefined;
  let e: ts.Expression = call.expression.expression;
  while (ts.isPropertyAccessExpression(e)) {
    if (e.name.text === 'not') return undefined;
    e = e.expression;
  }
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'expect') return undefined;
  return { matcher, args: matcher === 'toHaveProperty' ? call.arguments.slice(1) : call.arguments };
}

interface Scan {
  required: { lit: Lit; matcher: string }[];
  inputs: Set<string>;
}

/** Whether a node is a literal structure: literals, and arrays / objects / `new X(...)` / calls holding only those. */
function literalShape(n: ts.Node): boolean {
  if (isLit(n) || ts.isNumericLiteral(n) || n.kind === ts.SyntaxKind.TrueKeyword || n.kind === ts.SyntaxKind.FalseKeyword || n.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isArrayLiteralExpression(n)) return n.elements.every(literalShape);
  if (ts.isObjectLiteralExpression(n)) return n.properties.every((p) => ts.isPropertyAssignment(p) && literalShape(p.initializer));
  if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n)) return literalShape(n.expression);
  return false;
}

/** Scans a test file: the literals it requires (rule 1) and the inputs it passes in (rule 2). */
function scan(sf: ts.SourceFile): Scan {
  const program = ts.createProgram({
    rootNames: [sf.fileName],
    options: { noLib: true, noResolve: true, types: [] },
    host: {
      ...ts.createCompilerHost({}),
      getSourceFile: (name) => (name === sf.fileName ? sf : undefined),
      fileExists: (name) => name === sf.fileName,
      readFile: () => undefined,
    },
  });
  const checker = program.getTypeChecker();
  const symbolOf = (id: ts.Identifier) => checker.getSymbolAtLocation(id);

  // The arguments of positive assertions, and every reference to each symbol outside them.
  const matcherArgs = new Set<ts.Node>();
  const findArgs = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const a = assertion(n);
      if (a) a.args.forEach((arg) => matcherArgs.add(arg));
    }
    ts.forEachChild(n, findArgs);
  };
  findArgs(sf);
  const usedAsInput = new Set<ts.Symbol>();
  const calls = new Map<ts.Symbol, ts.CallExpression[]>();
  const refs = (n: ts.Node, inArgs: boolean): void => {
    if (matcherArgs.has(n)) inArgs = true;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      const s = symbolOf(n.expression);
      if (s) calls.set(s, [...(calls.get(s) ?? []), n]);
    }
    if (ts.isIdentifier(n) && !inArgs) {
      const p = n.parent;
      const declName = (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyAccessExpression(p)) && p.name === n;
      const loopList = ts.isForOfStatement(p) && p.expression === n;
      const callee = ts.isCallExpression(p) && p.expression === n;
      const s = symbolOf(n);
      if (s && !declName && !loopList && !callee) usedAsInput.add(s);
    }
    ts.forEachChild(n, (c) => refs(c, inArgs));
  };
  refs(sf, false);

  const required: { lit: Lit; matcher: string }[] = [];
  const expectedLits = new Set<ts.Node>();
  const seen = new Set<ts.Node>();
  const expected = (n: ts.Node, matcher: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (isLit(n)) {
      required.push({ lit: n, matcher });
      expectedLits.add(n);
      return;
    }
    if (ts.isIdentifier(n)) {
      const s = symbolOf(n);
      if (!s || usedAsInput.has(s)) return;
      for (const d of s.declarations ?? []) {
        if (ts.isVariableDeclaration(d)) {
          if (d.initializer && literalShape(d.initializer)) expected(d.initializer, matcher);
          const loop = d.parent.parent;
          if (ts.isForOfStatement(loop)) expected(loop.expression, matcher);
        } else if (ts.isParameter(d) && ts.isIdentifier(d.name)) {
          const fn = d.parent;
          const index = fn.parameters.indexOf(d);
          const name = ts.isFunctionDeclaration(fn) ? fn.name : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name : undefined;
          const fs = name && symbolOf(name);
          for (const call of (fs && calls.get(fs)) ?? []) {
            const args = d.dotDotDotToken ? call.arguments.slice(index) : call.arguments.slice(index, index + 1);
            for (const a of args) if (literalShape(a) || ts.isIdentifier(a)) expected(a, matcher);
          }
        }
      }
      return;
    }
    // Object keys are the API's shape (the stub's types), not output text; functions are never expected values.
    if (ts.isPropertyAssignment(n)) return expected(n.initializer, matcher);
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isTemplateSpan(n)) return;
    // JSON.parse('...') in an expected value is data compared after parsing, not text.
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.getText() === 'JSON.parse') return;
    // A RegExp built at run time is a computed value.
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') return;
    ts.forEachChild(n, (c) => expected(c, matcher));
  };
  for (const arg of matcherArgs) {
    const call = arg.parent as ts.CallExpression;
    expected(arg, assertion(call)!.matcher);
  }

  const inputs = new Set<string>();
  const gather = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || expectedLits.has(n) || matcherArgs.has(n)) return;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) inputs.add(n.text);
    // The keys of a data object the test passes in are inputs too ({ Db: { x: 1 } }); not those of a fake's methods.
    if (ts.isObjectLiteralExpression(n) && literalShape(n)) {
      for (const p of n.properties) if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) inputs.add(p.name.text);
    }
    if (ts.isTemplateExpression(n)) {
      inputs.add(n.head.text);
      for (const s of n.templateSpans) inputs.add(s.literal.text);
    }
    // The names given to describe/it are titles, not inputs.
    const titled = (e: ts.Expression): boolean =>
      (ts.isIdentifier(e) && ['describe', 'it', 'test'].includes(e.text)) ||
      (ts.isPropertyAccessExpression(e) && ['only', 'skip'].includes(e.name.text) && titled(e.expression)) ||
      (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'each' && titled(e.expression.expression));
    if (ts.isCallExpression(n) && titled(n.expression)) {
      // it.each(table)(title, fn): the table holds inputs
      if (ts.isCallExpression(n.expression)) n.expression.arguments.forEach(gather);
      n.arguments.slice(1).forEach(gather);
      return;
    }
    ts.forEachChild(n, gather);
  };
  gather(sf);
  // An expected output is often an input with another input taken out (a secret redacted), one of its lines or a
  // part of a path: each line of an input, each part of an input around an occurrence of another input, and the
  // directory and each segment of an input that is a path, are inputs too.
  const whole = [...inputs];
  const part = (s: string) => {
    const t = s.trim();
    if (t.length >= 2 && /[A-Za-z0-9]/.test(t)) inputs.add(t);
  };
  for (const s of whole) {
    if (s.includes('\n')) s.split('\n').forEach(part);
    if (/^[\w.~-]*(\/[\w.~-]+)+\/?$/.test(s)) {
      s.split('/').forEach(part);
      part(s.slice(0, s.lastIndexOf('/')));
    }
    for (const other of whole) if (other !== s && other.trim().length >= 3 && s.includes(other)) s.split(other).forEach(part);
  }
  return { required, inputs: new Set([...inputs].filter((s) => s.trim() !== '')) };
}

/** A regex's source as literal text with HOLE for every part that matches variable text (rule 2); one string per top-level alternative. */
export function regexTemplates(source: string): string[] {
  const alts: string[] = [];
  let out = '';
  let i = 0;
  let depth = 0;
  // The start of the last atom in `out` and of each open group, so a quantifier can turn it into a hole.
  let atom = -1;
  const groups: { start: number; alt: boolean; drop: boolean }[] = [];
  const quantifier = (): boolean => {
    const c = source[i];
    if (c === '*' || c === '?' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)))) {
      const q = c === '{' ? /^\{\d+(,\d*)?\}/.exec(source.slice(i))![0] : c;
      i += q.length;
      if (source[i] === '?') i++;
      const exact = /^\{(\d+)\}$/.exec(q);
      if (atom >= 0) {
        const text = out.slice(atom);
        if (exact && !text.includes(SOFT)) out = out.slice(0, atom) + text.repeat(Number(exact[1]));
        else out = out.slice(0, atom) + SOFT;
      }
      return true;
    }
    return false;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      i += 2;
      atom = out.length;
      if ('dDwWsS'.includes(e)) out += SOFT;
      else if (e === 'b' || e === 'B') atom = -1;
      else if (e === 'n' || e === 't' || e === 'r') out += ' ';
      else if (e === 'u' && /^[0-9a-fA-F]{4}/.test(source.slice(i))) {
        out += String.fromCharCode(parseInt(source.slice(i, i + 4), 16));
        i += 4;
      } else if (e === 'x' && /^[0-9a-fA-F]{2}/.test(source.slice(i))) {
        out += String.fromCharCode(parseInt(source.slice(i, i + 2), 16));
        i += 2;
      } else if (/\d/.test(e)) out += SOFT;
      else out += e;
      quantifier();
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      atom = out.length;
      out += SOFT;
      quantifier();
      continue;
    }
    if (c === '(') {
      const look = /^\(\?<?[=!]/.exec(source.slice(i));
      const named = /^\(\?<[A-Za-z_]\w*>/.exec(source.slice(i));
      const skip = look ? look[0].length : named ? named[0].length : source.startsWith('(?:', i) ? 3 : 1;
      groups.push({ start: out.length, alt: false, drop: !!look });
      depth++;
      i += skip;
      atom = -1;
      continue;
    }
    if (c === ')') {
      const g = groups.pop();
      depth--;
      i++;
      if (g) {
        if (g.drop) out = out.slice(0, g.start);
        else if (g.alt) out = `${out.slice(0, g.start)}${SOFT}`;
        atom = g.drop ? -1 : g.start;
        if (!g.drop) quantifier();
      }
      continue;
    }
    if (c === '|') {
      i++;
      if (depth === 0) {
        alts.push(out);
        out = '';
      } else groups[groups.length - 1]!.alt = true;
      atom = -1;
      continue;
    }
    if (c === '^' || c === '$') {
      i++;
      atom = -1;
      continue;
    }
    i++;
    atom = out.length;
    out += c === '.' ? SOFT : c;
    quantifier();
  }
  alts.push(out);
  return alts;
}

const WORD = /[A-Za-z0-9_]/;

/** Replaces every occurrence of an input (whole at its word edges, longest first) and every run of digits by HOLE. */
export function holeInputs(template: string, inputs: Iterable<string>): { text: string; count: number } {
  let text = template;
  let count = 0;
  const sorted = [...new Set([...inputs].map((s) => s.trim()))].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const input of sorted) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(input, from);
      if (at < 0) break;
      const before = text[at - 1] ?? '';
      const after = text[at + input.length] ?? '';
      const bad = (WORD.test(input[0]!) && WORD.test(before)) || (WORD.test(input[input.length - 1]!) && WORD.test(after));
      if (bad) {
        from = at + 1;
        continue;
      }
      text = `${text.slice(0, at)}${HOLE}${text.slice(at + input.length)}`;
      count++;
      from = at + 1;
    }
  }
  return { text: text.replace(/\d+/g, HOLE), count };
}

/** The text cut into literal runs and single holes (HOLE or SOFT), whitespace runs collapsed to one space. */
function splitHoles(text: string): string[] {
  const parts: string[] = [];
  let run = '';
  for (const c of text) {
    if (c === HOLE || c === SOFT) {
      if (run !== '') parts.push(run);
      parts.push(c);
      run = '';
    } else run += c;
  }
  if (run !== '') parts.push(run);
  return parts.map((p) => (p === HOLE || p === SOFT ? p : p.replace(/\s+/g, ' ')));
}

function piecesOf(text: string): Alt {
  const parts = splitHoles(text);
  const pieces: Piece[] = [];
  parts.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || raw === HOLE || raw === SOFT) return;
    pieces.push({
      text,
      tightBefore: parts[i - 1] === HOLE && raw === raw.trimStart(),
      tightAfter: parts[i + 1] === HOLE && raw === raw.trimEnd(),
    });
  });
  const edge = (p: string | undefined) => p !== undefined && p !== HOLE && p !== SOFT && p.trim() !== '';
  // HOLE, then a SOFT before the next HOLE: a variable part between two inputs.
  let orderedInputs = false;
  let seenInput = false;
  let softSinceInput = false;
  for (const p of parts) {
    if (p === HOLE) {
      if (seenInput && softSinceInput) orderedInputs = true;
      seenInput = true;
      softSinceInput = false;
    } else if (p === SOFT) softSinceInput = true;
  }
  return { pieces, anchoredStart: edge(parts[0]), anchoredEnd: edge(parts[parts.length - 1]), orderedInputs };
}

/** Whether `text` occurs whole in an input, not inside a longer word. */
function echoed(text: string, inputs: Iterable<string>): boolean {
  const t = text.trim();
  if (t === '' || t.includes(HOLE) || t.includes(SOFT)) return false;
  for (const input of inputs) {
    let at = input.indexOf(t);
    while (at >= 0) {
      const before = input[at - 1] ?? '';
      const after = input[at + t.length] ?? '';
      if (!(WORD.test(t[0]!) && WORD.test(before)) && !(WORD.test(t[t.length - 1]!) && WORD.test(after))) return true;
      at = input.indexOf(t, at + 1);
    }
  }
  return false;
}

/**
 * An input that holds shell-style placeholders (`${NAME}`, `${NAME:-default}`, `$NAME`, `$$`) is a template the code
 * renders: the text between its placeholders comes back in the output, so each such part is an input too.
 */
export function withTemplateParts(inputs: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    out.add(input);
    if (!input.includes('$')) continue;
    // Defaults (`${NAME:-default}`) come back too.
    for (const m of input.matchAll(/\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}\n]*)\}/g)) if (m[1]!.trim() !== '') out.add(m[1]!);
    for (const part of input.split(/\$\$|\$\{[^}]*\}?|\$[A-Za-z_][A-Za-z0-9_]*/)) {
      for (const line of part.split('\n')) if (line.trim() !== '') out.add(line);
    }
  }
  return [...out];
}

/** The requirements of a test file (rules 1 and 2). */
export function requirements(testSource: string, fileName = 'solution.test.ts'): Requirement[] {
  const sf = ts.createSourceFile(fileName, testSource, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const scanned = scan(sf);
  const inputs = withTemplateParts(scanned.inputs);
  const { required } = scanned;
  const out: Requirement[] = [];
  for (const { lit, matcher } of required) {
    const line = sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1;
    let templates: string[];
    let ignoreCase = false;
    if (ts.isRegularExpressionLiteral(lit)) {
      const m = /^\/(.*)\/([a-z]*)$/s.exec(lit.text)!;
      templates = regexTemplates(m[1]!);
      ignoreCase = m[2]!.includes('i');
    } else if (ts.isTemplateExpression(lit)) {
      templates = [[lit.head.text, ...lit.templateSpans.map((s) => s.literal.text)].join(HOLE)];
    } else templates = [lit.text];
    // A string that is a whole word-bounded part of an input is that input echoed back.
    if (templates.length === 1 && echoed(templates[0]!, inputs)) templates = [HOLE];
    const alternatives = templates.map((t) => {
      return piecesOf(holeInputs(t, inputs).text);
    });
    out.push({ line, matcher, source: lit.getText(sf), alternatives, ignoreCase });
  }
  return out;
}

/** The prompt as searchable blocks: each paragraph or list item, backticks and emphasis markers removed, whitespace collapsed. */
export function promptBlocks(prompt: string): string[] {
  const blocks: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) blocks.push(cur.join(' '));
    cur = [];
  };
  for (const raw of prompt.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.replace(/^\s*>\s?/, '');
    if (line.trim() === '' || /^\s*(#|```|<\/?details|<summary)/.test(line)) {
      flush();
      if (/^\s*#/.test(line)) blocks.push(line);
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s/.test(line) || /^\s*\|/.test(line)) flush();
    cur.push(line.trim());
  }
  flush();
  return blocks.map((b) => b.replace(/`+/g, '').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim());
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the prompt states one alternative of the requirement (rule 3). */
export function stated(req: Requirement, prompt: string): boolean {
  const blocks = promptBlocks(prompt);
  if (req.source.startsWith('/')) {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(req.source)!;
    try {
      const re = new RegExp(m[1]!, m[2]!.replace(/[gy]/g, ''));
      if (blocks.some((b) => re.test(b))) return true;
    } catch {
      // a pattern this engine cannot compile is judged by its pieces alone
    }
  }
  return req.alternatives.some((alt) => {
    if (alt.pieces.length === 0) return !alt.orderedInputs;
    const body = alt.pieces.map((p) => `${p.tightBefore ? '(?<=\\S)' : ''}${escape(p.text)}${p.tightAfter ? '(?=\\S)' : ''}`).join(`[^]{0,${GAP}}?`);
    const first = alt.pieces[0]!.text;
    const last = alt.pieces[alt.pieces.length - 1]!.text;
    const start = alt.anchoredStart && WORD.test(first[0]!) ? '(?<![A-Za-z0-9_])' : '';
    const end = alt.anchoredEnd && WORD.test(last[last.length - 1]!) ? '(?![A-Za-z0-9_])' : '';
    const re = new RegExp(start + body + end, req.ignoreCase ? 'i' : '');
    return blocks.some((b) => re.test(b));
  });
}

/** A requirement as one line for a failure message. */
export function describeRequirement(req: Requirement): string {
  const pieces = req.alternatives.map((a) => (a.pieces.length ? a.pieces.map((p) => JSON.stringify(p.text)).join(' … ') : '(inputs only, in a fixed order)')).join(' | ');
  return `line ${req.line}: ${req.matcher}(${req.source}) needs ${pieces}`;
}

/** The prompt split into its opening blockquote, the details list (if any) and the task part (the rest). */
export function promptParts(prompt: string): { quote: string; task: string; details: string } {
  const lines = prompt.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('>')) i++;
  const quote = lines.slice(0, i).join('\n');
  const rest = lines.slice(i).join('\n');
  const details: string[] = [];
  const task = rest.replace(/<details>[^]*?<\/details>/g, (d) => {
    details.push(d);
    return '';
  });
  return { quote, task, details: details.join('\n') };
}

/** Words as a reader counts them: whitespace-separated tokens holding a letter or a digit (code included). */
export function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
