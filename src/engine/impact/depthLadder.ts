import type { DepthLevels } from './depthSnapshot'

/**
 * One side of a book as seen from its mid: each level's relative distance from the mid and the
 * base quantity resting up to and including it. Both rise level by level, away from the mid,
 * which is what makes the book scale with a shock (distances are kept, prices are not).
 */
export interface DepthLadder {
  readonly distances: Float64Array
  readonly cumulative: Float64Array
}

export function buildDepthLadder(levels: DepthLevels, mid: number): DepthLadder {
  const count = levels.prices.length
  const distances = new Float64Array(count)
  const cumulative = new Float64Array(count)
  let total = 0
  for (let i = 0; i < count; i++) {
    distances[i] = Math.abs(levels.prices[i] - mid) / mid
    total += levels.sizes[i]
    cumulative[i] = total
  }
  return { distances, cumulative }
}

/** Index of the first level whose cumulative size covers `quantity`; the level count if none does. */
export function firstLevelReaching(cumulative: Float64Array, quantity: number): number {
  let low = 0
  let high = cumulative.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (cumulative[middle] >= quantity) high = middle
    else low = middle + 1
  }
  return low
}
