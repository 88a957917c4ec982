// Title: Allows whitespace between the number and the unit ("1 Gi" is accepted)
// Breaks: "`1 Gi`"
const QUANTITY = /^\s*([0-9]+)(?:\.([0-9]+))?\s*(m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?\s*$/;

const FACTORS: Record<string, [bigint, bigint]> = {
  '': [1n, 1n],
  m: [1n, 1000n],
  k: [1000n, 1n],
  M: [1000n ** 2n, 1n],
  G: [1000n ** 3n, 1n],
  T: [1000n ** 4n, 1n],
  P: [1000n ** 5n, 1n],
  E: [1000n ** 6n, 1n],
  Ki: [1024n, 1n],
  Mi: [1024n ** 2n, 1n],
  Gi: [1024n ** 3n, 1n],
  Ti: [1024n ** 4n, 1n],
  Pi: [1024n ** 5n, 1n],
  Ei: [1024n ** 6n, 1n],
};

/** The exact value as a fraction numerator / denominator. */
function parseExact(text: string): [bigint, bigint] {
  const m = QUANTITY.exec(text);
  if (!m) throw new Error(`invalid quantity "${text}"`);
  const whole = m[1];
  const fraction = m[2] ?? '';
  const [factorNum, factorDen] = FACTORS[m[3] ?? ''];
  const numerator = BigInt(whole + fraction) * factorNum;
  const denominator = 10n ** BigInt(fraction.length) * factorDen;
  return [numerator, denominator];
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function toSafeNumber(value: bigint, text: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`quantity "${text}" is too large to represent exactly`);
  }
  return Number(value);
}

/** The value of a quantity such as "512Mi", "1.5G" or "250m" in base units (bytes, or cores). */
export function parseQuantity(text: string): number {
  const [numerator, denominator] = parseExact(text);
  return Number(numerator) / Number(denominator);
}

/** Whole bytes, rounded up; exact even where floating point is not. */
export function toBytes(text: string): number {
  const [numerator, denominator] = parseExact(text);
  return toSafeNumber(ceilDiv(numerator, denominator), text);
}

/** Whole millicores (1 core = 1000m), rounded up; exact even where floating point is not. */
export function toMillicores(text: string): number {
  const [numerator, denominator] = parseExact(text);
  return toSafeNumber(ceilDiv(numerator * 1000n, denominator), text);
}
