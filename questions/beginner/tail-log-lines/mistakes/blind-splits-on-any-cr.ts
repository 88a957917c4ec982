// Title: Splits on /\r?\n|\r/, so a lone \r also ends a line
// Breaks: "A `\r` not followed by `\n` is an ordinary character of the line."
export function tailLines(text: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0 || text === "") return [];
  const lines = text.split(/\r?\n|\r/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.slice(-n);
}
