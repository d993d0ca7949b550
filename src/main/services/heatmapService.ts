import { LEVERAGE_MIXES } from '../../engine/estimate/estimateAssumptions'
import { estimateBand } from '../../engine/estimate/estimateBand'
import { breakDownLiquidations } from '../../engine/heatmap/heatmapBreakdown'
import { binLiquidations, type PriceBins } from '../../engine/heatmap/liquidationHeatmap'
import { underlyingOf } from '../../engine/market/underlyingOf'
import type { HeatmapBand, HeatmapBins, HeatmapRequest } from '../../shared/heatmapTypes'
import type { BookService } from './bookService'
import type { EstimateInputs } from './estimateInputs'

/**
 * The last band per estimate: the heatmap re-bins after every edit, and the band (three whole
 * inferences) depends only on the estimate's inputs and the bins, not on the edited book.
 */
const lastBands = new WeakMap<EstimateInputs, { key: string; band: HeatmapBand }>()

/** The estimate's band across the low, mid and high mixes, on the heatmap's own bins. */
function bandOf(estimate: EstimateInputs, bins: PriceBins & { count: number }): HeatmapBand {
  const key = `${bins.low}:${bins.high}:${bins.count}`
  const last = lastBands.get(estimate)
  if (last?.key === key) return last.band
  const band = estimateBand(
    estimate.candles,
    estimate.openInterest,
    estimate.assumptions,
    LEVERAGE_MIXES,
    bins
  )
  const shown: HeatmapBand = {
    mixes: band.mixes.map(({ name, leverageMix, long, short }) => ({
      name,
      leverageMix,
      long,
      short
    })),
    low: band.low,
    high: band.high
  }
  lastBands.set(estimate, { key, band: shown })
  return shown
}

/** Liquidation notional per price bin around the mark, binned in main from the live table. */
export function heatmapBins(books: BookService, request: HeatmapRequest): HeatmapBins {
  const started = performance.now()
  const { live } = books.current
  const markPrice = live.prices.get(request.underlying)
  if (markPrice === undefined)
    throw new Error(`no market ${request.underlying} in this book, so no price to bin around`)
  const bins = {
    low: markPrice * (1 - request.span),
    high: markPrice * (1 + request.span),
    count: request.binCount
  }
  const map = binLiquidations(live.book, live.table, request.underlying, bins)
  const { estimate } = books.current
  const estimated =
    estimate !== undefined && underlyingOf(estimate.assumptions.symbol) === request.underlying
  return {
    underlying: request.underlying,
    version: books.currentVersion,
    markPrice,
    edges: map.edges,
    long: map.long,
    short: map.short,
    longCount: map.longCount,
    shortCount: map.shortCount,
    below: map.below,
    above: map.above,
    breakdown: request.breakdown,
    groups:
      request.breakdown === 'side'
        ? []
        : breakDownLiquidations(
            live.book,
            live.table,
            request.underlying,
            map.edges,
            request.breakdown
          ),
    ...(estimated ? { estimate: { mixes: Object.keys(LEVERAGE_MIXES) } } : {}),
    ...(estimated && request.band ? { band: bandOf(estimate, bins) } : {}),
    elapsedMs: performance.now() - started
  }
}
