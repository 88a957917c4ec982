/** The last `n` lines of `text`, in file order, without their line breaks. */
export function tailLines(text: string, n: number): string[] {
  throw new Error('Not implemented: tailLines');
}
