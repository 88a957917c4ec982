/** The last `n` lines of `text`, in file order, without their line breaks. */
export function tailLines(text: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  if (n === 0) return [];
  const parts = text.split('\n');
  const rest = parts.pop() as string; // after the last \n: '' when the text ends with a line break
  const lines = parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (rest !== '') lines.push(rest);
  return lines.slice(-n);
}
