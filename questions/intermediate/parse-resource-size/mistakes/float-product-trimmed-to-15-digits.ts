// Title: Rounds up a floating-point product after trimming it to 15 significant digits instead of exact arithmetic
// Breaks: "must be exact: `toBytes('8.3M')` is `8300000` and `toMillicores('2.007')` is `2007`, even though `8.3 * 1e6` and `2.007 * 1000` are not whole numbers in floating point"
const QUANTITY_RE = /^\s*(\d+)(?:\.(\d+))?(m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?\s*$/;

const FACTORS: Record<string, { num: bigint; den: bigint }> = {
  '': { num: 1n, den: 1n },
  m: { num: 1n, den: 1000n },
  k: { num: 1000n, den: 1n },
  M: { num: 1000n ** 2n, den: 1n },
  G: { num: 1000n ** 3n, den: 1n },
  T: { num: 1000n ** 4n, den: 1n },
  P: { num: 1000n ** 5n, den: 1n },
  E: { num: 1000n ** 6n, den: 1n },
  Ki: { num: 1024n, den: 1n },
  Mi: { num: 1024n ** 2n, den: 1n },
  Gi: { num: 1024n ** 3n, den: 1n },
  Ti: { num: 1024n ** 4n, den: 1n },
  Pi: { num: 1024n ** 5n, den: 1n },
  Ei: { num: 1024n ** 6n, den: 1n },
};

interface Parsed {
  /** value = num / den base units, exactly */
  num: bigint;
  den: bigint;
  unit: string;
}

function parse(text: string): Parsed {
  const m = QUANTITY_RE.exec(text);
  if (!m) throw new Error(`invalid quantity "${text}"`);
  const whole = m[1];
  const frac = m[2] ?? '';
  const unit = m[3] ?? '';
  const factor = FACTORS[unit];
  const digits = BigInt(whole + frac);
  const scale = 10n ** BigInt(frac.length);
  return {
    num: digits * factor.num,
    den: scale * factor.den,
    unit,
  };
}

function roundUp(value: number, text: string): number {
  // strip floating-point noise such as 8300000.000000001 or 2006.9999999999998 before rounding up
  const result = Math.ceil(Number(value.toPrecision(15)));
  if (result > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`quantity "${text}" is too large to represent exactly`);
  }
  return result;
}

/** The value of a quantity such as "512Mi", "1.5G" or "250m" in base units (bytes, or cores). */
export function parseQuantity(text: string): number {
  const p = parse(text);
  return Number(p.num) / Number(p.den);
}

/** Whole bytes, rounded up; exact even where floating point is not. */
export function toBytes(text: string): number {
  return roundUp(parseQuantity(text), text);
}

/** Whole millicores (1 core = 1000m), rounded up; exact even where floating point is not. */
export function toMillicores(text: string): number {
  return roundUp(parseQuantity(text) * 1000, text);
}
