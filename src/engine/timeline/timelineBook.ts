/**
 * The book as the timeline walks it, built once per book and shared read-only by every path (and
 * every worker: it is typed arrays only, apart from names).
 *
 * Per market, everything that can be liquidated sits in `slots`, in segments: one per direction
 * (falls first, then rises) and venue, each sorted in the order a move meets it, with prefix sums
 * of quantity and notional. A path then walks pointers along each segment: what the oracle price
 * has crossed is queued, what the venue's engine has filled is done. No step touches the book.
 *
 * Perpetual positions (isolated positions, and cross accounts netted per market) are also
 * `units`: the open interest, and the pool auto-deleveraging draws from, ranked per side and venue.
 */
export interface TimelineBook {
  /** Perp venues first, then lending protocols (which have no insurance fund and no ADL). */
  venues: string[]
  perpVenues: number
  lendingPositions: number
  markets: MarketBook[]
}

export interface MarketBook {
  underlying: string
  /** Segment s = direction * venues + venue (direction 0 fall, 1 rise) spans slots [start[s], start[s+1]). */
  segmentStart: Uint32Array
  /** Liquidation price (the level for lending). */
  price: Float64Array
  /** Base quantity forced onto the market. */
  quantity: Float64Array
  cumQuantity: Float64Array
  /** Quantity valued at the liquidation price, summed: the ladder's notional. */
  cumNotional: Float64Array
  /** Perps: equity in quote at price P is side * lossQuantity * (P - bankruptcy). */
  bankruptcy: Float64Array
  lossQuantity: Float64Array
  /** UNIT_ISOLATED, UNIT_CROSS or UNIT_LENDING. */
  kind: Uint8Array
  /** Perps: the unit; lending: the bite. */
  ref: Uint32Array
  units: PerpUnits
  /**
   * ADL list l = side * venues + venue (side 0 long, 1 short; the same index as the segment its
   * positions liquidate in) spans ranks [adlStart[l], adlStart[l+1]): units ranked most profitable
   * and most leveraged first, at the start price. Per rank: the unit, its quantity and its slot.
   */
  adlStart: Uint32Array
  adlOrder: Uint32Array
  adlQuantity: Float64Array
  adlSlot: Int32Array
  bites: LendingBites
}

export interface PerpUnits {
  count: number
  /** Base quantity: size, or |net size| of a cross account; inverse contracts at the liquidation (else start) price. */
  quantity: Float64Array
  side: Int8Array
  venue: Uint16Array
  /** Its slot, -1 when it has no liquidation price. */
  slot: Int32Array
  /** Its place in the ADL ranking (an index into adlOrder). */
  adlRank: Uint32Array
  kind: Uint8Array
  /** Position index (isolated) or cross group index (cross). */
  ref: Uint32Array
}

/** Lending liquidations: the borrower, and what it owes and holds after the bite, linear in the price. */
export interface LendingBites {
  count: number
  position: Uint32Array
  debtConstant: Float64Array
  debtSlope: Float64Array
  collateralConstant: Float64Array
  collateralSlope: Float64Array
}

export const FALL = 0
export const RISE = 1

export const segmentOf = (direction: number, venue: number, venues: number): number =>
  direction * venues + venue
