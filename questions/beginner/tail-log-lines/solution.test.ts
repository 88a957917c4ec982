import { tailLines } from './solution';

describe('tailLines', () => {
  it('returns the last n lines in file order, without their line breaks', () => {
    expect(tailLines('boot\nstart web\nstart worker\nready\n', 2)).toEqual(['start worker', 'ready']);
    expect(tailLines('boot\nstart web\nstart worker\nready\n', 1)).toEqual(['ready']);
    expect(tailLines('boot\nstart web\nstart worker\nready\n', 3)).toEqual(['start web', 'start worker', 'ready']);
  });

  it('reads the same lines whether or not the text ends with a line break', () => {
    expect(tailLines('a\nb\nc', 2)).toEqual(['b', 'c']);
    expect(tailLines('a\nb\nc\n', 2)).toEqual(['b', 'c']);
    expect(tailLines('only line', 1)).toEqual(['only line']);
    expect(tailLines('only line\n', 1)).toEqual(['only line']);
  });

  it('returns every line when there are n or fewer', () => {
    expect(tailLines('a\nb\nc\n', 3)).toEqual(['a', 'b', 'c']);
    expect(tailLines('a\nb\nc\n', 4)).toEqual(['a', 'b', 'c']);
    expect(tailLines('a\nb\nc', 100)).toEqual(['a', 'b', 'c']);
  });

  it('returns no lines for n = 0, however long the text', () => {
    expect(tailLines('a\nb\nc\n', 0)).toEqual([]);
    expect(tailLines('a', 0)).toEqual([]);
    expect(tailLines('\n', 0)).toEqual([]);
    expect(tailLines('a\nb\nc\n', -0)).toEqual([]);
  });

  it('finds no lines in empty text, and one empty line in a lone line break', () => {
    expect(tailLines('', 1)).toEqual([]);
    expect(tailLines('', 5)).toEqual([]);
    expect(tailLines('\n', 1)).toEqual(['']);
    expect(tailLines('\n', 5)).toEqual(['']);
    expect(tailLines('\r\n', 5)).toEqual(['']);
    expect(tailLines('\n\n', 5)).toEqual(['', '']);
  });

  it('keeps empty lines, including an empty last line before the final break', () => {
    expect(tailLines('a\n\nb\n', 2)).toEqual(['', 'b']);
    expect(tailLines('a\n\n', 1)).toEqual(['']);
    expect(tailLines('a\n\n', 5)).toEqual(['a', '']);
    expect(tailLines('a\nb\n\n\n', 3)).toEqual(['b', '', '']);
  });

  it('returns every line as it is, spaces and tabs included', () => {
    expect(tailLines('  indented  \n\t\nend \n', 3)).toEqual(['  indented  ', '\t', 'end ']);
    expect(tailLines(' \n', 1)).toEqual([' ']);
  });

  it('treats \\r\\n as one line break and drops its \\r', () => {
    expect(tailLines('a\r\nb\r\nc\r\n', 2)).toEqual(['b', 'c']);
    expect(tailLines('a\r\nb\r\nc', 2)).toEqual(['b', 'c']);
    expect(tailLines('a\r\n\r\nb\r\n', 3)).toEqual(['a', '', 'b']);
    expect(tailLines('GET /\r\nPOST /login\nPUT /x\r\nDELETE /y', 4)).toEqual(['GET /', 'POST /login', 'PUT /x', 'DELETE /y']);
  });

  it('keeps a \\r that is not followed by \\n as part of its line', () => {
    expect(tailLines('50%\r100%\ndone\n', 2)).toEqual(['50%\r100%', 'done']);
    expect(tailLines('a\nb\r', 1)).toEqual(['b\r']);
    expect(tailLines('a\nb\r', 2)).toEqual(['a', 'b\r']);
    expect(tailLines('\r', 1)).toEqual(['\r']);
    expect(tailLines('x\r\r\n', 1)).toEqual(['x\r']);
    expect(tailLines('a\n\r', 2)).toEqual(['a', '\r']);
    expect(tailLines('\rlead\n', 1)).toEqual(['\rlead']);
  });

  it('takes the end of a long log', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i + 1}`);
    expect(tailLines(lines.join('\n') + '\n', 3)).toEqual(['line 998', 'line 999', 'line 1000']);
    expect(tailLines(lines.join('\r\n'), 2)).toEqual(['line 999', 'line 1000']);
    expect(tailLines(lines.join('\n'), 1000)).toEqual(lines);
    expect(tailLines(lines.join('\n'), 999)).toEqual(lines.slice(1));
  });

  it('throws a RangeError for an n that is negative, fractional or not finite', () => {
    for (const n of [-1, -5, 1.5, 0.5, -0.5, NaN, Infinity, -Infinity]) {
      expect(() => tailLines('a\nb\n', n)).toThrow(RangeError);
      expect(() => tailLines('', n)).toThrow(RangeError);
    }
  });

  it('accepts any whole n of at least 0', () => {
    expect(tailLines('a\nb\n', 2)).toEqual(['a', 'b']);
    expect(tailLines('a\nb\n', 1e6)).toEqual(['a', 'b']);
    expect(tailLines('a\nb\n', 2.0)).toEqual(['a', 'b']);
  });
});
