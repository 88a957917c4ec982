// A small unified-diff applier for the kept mistakes of a drill: `mistakes/<slug>.patch` is a `diff -u` of one
// file (the drill's solution.ts) and this turns the solution into the mistake. Hunks apply where their header says,
// or, when lines were added or removed above them since, where their context matches nearest to that place; never
// with fuzz, so a patch whose context no longer matches is an error naming the hunk's line in the patch.

export interface PatchProblem {
  /** 1-based line in the patch file (the hunk's `@@` line when a hunk does not apply). */
  line: number;
  message: string;
}

export type PatchResult = { text: string; problem?: undefined } | { text?: undefined; problem: PatchProblem };

interface Hunk {
  line: number;
  header: string;
  oldStart: number;
  oldLines: string[];
  newLines: string[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** Applies a unified diff of one file to `original`. */
export function applyPatch(original: string, patch: string, target = 'solution.ts'): PatchResult {
  const patchLines = splitLines(patch.replace(/\r\n/g, '\n')).lines;
  const hunks: Hunk[] = [];
  let markerAfter: '+' | '-' | ' ' | undefined;
  let sawHeader = false;
  for (let i = 0; i < patchLines.length; i++) {
    const text = patchLines[i]!;
    if (text.startsWith('--- ') || text.startsWith('+++ ')) {
      if (hunks.length > 0) return { problem: { line: i + 1, message: 'a mistake patch changes one file (solution.ts); found a second file header' } };
      sawHeader = true;
      continue;
    }
    const m = HUNK_HEADER.exec(text);
    if (!m) {
      if (hunks.length === 0 && !sawHeader && text.trim() === '') continue;
      return { problem: { line: i + 1, message: `not a line of a unified diff: "${text.slice(0, 60)}" (expected "--- a/solution.ts", "+++ b/solution.ts", then "@@" hunks)` } };
    }
    const oldCount = m[2] === undefined ? 1 : Number(m[2]);
    const newCount = m[4] === undefined ? 1 : Number(m[4]);
    const hunk: Hunk = { line: i + 1, header: m[0], oldStart: Number(m[1]), oldLines: [], newLines: [] };
    let prev: '+' | '-' | ' ' | undefined;
    while (hunk.oldLines.length < oldCount || hunk.newLines.length < newCount || patchLines[i + 1]?.startsWith('\\')) {
      const body = patchLines[++i];
      if (body === undefined) break;
      const kind = body[0];
      if (kind === '\\') {
        markerAfter = prev;
        continue;
      }
      if (kind === ' ' || body === '') {
        hunk.oldLines.push(body.slice(1));
        hunk.newLines.push(body.slice(1));
        prev = ' ';
      } else if (kind === '-') {
        hunk.oldLines.push(body.slice(1));
        prev = '-';
      } else if (kind === '+') {
        hunk.newLines.push(body.slice(1));
        prev = '+';
      } else {
        i--;
        break;
      }
    }
    if (hunk.oldLines.length !== oldCount || hunk.newLines.length !== newCount) {
      return {
        problem: {
          line: hunk.line,
          message: `hunk ${hunk.header} announces ${oldCount} old and ${newCount} new lines but holds ${hunk.oldLines.length} and ${hunk.newLines.length}`,
        },
      };
    }
    hunks.push(hunk);
  }
  if (hunks.length === 0) return { problem: { line: 1, message: 'the patch has no hunk ("@@ -a,b +c,d @@"): it changes nothing' } };

  const { lines, finalNewline } = splitLines(original);
  const out: string[] = [];
  let cursor = 0; // next line of `lines` not yet copied
  let delta = 0; // how far the hunks found so far sit from where their headers say
  for (const hunk of hunks) {
    const wanted = Math.max(0, (hunk.oldLines.length === 0 ? hunk.oldStart : hunk.oldStart - 1) + delta);
    const at = findHunk(lines, hunk.oldLines, wanted, cursor);
    if (at === undefined) {
      const mismatch = hunk.oldLines.findIndex((l, k) => lines[wanted + k] !== l);
      const where = mismatch < 0 ? '' : `: line ${wanted + mismatch + 1} of ${target} is ${JSON.stringify(lines[wanted + mismatch] ?? '(end of file)')} where the patch expects ${JSON.stringify(hunk.oldLines[mismatch])}`;
      return { problem: { line: hunk.line, message: `hunk ${hunk.header} no longer applies to ${target}${where} (regenerate the patch with diff -u)` } };
    }
    delta = at - (hunk.oldStart - 1);
    out.push(...lines.slice(cursor, at), ...hunk.newLines);
    cursor = at + hunk.oldLines.length;
  }
  out.push(...lines.slice(cursor));
  const newline = markerAfter === '+' || markerAfter === ' ' ? false : markerAfter === '-' ? true : finalNewline;
  return { text: out.join('\n') + (newline && out.length > 0 ? '\n' : '') };
}

/** Where `old` matches in `lines`: at `wanted`, else the nearest match at or after `from`. */
function findHunk(lines: readonly string[], old: readonly string[], wanted: number, from: number): number | undefined {
  const matches = (at: number) => at >= from && at + old.length <= lines.length && old.every((l, k) => lines[at + k] === l);
  for (let d = 0; d <= lines.length; d++) {
    if (matches(wanted - d)) return wanted - d;
    if (d > 0 && matches(wanted + d)) return wanted + d;
  }
  return undefined;
}
