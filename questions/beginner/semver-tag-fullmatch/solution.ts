export interface Version {
  major: number;
  minor: number;
  patch: number;
}

// One number: 0, or digits that do not start with 0. [0-9] rather than \d: Python's \d also matches
// non-ASCII digits such as '٣' unless re.ASCII is set.
const NUMBER = '(0|[1-9][0-9]*)';
// ^ and $ anchor the whole string (no m flag, so $ cannot match before a trailing newline): the equivalent of
// Python's re.fullmatch, not re.match, which only anchors the start.
const RELEASE_TAG = new RegExp(`^v${NUMBER}\\.${NUMBER}\\.${NUMBER}$`);

/** 'v1.4.2' -> { major: 1, minor: 4, patch: 2 }; anything that is not exactly a release tag -> null. */
export function parseReleaseTag(tag: string): Version | null {
  const match = RELEASE_TAG.exec(tag);
  if (match === null) return null;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}
