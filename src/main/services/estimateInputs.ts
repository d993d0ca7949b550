import type { EstimateAssumptions } from '../../engine/estimate/estimateAssumptions'
import type { CandleSeries, OpenInterestSeries } from '../../engine/estimate/marketSeries'

/**
 * What an estimated book was inferred from, kept with its workspace: the heatmap's band re-runs
 * the inference over other leverage mixes, which the positions alone cannot tell.
 */
export interface EstimateInputs {
  candles: CandleSeries
  openInterest: OpenInterestSeries
  assumptions: EstimateAssumptions
  /** The file names, as the user knows them. */
  candlesName: string
  openInterestName: string
}
