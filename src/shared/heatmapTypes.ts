import { z } from 'zod'

export const heatmapRequestSchema = z.strictObject({
  underlying: z.string().min(1).max(40),
  binCount: z.number().int().min(10).max(2000),
  /** The bins cover the mark price times (1 - span) to (1 + span). */
  span: z.number().gt(0).max(0.95),
  /** Long against short only, or each side split by venue or by leverage band. */
  breakdown: z.enum(['side', 'venue', 'leverage']).default('side')
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
  elapsedMs: number
}
