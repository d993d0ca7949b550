/** The book in aggregate: what the cockpit's summary panel and the book view's side tables show. */

export interface GroupTotals {
  key: string
  positions: number
  longNotional: number
  shortNotional: number
  /** Notional-weighted leverage of the positions that state or imply one. */
  averageLeverage: number | null
  /** Notional within `nearThreshold` of its liquidation price. */
  nearNotional: number
}

/** Notional by distance to liquidation; the last bucket holds everything past the last edge. */
export interface DistanceHistogram {
  edges: number[]
  long: number[]
  short: number[]
}

export interface LendingTotals {
  positions: number
  collateralValue: number
  debtValue: number
  /** Threshold-weighted collateral over debt, across all borrowers. */
  aggregateHealth: number | null
  /** Borrowers whose health factor is below 1.1. */
  nearLiquidation: number
}

export interface BookSummary {
  version: number
  positions: number
  accounts: number
  longNotional: number
  shortNotional: number
  nearThreshold: number
  nearNotional: number
  /** Positions without a liquidation price (margin covers a move to zero, or data is missing). */
  withoutLiquidationPrice: number
  issues: number
  byVenue: GroupTotals[]
  bySymbol: GroupTotals[]
  bySide: GroupTotals[]
  distance: DistanceHistogram
  lending: LendingTotals
}
