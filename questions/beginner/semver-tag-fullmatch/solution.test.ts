import { parseReleaseTag } from './solution';

describe('parseReleaseTag', () => {
  it.each([
    ['v1.4.2', 1, 4, 2],
    ['v0.0.0', 0, 0, 0],
    ['v10.0.0', 10, 0, 0],
    ['v0.10.20', 0, 10, 20],
    ['v2.0.10', 2, 0, 10],
    ['v123.456.7890', 123, 456, 7890],
    ['v9.9.9', 9, 9, 9],
    ['v1.0.100', 1, 0, 100],
  ] as [string, number, number, number][])('reads %p as a release', (tag, major, minor, patch) => {
    expect(parseReleaseTag(tag)).toStrictEqual({ major, minor, patch });
  });

  it('returns the numbers as numbers, not strings', () => {
    const version = parseReleaseTag('v3.14.15');
    expect(version).not.toBeNull();
    expect(typeof version?.major).toBe('number');
    expect(typeof version?.minor).toBe('number');
    expect(typeof version?.patch).toBe('number');
    expect(version).toStrictEqual({ major: 3, minor: 14, patch: 15 });
  });

  it.each([
    'release-v1.4.2',
    'xv1.4.2',
    ' v1.4.2',
    '\nv1.4.2',
    'v1.4.2-rc1',
    'v1.4.2+build.5',
    'v1.4.2.1',
    'v1.4.2 ',
    'v1.4.2\n',
    'v1.4.2\r\n',
    'v1.4.2\nv9.9.9',
    'v0.0.1\nrelease',
    'v1.4.2x',
    'v1.4.20a',
  ])('refuses %p, which has something before or after the tag', (tag) => {
    expect(parseReleaseTag(tag)).toBeNull();
  });

  it.each(['v1.02.3', 'v01.2.3', 'v1.2.03', 'v00.1.1', 'v1.00.1', 'v1.1.00', 'v007.0.0'])(
    'refuses %p, whose number has a leading zero',
    (tag) => {
      expect(parseReleaseTag(tag)).toBeNull();
    },
  );

  it.each([
    'V1.4.2',
    '1.4.2',
    'vv1.4.2',
    'v1.4',
    'v1',
    'v',
    '',
    'v1..4',
    'v1.4.',
    'v.1.4',
    'v..',
    'v1,4,2',
    'v1x4x2',
    'v1-4-2',
    'v1.4x2',
    'v1 .4.2',
    'v-1.4.2',
    'v+1.4.2',
    'v1.4.-2',
    'v1.4.2.',
    'v1.٤.2',
    'v١.2.3',
    'v1.4.２',
    'v1٤.2.3',
    'v1.2٠.3',
    'v1.2.3٣',
    'v10.0.1٠',
    'v1.4.2\u200b',
    'v1.4.2e1',
    'v0x1.0.0',
  ])('refuses %p, which is not v + three numbers separated by dots', (tag) => {
    expect(parseReleaseTag(tag)).toBeNull();
  });

  it('never throws, even for odd input', () => {
    for (const tag of ['(', ')', '[', '\\', '*', 'v1.4.2)', 'v(1).4.2', 'v'.repeat(1000)]) {
      expect(() => parseReleaseTag(tag)).not.toThrow();
      expect(parseReleaseTag(tag)).toBeNull();
    }
  });

  it('keeps no state between calls (a global regex would)', () => {
    for (let i = 0; i < 3; i++) {
      expect(parseReleaseTag('v1.4.2')).toStrictEqual({ major: 1, minor: 4, patch: 2 });
      expect(parseReleaseTag('v2.0.0')).toStrictEqual({ major: 2, minor: 0, patch: 0 });
    }
  });
});
