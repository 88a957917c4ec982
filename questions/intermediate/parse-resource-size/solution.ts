const KILO = 1000n;
const KIBI = 1024n;

/** unit -> [multiply by, divide by] */
const UNITS: Record<string, readonly [bigint, bigint]> = {
  '': [1n, 1n],
  m: [1n, KILO],
  k: [KILO, 1n],
  M: [KILO ** 2n, 1n],
  G: [KILO ** 3n, 1n],
  T: [KILO ** 4n, 1n],
  P: [KILO ** 5n, 1n],
  E: [KILO ** 6n, 1n],
  Ki: [KIBI, 1n],
  Mi: [KIBI ** 2n, 1n],
  Gi: [KIBI ** 3n, 1n],
  Ti: [KIBI ** 4n, 1n],
  Pi: [KIBI ** 5n, 1n],
  Ei: [KIBI ** 6n, 1n],
};

const QUANTITY = /^(\d+)(?:\.(\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;

/** The quantity as an exact fraction num / den. */
function exact(text: string): { num: bigint; den: bigint } {
  const match = QUANTITY.exec(text.trim());
  if (!match) {
    throw new Error(
      `invalid quantity ${JSON.stringify(text)}: expected a number with an optional unit, such as 512Mi, 1.5G or 250m`,
    );
  }
  const [, whole, fraction = '', unit = ''] = match;
  const [mul, div] = UNITS[unit];
  return { num: BigInt(whole + fraction) * mul, den: 10n ** BigInt(fraction.length) * div };
}

/** num / den rounded up, in integers: no floating-point step before the rounding. */
function ceilDiv(num: bigint, den: bigint): number {
  return Number((num + den - 1n) / den);
}

/** The value of a quantity such as "512Mi", "1.5G" or "250m" in base units (bytes, or cores). */
export function parseQuantity(text: string): number {
  const { num, den } = exact(text);
  return Number(num) / Number(den);
}

/** Whole bytes, rounded up; exact even where floating point is not. */
export function toBytes(text: string): number {
  const { num, den } = exact(text);
  return ceilDiv(num, den);
}

/** Whole millicores (1 core = 1000m), rounded up; exact even where floating point is not. */
export function toMillicores(text: string): number {
  const { num, den } = exact(text);
  return ceilDiv(num * 1000n, den);
}
