import { binEdges } from '../heatmap/liquidationHeatmap'
import type { MarketBook } from './timelineBook'

/**
 * The liquidation notional still standing by price bin and side (long: met by a fall): the
 * heatmap's column, as binLiquidations bins it (each slot's quantity at its liquidation price,
 * a cross account by its net size). Fills and ADL take notional out as the path runs.
 */
export class StandingProfile {
  readonly edges: Float64Array
  readonly long: Float64Array
  readonly short: Float64Array
  below = 0
  above = 0
  /** Per slot: its bin, -1 below the first edge, `bins` past the last. */
  private readonly binOf: Int32Array
  private readonly longSlotsEnd: number

  constructor(
    private readonly book: MarketBook,
    venues: number,
    startPrice: number,
    heatmap: { bins: number; range: number }
  ) {
    this.edges = binEdges({
      low: startPrice * (1 - heatmap.range),
      high: startPrice * (1 + heatmap.range),
      count: heatmap.bins
    })
    const bins = heatmap.bins
    this.long = new Float64Array(bins)
    this.short = new Float64Array(bins)
    this.longSlotsEnd = book.segmentStart[venues]
    const low = this.edges[0]
    const width = this.edges[1] - this.edges[0]
    this.binOf = Int32Array.from(book.price, (price) =>
      price < low
        ? -1
        : price >= this.edges[bins]
          ? bins
          : Math.min(bins - 1, Math.floor((price - low) / width))
    )
    for (let slot = 0; slot < book.price.length; slot++)
      this.add(slot, book.quantity[slot] * book.price[slot])
  }

  /** `quantity` of slot `slot` no longer stands: filled or deleveraged. */
  remove(slot: number, quantity: number): void {
    this.add(slot, -quantity * this.book.price[slot])
  }

  private add(slot: number, notional: number): void {
    const bin = this.binOf[slot]
    if (bin < 0) this.below += notional
    else if (bin >= this.long.length) this.above += notional
    else if (slot < this.longSlotsEnd) this.long[bin] += notional
    else this.short[bin] += notional
  }
}
