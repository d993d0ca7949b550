/**
 * Caps a price at the largest finite double. A price that far out means nothing, but it has to
 * stay a number: Infinity turns into NaN in later arithmetic and into null in JSON.
 */
export function capToFinite(price: number): number {
  return Math.min(price, Number.MAX_VALUE)
}
