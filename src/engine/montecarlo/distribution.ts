import { quantileSorted } from './quantile'
import { tailRisk, type TailRisk } from './tailRisk'

export interface Distribution {
  count: number
  mean: number
  min: number
  max: number
  percentiles: { p: number; value: number }[]
  /** Only for losses (higher is worse). */
  tail: TailRisk[]
  histogram: { edges: number[]; counts: number[] }
}

export interface DistributionOptions {
  percentiles: readonly number[]
  /** VaR/ES levels; empty for a quantity that is not a loss. */
  levels: readonly number[]
  bins: number
}

/** The distribution of one quantity over the paths, in path order (so the mean is reproducible). */
export function summarizeDistribution(
  values: Float64Array,
  options: DistributionOptions
): Distribution {
  const count = values.length
  let total = 0
  for (let i = 0; i < count; i++) total += values[i]
  const sorted = values.slice().sort()
  return {
    count,
    mean: count > 0 ? total / count : NaN,
    min: count > 0 ? sorted[0] : NaN,
    max: count > 0 ? sorted[count - 1] : NaN,
    percentiles: options.percentiles.map((p) => ({ p, value: quantileSorted(sorted, p) })),
    tail: options.levels.map((level) => tailRisk(sorted, level)),
    histogram: histogram(sorted, options.bins)
  }
}

/** Equal-width bins from the least to the greatest value; one bin when they are all equal. */
function histogram(sorted: Float64Array, bins: number): Distribution['histogram'] {
  const n = sorted.length
  if (n === 0) return { edges: [], counts: [] }
  const low = sorted[0]
  const high = sorted[n - 1]
  const count = high > low ? bins : 1
  const width = (high - low) / count
  const edges = Array.from({ length: count + 1 }, (_, j) => (j === count ? high : low + j * width))
  const counts = new Array<number>(count).fill(0)
  for (let i = 0; i < n; i++) {
    const bin = width > 0 ? Math.min(count - 1, Math.floor((sorted[i] - low) / width)) : 0
    counts[bin]++
  }
  return { edges, counts }
}
