// Title: Accepts non-ASCII decimal digits (\p{Nd}) after the first digit
// Breaks: "each number is made of the ASCII digits `0`-`9`"
export interface Version { major: number; minor: number; patch: number }
export function parseReleaseTag(tag: string): Version | null {
  const m = /^v(0|[1-9]\p{Nd}*)\.(0|[1-9]\p{Nd}*)\.(0|[1-9]\p{Nd}*)$/u.exec(tag);
  if (!m) return null;
  return { major: parseInt(m[1], 10), minor: parseInt(m[2], 10), patch: parseInt(m[3], 10) };
}
