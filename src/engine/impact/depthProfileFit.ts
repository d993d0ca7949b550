import type { DepthLadder } from './depthLadder'

/**
 * How one side of the book continues past the snapshot's last level: cumulative depth
 * cum(d) = anchorDepth * (d / anchorDistance)^exponent, anchored at that level so the book has
 * no jump there. Shown to users, since every cascade larger than the snapshot rests on it.
 */
export interface DepthProfileFit {
  /** b of the power law cum(d) = a * d^b fitted by least squares in log-log over the levels. */
  readonly exponent: number
  /** Relative distance of the last level from the mid. */
  readonly anchorDistance: number
  /** Base quantity resting up to and including the last level. */
  readonly anchorDepth: number
  /** Coefficient of determination of the log-log fit; 0 when it fell back. */
  readonly r2: number
  /** The fit was degenerate (e.g. a single level), so depth is extended linearly (exponent 1). */
  readonly fallback: boolean
}

/** Fits the depth profile of a ladder with at least one level. */
export function fitDepthProfile(ladder: DepthLadder): DepthProfileFit {
  const last = ladder.distances.length - 1
  const anchorDistance = ladder.distances[last]
  const anchorDepth = ladder.cumulative[last]
  const { slope, r2 } = fitLogLogLine(ladder)
  if (Number.isFinite(slope) && slope > 0) {
    return { exponent: slope, anchorDistance, anchorDepth, r2, fallback: false }
  }
  return { exponent: 1, anchorDistance, anchorDepth, r2: 0, fallback: true }
}

/** Least-squares line through (ln d, ln cum); NaN slope when there are fewer than two distances. */
function fitLogLogLine({ distances, cumulative }: DepthLadder): { slope: number; r2: number } {
  let count = 0
  let sumX = 0
  let sumY = 0
  for (let i = 0; i < distances.length; i++) {
    // ln 0 is -Infinity: a level at the mid carries no information about the slope.
    if (distances[i] <= 0) continue
    count++
    sumX += Math.log(distances[i])
    sumY += Math.log(cumulative[i])
  }
  const meanX = sumX / count
  const meanY = sumY / count
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (let i = 0; i < distances.length; i++) {
    if (distances[i] <= 0) continue
    const dx = Math.log(distances[i]) - meanX
    const dy = Math.log(cumulative[i]) - meanY
    sxx += dx * dx
    sxy += dx * dy
    syy += dy * dy
  }
  return { slope: sxy / sxx, r2: (sxy * sxy) / (sxx * syy) }
}
