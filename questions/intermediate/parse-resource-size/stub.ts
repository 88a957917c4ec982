/** The value of a quantity such as "512Mi", "1.5G" or "250m" in base units (bytes, or cores). */
export function parseQuantity(text: string): number {
  throw new Error('Not implemented: parseQuantity');
}

/** Whole bytes, rounded up; exact even where floating point is not. */
export function toBytes(text: string): number {
  throw new Error('Not implemented: toBytes');
}

/** Whole millicores (1 core = 1000m), rounded up; exact even where floating point is not. */
export function toMillicores(text: string): number {
  throw new Error('Not implemented: toMillicores');
}
