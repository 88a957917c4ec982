// Title: Drops every trailing empty entry, so "\n" and "a\n\n" lose their empty lines
// Breaks: "`"\n"` holds one empty line."
export function tailLines(text: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0) return [];
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.slice(-n);
}
