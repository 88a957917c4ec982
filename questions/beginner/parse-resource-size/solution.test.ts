import { parseQuantity, toBytes, toMillicores } from './solution';

const wholeQuantities: [string, number][] = [
  ['64', 64],
  ['0', 0],
  ['1k', 1000],
  ['1Ki', 1024],
  ['100M', 100_000_000],
  ['512Mi', 536_870_912],
  ['2Gi', 2_147_483_648],
  ['3G', 3_000_000_000],
  ['1Ti', 1024 ** 4],
  ['1T', 1000 ** 4],
  ['2Pi', 2 * 1024 ** 5],
  ['1E', 1000 ** 6],
  ['1Ei', 1024 ** 6],
];

describe('parseQuantity', () => {
  it.each(wholeQuantities)('reads %p as %p', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it('reads decimal fractions and the milli unit', () => {
    expect(parseQuantity('1.5G')).toBeCloseTo(1_500_000_000, 3);
    expect(parseQuantity('0.5Gi')).toBeCloseTo(536_870_912, 3);
    expect(parseQuantity('250m')).toBeCloseTo(0.25, 12);
    expect(parseQuantity('1500m')).toBeCloseTo(1.5, 12);
  });

  it('ignores whitespace around the quantity', () => {
    expect(parseQuantity('  2Gi\n')).toBe(2_147_483_648);
  });

  it.each(['', '   ', 'Gi', '1GB', '1K', '1gi', '1mi', '-1Gi', '+1Gi', '1 Gi', '1.', '.5', '1.2.3M', '1e3', '0x10', 'NaN', 'Infinity'])(
    'rejects %p with an error that quotes the input',
    (text) => {
      expect(() => parseQuantity(text)).toThrow(JSON.stringify(text));
    },
  );
});

describe('toBytes', () => {
  it('returns whole bytes for binary and decimal units', () => {
    expect(toBytes('512Mi')).toBe(536_870_912);
    expect(toBytes('1.5Gi')).toBe(1_610_612_736);
    expect(toBytes('100M')).toBe(100_000_000);
  });

  it('is exact where floating-point multiplication is not', () => {
    expect(toBytes('8.3M')).toBe(8_300_000);
    expect(toBytes('16.1k')).toBe(16_100);
    expect(toBytes('17.1G')).toBe(17_100_000_000);
  });

  it('rounds fractional bytes up, never down', () => {
    expect(toBytes('250m')).toBe(1);
    expect(toBytes('0.5')).toBe(1);
    expect(toBytes('1.0001k')).toBe(1001);
    expect(toBytes('0')).toBe(0);
  });

  it('throws a RangeError rather than returning an imprecise huge number', () => {
    expect(toBytes('1Pi')).toBe(1_125_899_906_842_624);
    expect(toBytes('9P')).toBe(9_000_000_000_000_000);
    expect(() => toBytes('8Ei')).toThrow(RangeError);
    expect(() => toBytes('10P')).toThrow(RangeError);
  });

  it('rejects malformed input with the input quoted', () => {
    expect(() => toBytes('2 GiB')).toThrow('"2 GiB"');
  });
});

describe('toMillicores', () => {
  it('converts CPU quantities to millicores', () => {
    expect(toMillicores('250m')).toBe(250);
    expect(toMillicores('2')).toBe(2000);
    expect(toMillicores('0.5')).toBe(500);
    expect(toMillicores('1.25')).toBe(1250);
  });

  it('is exact where floating-point multiplication is not', () => {
    expect(toMillicores('2.007')).toBe(2007);
    expect(toMillicores('2.047')).toBe(2047);
  });

  it('rounds a fraction of a millicore up', () => {
    expect(toMillicores('0.0001')).toBe(1);
    expect(toMillicores('1.0001')).toBe(1001);
    expect(toMillicores('0.5m')).toBe(1);
  });
});
