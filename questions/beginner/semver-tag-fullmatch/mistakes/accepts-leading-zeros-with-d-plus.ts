// Title: Accepts numbers with leading zeros (\d+ for each part)
// Breaks: "each number ... is either `0` or does not start with `0`"
export interface Version { major: number; minor: number; patch: number }
export function parseReleaseTag(tag: string): Version | null {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}
