import { breakDownLiquidations } from '../../engine/heatmap/heatmapBreakdown'
import { binLiquidations } from '../../engine/heatmap/liquidationHeatmap'
import type { HeatmapBins, HeatmapRequest } from '../../shared/heatmapTypes'
import type { BookService } from './bookService'

/** Liquidation notional per price bin around the mark, binned in main from the live table. */
export function heatmapBins(books: BookService, request: HeatmapRequest): HeatmapBins {
  const started = performance.now()
  const { live } = books.current
  const markPrice = live.prices.get(request.underlying)
  if (markPrice === undefined)
    throw new Error(`no market ${request.underlying} in this book, so no price to bin around`)
  const map = binLiquidations(live.book, live.table, request.underlying, {
    low: markPrice * (1 - request.span),
    high: markPrice * (1 + request.span),
    count: request.binCount
  })
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
    elapsedMs: performance.now() - started
  }
}
