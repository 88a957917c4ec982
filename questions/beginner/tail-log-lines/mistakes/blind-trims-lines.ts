// Title: Trims each line (trailing spaces and the \r at once)
// Breaks: "every line is returned as it is (nothing is trimmed)"
export function tailLines(text: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0 || text === "") return [];
  const lines = text.split("\n").map((l) => l.trimEnd());
  if (text.endsWith("\n")) lines.pop();
  return lines.slice(-n);
}
