// Title: Trims the tag before matching, so surrounding whitespace and a trailing newline pass
// Breaks: "` v1.4.2` and `v1.4.2\n` (a trailing newline) are not release tags"
export interface Version { major: number; minor: number; patch: number }
export function parseReleaseTag(tag: string): Version | null {
  const m = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}
