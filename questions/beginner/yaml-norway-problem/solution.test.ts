import { mustQuote } from './solution';

const quoted = (values: string[]) => values.filter((v) => mustQuote(v));
const unquoted = (values: string[]) => values.filter((v) => !mustQuote(v));

describe('mustQuote', () => {
  it('quotes the empty string and the null words', () => {
    expect(mustQuote('')).toBe(true);
    expect(unquoted(['~', 'null', 'Null', 'NULL'])).toEqual([]);
  });

  it('leaves strings that only resemble null alone', () => {
    expect(quoted(['nULL', 'NUll', 'nulls', 'nul', '~~', '~x', 'x~', 'None', 'none', 'nil', 'null_'])).toEqual([]);
  });

  const booleanWords = ['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off'];
  const capitalise = (w: string) => w[0].toUpperCase() + w.slice(1);

  it.each(booleanWords)('quotes the boolean word %p in lower-case, Capitalised and UPPER-CASE', (word) => {
    expect(mustQuote(word)).toBe(true);
    expect(mustQuote(capitalise(word))).toBe(true);
    expect(mustQuote(word.toUpperCase())).toBe(true);
  });

  it('quotes Norway, the classic case', () => {
    expect(mustQuote('NO')).toBe(true);
    expect(mustQuote('No')).toBe(true);
    expect(mustQuote('Norway')).toBe(false);
  });

  it('leaves boolean words in mixed case alone', () => {
    expect(quoted(['yEs', 'yES', 'YEs', 'nO', 'tRUE', 'TRue', 'fALSE', 'FaLSE', 'oN', 'oFF', 'OFf', 'ofF'])).toEqual([]);
  });

  it('leaves words that only start or end like a boolean alone', () => {
    expect(
      quoted(['norway', 'NO2', 'yes1', 'yess', 'Yess', 'yep', 'nope', 'onn', 'offline', 'truee', 'falsey', 'o', 't', 'f', 'Yy', 'ny', 'ye', 'tru', 'fals', 'of', '_no', 'no_', 'on.off']),
    ).toEqual([]);
  });

  it('quotes decimal integers, with signs, leading zeros and underscores', () => {
    expect(unquoted(['0', '42', '-7', '+7', '-0', '+0', '007', '+007', '08', '09', '1_000', '-1_000', '1_', '1__0', '123456789012345678901234567890'])).toEqual([]);
  });

  it('quotes floats with a dot, on either side of it', () => {
    expect(unquoted(['1.5', '3.', '1.', '-1.5', '+1.5', '.5', '-.5', '+.5', '.5_0', '10_000.000_1', '1_.5', '0.0', '00.5'])).toEqual([]);
  });

  it('quotes numbers with an exponent, with or without a dot or a sign', () => {
    expect(unquoted(['1e3', '1E3', '1e+3', '1e-3', '6.02E+23', '1.5e3', '-2.5E-10', '.5e3', '.5E+3', '1.e3', '1_0e3', '+1e0', '1e003'])).toEqual([]);
  });

  it('leaves things that are not decimal numbers alone', () => {
    expect(
      quoted(['.', '_1', '_', '1._5e', 'e3', 'E5', '1e', '12e', '1e+', '1e_3', '.e3', '1e3.5', '1e3e3', '1.2.3', '0.0.0', '1.5.', '1..2', '+', '+-1', '--1', '-+1', '1-2', '1+2', '1e++3', '123abc', 'abc123', 'v1', '1a', '1x', '.5.', '._5', '1000k']),
    ).toEqual([]);
  });

  it('quotes hex, octal and binary integers with a lower-case prefix', () => {
    expect(unquoted(['0xFF', '0xff', '0x1F', '0x_1', '-0x1f', '+0xA', '0x0', '0o17', '0o0', '-0o17', '+0o7', '0o_7', '0b1010', '0b0', '+0b1', '-0b1_0', '0b_'])).toEqual([]);
  });

  it('leaves a bad or upper-case prefix, or a prefix without digits, alone', () => {
    expect(quoted(['0X1F', '0XFF', '0O17', '0B1', '0x', '0o', '0b', '-0x', '0xG', '0x1g', '0o8', '0o9', '0o17a', '0b2', '0b12', 'x1F', '0xFFz', '00x1', '0x1.5', '0b1e3', '0x.1'])).toEqual([]);
  });

  it('quotes base-60 numbers (YAML 1.1 reads 22:22 as 1342)', () => {
    expect(unquoted(['22:22', '1:30', '190:20:30', '1:30.5', '1:5', '1:05', '1:00', '1:59', '-1:30', '+1:30', '0:30', '1_0:30', '1:30.', '1:30._5', '12:30:00', '1:2:3:4:5'])).toEqual([]);
  });

  it('leaves colon-separated values that are not base 60 alone', () => {
    expect(quoted(['1:60', '1:99', '1:234', '1:6_0', '1:5_', ':30', '1::30', '1:3a', '1:30.5.5', 'a:30', '1:30:60', '1:-30', '_1:30', '1:30e3', '1.5:30', '1:30:0x1', '1:.5'])).toEqual([]);
  });

  it('quotes infinity and NaN in their three spellings, with an optional sign', () => {
    expect(unquoted(['.inf', '.Inf', '.INF', '-.inf', '+.Inf', '-.INF', '.nan', '.NaN', '.NAN', '-.nan', '+.NaN'])).toEqual([]);
  });

  it('leaves other spellings of infinity and NaN alone', () => {
    expect(quoted(['.INf', '.iNF', '.iNf', '.nAn', '.Nan', '.NAn', 'inf', 'nan', 'NaN', 'Infinity', '-Infinity', '.infinity', '..inf', '.inff', '-inf', '.na', 'inf.', '.in', '.inf.', '+-.inf', '._inf'])).toEqual([]);
  });

  it('gives the same answer however often it is asked (no state kept between calls)', () => {
    for (let i = 0; i < 3; i++) {
      expect([mustQuote('yes'), mustQuote('yes'), mustQuote('1e3'), mustQuote('1e3'), mustQuote('norway')]).toEqual([true, true, true, true, false]);
    }
  });
});
