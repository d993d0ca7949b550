/** Cascade results as plain data: what the CLI prints as JSON and the renderer draws. */

export interface VenueSlice {
  venue: string
  count: number
  notional: number
}

export interface CascadeRound {
  /** 0 is the exogenous shock itself; later rounds are driven by forced flow alone. */
  round: number
  priceBefore: number
  priceAfter: number
  liquidatedCount: number
  liquidatedNotional: number
  /** Forced flow since the shock, after this round. */
  cumulativeNotional: number
  byVenue: VenueSlice[]
}

export interface CascadeSummary {
  underlying: string
  /** -1 for a fall (longs liquidated, forced sells), +1 for a rise (shorts, forced buys). */
  direction: -1 | 1
  startPrice: number
  shockedPrice: number
  finalPrice: number
  /** Fractions of the start price, signed. */
  exogenousMove: number
  endogenousMove: number
  totalMove: number
  /** Total move over exogenous move; 1 when nothing cascades, and for a zero shock (see endogenousMove). */
  amplification: number
  liquidatedCount: number
  liquidatedNotional: number
  liquidatedQuantity: number
  roundCount: number
}

export interface SweepPoint {
  shock: number
  finalPrice: number
  totalMove: number
  endogenousMove: number
  amplification: number
  liquidatedCount: number
  liquidatedNotional: number
  roundCount: number
}

/** When a shock counts as critical: an endogenous move of at least `value` (a fraction), or that much liquidated quote notional. */
export type CascadeThreshold =
  { kind: 'endogenous-move'; value: number } | { kind: 'notional'; value: number }

export interface CriticalShock {
  threshold: CascadeThreshold
  /** The smallest shock (in magnitude) whose cascade meets the threshold, refined between sweep points. */
  shock: number
  finalPrice: number
}

/** Local reflexivity gain along the price axis: price drop induced per unit of price drop. */
export interface GainProfile {
  /** Bin edges, in the order the move meets them. */
  prices: number[]
  /** gains[j] is the gain between prices[j] and prices[j+1]. */
  gains: number[]
  runawayZones: { from: number; to: number; peakGain: number }[]
}

export interface SweepSummary {
  underlying: string
  startPrice: number
  points: SweepPoint[]
  critical: CriticalShock | null
  gain: GainProfile
}
