import { binEdges, type PriceBins } from '../heatmap/liquidationHeatmap'
import type { PositionRow } from '../book/positionRow'
import type { EstimateAssumptions, LeverageShare } from './estimateAssumptions'
import { estimateBook, type EstimateSummary } from './estimateBook'
import { liquidationPriceAt } from './liquidationPriceAt'
import type { CandleSeries, OpenInterestSeries } from './marketSeries'
import { EstimateError } from './estimateError'

/** Liquidation notional by price bin of the book one leverage mix gives. */
export interface MixProfile {
  name: string
  leverageMix: LeverageShare[]
  /** Quote notional at the liquidation price, longs (liquidated on a fall) and shorts, per bin. */
  long: Float64Array
  short: Float64Array
  summary: EstimateSummary
}

/**
 * The band of outcomes across plausible leverage mixes: per price bin, the liquidation notional of
 * each mix's book and the lowest and highest of them. The mix is the estimate's least known
 * assumption; the band shows how much the heatmap depends on it.
 */
export interface EstimateBand {
  edges: Float64Array
  mixes: MixProfile[]
  low: { long: Float64Array; short: Float64Array }
  high: { long: Float64Array; short: Float64Array }
}

function profile(rows: readonly PositionRow[], edges: Float64Array, m: number) {
  const bins = edges.length - 1
  const long = new Float64Array(bins)
  const short = new Float64Array(bins)
  const width = edges[1] - edges[0]
  for (const row of rows) {
    const price = liquidationPriceAt(row.entryPrice, row.leverage ?? 1, row.side, m)
    if (price < edges[0] || price >= edges[bins]) continue
    const bin = Math.min(bins - 1, Math.floor((price - edges[0]) / width))
    ;(row.side === 1 ? long : short)[bin] += row.size * price
  }
  return { long, short }
}

function envelope(
  profiles: readonly Float64Array[],
  pick: (a: number, b: number) => number
): Float64Array {
  return profiles
    .slice(1)
    .reduce(
      (acc, next) => acc.map((value, j) => pick(value, next[j])),
      Float64Array.from(profiles[0])
    )
}

export function estimateBand(
  candles: CandleSeries,
  openInterest: OpenInterestSeries,
  assumptions: EstimateAssumptions,
  mixes: Readonly<Record<string, LeverageShare[]>>,
  bins: PriceBins
): EstimateBand {
  if (Object.keys(mixes).length === 0)
    throw new EstimateError('a band needs at least one leverage mix')
  const edges = binEdges(bins)
  const profiles = Object.entries(mixes).map(([name, leverageMix]) => {
    const { rows, summary } = estimateBook(candles, openInterest, { ...assumptions, leverageMix })
    return { name, leverageMix, summary, ...profile(rows, edges, assumptions.maintenanceRate) }
  })
  const sides = (side: 'long' | 'short') => profiles.map((p) => p[side])
  return {
    edges,
    mixes: profiles,
    low: { long: envelope(sides('long'), Math.min), short: envelope(sides('short'), Math.min) },
    high: { long: envelope(sides('long'), Math.max), short: envelope(sides('short'), Math.max) }
  }
}
