// Title: Filters out empty lines after splitting
// Breaks: "Empty and whitespace-only lines are lines too"
export function tailLines(text: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0) return [];
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  return lines.slice(-n);
}
