import type { Random } from '../math/random'

/** Log-normal, redrawn (not clipped) outside [min, max] so no value piles up at a bound. */
export function drawTruncatedLogNormal(
  random: Random,
  distribution: { median: number; logSpread: number; min: number; max: number }
): number {
  const { median, logSpread, min, max } = distribution
  for (;;) {
    const value = median * Math.exp(logSpread * random.normal())
    if (value >= min && value <= max) return value
  }
}
