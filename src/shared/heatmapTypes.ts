import { z } from 'zod'

export const heatmapRequestSchema = z.strictObject({
  underlying: z.string().min(1).max(40),
  binCount: z.number().int().min(10).max(2000),
  /** The bins cover the mark price times (1 - span) to (1 + span). */
  span: z.number().gt(0).max(0.95),
  /** Long against short only, or each side split by venue or by leverage band. */
  breakdown: z.enum(['side', 'venue', 'leverage']).default('side'),
  /** For an estimated book: also the band of outcomes across the low, mid and high leverage mixes. */
  band: z.boolean().optional()
})

export type HeatmapRequest = z.infer<typeof heatmapRequestSchema>
export type HeatmapBreakdownChoice = HeatmapRequest['breakdown']

/** One venue's or leverage band's part of each bin; the groups of a bin add up to its total. */
export interface HeatmapBinGroup {
  key: string
  long: Float64Array
  short: Float64Array
  longCount: Uint32Array
  shortCount: Uint32Array
}

/**
 * Liquidation notional (quote, at the liquidation price) and counts per price bin, binned in main.
 * Arrays stay typed: structured clone carries them as binary, and the harness encodes them so.
 */
export interface HeatmapBins {
  underlying: string
  version: number
  markPrice: number
  /** binCount + 1 edges, ascending. */
  edges: Float64Array
  long: Float64Array
  short: Float64Array
  longCount: Uint32Array
  shortCount: Uint32Array
  below: { notional: number; count: number }
  above: { notional: number; count: number }
  breakdown: HeatmapBreakdownChoice
  /** Empty for the plain long/short heatmap. */
  groups: HeatmapBinGroup[]
  /** Present when the book was estimated from market data on this market: a band can be asked for. */
  estimate?: { mixes: string[] }
  /** The band, when asked for and the book is an estimate on this market. */
  band?: HeatmapBand
  elapsedMs: number
}

/** One leverage mix's liquidation notional per bin, on the heatmap's bins. */
export interface HeatmapBandMix {
  name: string
  leverageMix: { leverage: number; share: number }[]
  long: Float64Array
  short: Float64Array
}

/**
 * The band of outcomes of an estimated book: the inference re-run with each plausible leverage
 * mix, and per bin the lowest and highest liquidation notional among them. Same bins as the
 * heatmap, so the band overlays it bin for bin.
 */
export interface HeatmapBand {
  mixes: HeatmapBandMix[]
  low: { long: Float64Array; short: Float64Array }
  high: { long: Float64Array; short: Float64Array }
}
