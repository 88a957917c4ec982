import { parseQuantity, toBytes, toMillicores } from './solution';

/** Throws an Error whose message quotes `text` (as typed, or escaped the way JSON.stringify does). */
function expectQuotedError(run: () => unknown, text: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  const message = (thrown as Error).message;
  expect([`"${text}"`, JSON.stringify(text)].some((quoted) => message.includes(quoted))).toBe(true);
}

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

  it('accepts leading zeros and a zero fraction', () => {
    expect(parseQuantity('007')).toBe(7);
    expect(parseQuantity('0.25')).toBe(0.25);
    expect(parseQuantity('\t1.0Ki ')).toBe(1024);
  });

  it.each([
    '', '   ', 'Gi', 'm', 'k', '1GB', '1K', '1KI', '1kI', '1gi', '1mi', '1e', 'e', '-1Gi', '+1Gi', '-0', '1 Gi', '1\tGi',
    '1 000', '1.', '2.Gi', '.5', '.5Gi', '1.2.3M', '1,5G', '1e3', '1E3', '0x10', 'NaN', 'Infinity', '1Gi1', 'Gi1',
  ])(
    'rejects %p with an Error that quotes the input',
    (text) => {
      for (const parse of [parseQuantity, toBytes, toMillicores]) expectQuotedError(() => parse(text), text);
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
    expect(toBytes('1.000000001')).toBe(2);
    expect(toBytes('1001m')).toBe(2);
    expect(toBytes('1000m')).toBe(1);
    expect(toBytes('0')).toBe(0);
    expect(toBytes('0.000Gi')).toBe(0);
  });

  it('stays exact for large results', () => {
    expect(toBytes('1Pi')).toBe(1_125_899_906_842_624);
    expect(toBytes('9P')).toBe(9_000_000_000_000_000);
    expect(toBytes('7.5Ti')).toBe(8_246_337_208_320);
  });

  it('rejects malformed input with the input quoted', () => {
    expect(() => toBytes('2 GiB')).toThrow('"2 GiB"');
    expect(() => toMillicores(' 5x ')).toThrow('" 5x "');
  });
});

describe('toMillicores', () => {
  it('converts CPU quantities to millicores', () => {
    expect(toMillicores('250m')).toBe(250);
    expect(toMillicores('1k')).toBe(1_000_000);
    expect(toMillicores('1Ki')).toBe(1_024_000);
    expect(toMillicores('0.5Mi')).toBe(524_288_000);
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
    expect(toMillicores('1.0000001')).toBe(1001);
    expect(toMillicores('0m')).toBe(0);
    expect(toMillicores('0.000')).toBe(0);
  });

  it('stays exact for large results', () => {
    expect(toMillicores('9.007G')).toBe(9_007_000_000_000);
    expect(toMillicores('1Ti')).toBe(1_099_511_627_776_000);
  });
});
