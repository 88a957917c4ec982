// Title: Uses slice(-n) without a special case, so n = 0 returns every line
// Breaks: "`n = 0`: return `[]`."
export function tailLines(text: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (text === "") return [];
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (text.endsWith("\n")) lines.pop();
  return lines.slice(-n);
}
