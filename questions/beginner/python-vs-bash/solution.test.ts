import { topStatusCodes } from './solution';

const line = (status: string, request = 'GET /health HTTP/1.1') =>
  `10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "${request}" ${status} 512`;

const repeat = (status: string, times: number) => Array.from({ length: times }, () => line(status));

describe('topStatusCodes', () => {
  it('returns the most frequent status codes first, limited to n', () => {
    const lines = [...repeat('200', 5), ...repeat('404', 3), ...repeat('500', 2), ...repeat('301', 1)];
    expect(topStatusCodes(lines, 3)).toEqual({
      top: [
        { status: 200, count: 5 },
        { status: 404, count: 3 },
        { status: 500, count: 2 },
      ],
      malformed: 0,
    });
  });

  it('breaks ties by the lower status code, whatever order the lines came in', () => {
    const lines = [...repeat('503', 2), ...repeat('404', 2), ...repeat('200', 2), line('302')];
    expect(topStatusCodes(lines, 3).top).toEqual([
      { status: 200, count: 2 },
      { status: 404, count: 2 },
      { status: 503, count: 2 },
    ]);
  });

  it('compares counts as numbers, so 10 beats 9', () => {
    const lines = [...repeat('404', 9), ...repeat('200', 10)];
    expect(topStatusCodes(lines, 2).top).toEqual([
      { status: 200, count: 10 },
      { status: 404, count: 9 },
    ]);
  });

  it('finds the status after the quoted request even when the request is "-" or has spaces', () => {
    const lines = [
      line('408', '-'),
      line('400', 'GET /search?q=disk full HTTP/1.1'),
      line('400', 'GET /a b c HTTP/1.0'),
    ];
    expect(topStatusCodes(lines, 5)).toEqual({
      top: [
        { status: 400, count: 2 },
        { status: 408, count: 1 },
      ],
      malformed: 0,
    });
  });

  it('reads the status after the first quoted section of a combined-format line (referer and agent quoted too)', () => {
    const combined = (status: string) =>
      `10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "GET /health HTTP/1.1" ${status} 512 "https://ci.example/x" "curl/8.5 (x86_64)"`;
    expect(topStatusCodes([combined('200'), combined('503'), combined('503')], 5)).toEqual({
      top: [
        { status: 503, count: 2 },
        { status: 200, count: 1 },
      ],
      malformed: 0,
    });
  });

  it('reads a line that starts with the quoted request', () => {
    expect(topStatusCodes(['"GET /health HTTP/1.1" 204 0', '"-" 204 0'], 5)).toEqual({
      top: [{ status: 204, count: 2 }],
      malformed: 0,
    });
  });

  it('counts a line whose quote never closes as malformed, even if it starts with a status-like token', () => {
    expect(topStatusCodes(['200 "GET /health HTTP/1.1 512', '404 - - no quotes at all'], 5)).toEqual({
      top: [],
      malformed: 2,
    });
  });

  it('accepts a status that ends the line or is followed by a tab', () => {
    const lines = ['10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "GET / HTTP/1.1" 201', line('201\t'), `  ${line('201')}  `];
    expect(topStatusCodes(lines, 5)).toEqual({ top: [{ status: 201, count: 3 }], malformed: 0 });
  });

  it('accepts exactly 100 to 599: both ends in, their neighbours out', () => {
    const lines = [line('100'), line('599'), line('599'), line('099'), line('600'), line('000')];
    expect(topStatusCodes(lines, 5)).toEqual({
      top: [
        { status: 599, count: 2 },
        { status: 100, count: 1 },
      ],
      malformed: 3,
    });
  });

  it('counts a token that merely starts with digits, or is not exactly three digits, as malformed', () => {
    const lines = [line('200abc'), line('0200'), line('20x'), line('2e2'), line('+200'), line('-200'), line('200.0')];
    expect(topStatusCodes(lines, 5)).toEqual({ top: [], malformed: 7 });
  });

  it('counts malformed lines and keeps them out of the ranking', () => {
    const lines = [
      line('200'),
      'kernel: eth0 link up',
      '10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "GET /unterminated HTTP/1.1 200 512',
      '10.0.0.7 - - [12/Mar/2025:10:01:44 +0000] "GET / HTTP/1.1"',
      line('abc'),
      line('20'),
      line('2000'),
      line('999'),
      line('099'),
    ];
    expect(topStatusCodes(lines, 5)).toEqual({ top: [{ status: 200, count: 1 }], malformed: 8 });
  });

  it('skips blank lines without calling them malformed', () => {
    expect(topStatusCodes(['', '   ', line('204'), '\t'], 5)).toEqual({
      top: [{ status: 204, count: 1 }],
      malformed: 0,
    });
  });

  it('returns fewer than n entries when there are fewer distinct codes', () => {
    expect(topStatusCodes(repeat('200', 4), 10).top).toEqual([{ status: 200, count: 4 }]);
    expect(topStatusCodes([], 3)).toEqual({ top: [], malformed: 0 });
  });

  it('returns an empty ranking for n = 0 but still counts malformed lines', () => {
    expect(topStatusCodes([line('200'), 'garbage'], 0)).toEqual({ top: [], malformed: 1 });
  });

  it('keeps exactly n entries, cutting after the tie-break', () => {
    const lines = [line('503'), line('404'), line('200'), line('500'), line('500')];
    expect(topStatusCodes(lines, 1).top).toEqual([{ status: 500, count: 2 }]);
    expect(topStatusCodes(lines, 3).top).toEqual([
      { status: 500, count: 2 },
      { status: 200, count: 1 },
      { status: 404, count: 1 },
    ]);
  });

  it.each([-1, -0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects n = %p with a RangeError',
    (n) => {
      expect(() => topStatusCodes([line('200')], n)).toThrow(RangeError);
      expect(() => topStatusCodes([], n)).toThrow(RangeError);
    },
  );
});
