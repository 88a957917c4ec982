export interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** 'v1.4.2' -> { major: 1, minor: 4, patch: 2 }; anything that is not exactly a release tag -> null. */
export function parseReleaseTag(tag: string): Version | null {
  throw new Error('Not implemented: parseReleaseTag');
}
