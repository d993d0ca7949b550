import type { TimelinePlan } from './timelinePlan'
import type { MarketBook, TimelineBook } from './timelineBook'

/** ADL closed part of the slot's position (see adlTaken), or all of it. */
export const ADL_PART = 1
export const ADL_WHOLE = 2

/**
 * One market's state along a path: typed arrays sized once for the book and reused path after
 * path (a worker allocates one), so a path costs no allocation beyond its random generator.
 */
export class MarketState {
  /**
   * Per segment: next slot to trigger, next slot to fill, and how much of that slot's position is
   * done with (filled, or closed by ADL before it was triggered) when it is partly filled.
   */
  readonly trigger: Uint32Array
  readonly exec: Uint32Array
  readonly execDone: Float64Array
  /** Per segment: notional (at liquidation prices) triggered and not yet filled. */
  readonly queue: Float64Array
  /**
   * Slots ADL took from before they were triggered (ADL_PART or ADL_WHOLE), per segment how many
   * the fill pointer has not reached, and how far from the pointer the segment is known to hold none.
   */
  readonly adlFlag: Uint8Array
  readonly adlFlagged: Uint32Array
  readonly adlClearTo: Uint32Array
  adlFlaggedAny = false
  /**
   * Per slot: the next slot at or after it, in its segment, of a position liquidated in slices
   * (else the segment's end). Only venue engines slice; lending liquidations are one bite.
   */
  readonly nextSliced: Uint32Array
  /** Per segment, a ring of sliced positions still being liquidated: [ringStart[s], ringStart[s+1]). */
  readonly ringStart: Uint32Array
  readonly ringHead: Uint32Array
  readonly ringSize: Uint32Array
  readonly ringSlot: Uint32Array
  readonly ringLeft: Float64Array
  /** Per ADL list: the next rank in line. */
  readonly adlNext: Uint32Array
  /** Per ADL rank: quantity closed by ADL (zero past each list's `adlNext`). */
  readonly adlTaken: Float64Array
  /**
   * The fills of the current step, settled once its price is known: slots [fillFrom, fillTo) of
   * segment fillSegment, each filled by fillShare of its quantity (1 for a run of whole positions).
   */
  readonly fillFrom: Uint32Array
  readonly fillTo: Uint32Array
  readonly fillShare: Float64Array
  readonly fillSegment: Uint16Array
  fillCount = 0
  /** Lending liquidations so far in the path: each fill's slot and quantity. */
  biteSlot: Uint32Array
  biteQuantity: Float64Array
  biteCount = 0
  /** Pre-trade prices of the last steps, for the lagged oracle. */
  readonly oracleHistory: Float64Array
  readonly totalOpenInterest: number

  // The numbers below start as -0, doubles rather than small integers, so V8 gives the
  // fields a double representation from the start. A field that first holds 0 changes hidden class
  // the first time it holds a fraction, and every optimised function touching it deoptimises.
  stochasticLog = -0
  fundamental = -0
  preTradePrice = -0
  oracle = -0
  price = -0
  liquidity = -0
  /** Signed forced flow (sells negative) still pressing on the price, decaying each step. */
  memoryNotional = -0
  memoryQuantity = -0
  openInterest = -0
  liquidatedQuantity = -0
  deleveragedQuantity = -0
  /** What the last ADL call closed. */
  closedByAdl = -0

  /** This step's results: liquidations by side (long = met by a fall), ADL, lending, losses. */
  longNotional = -0
  shortNotional = -0
  longCount = -0
  shortCount = -0
  deleveraged = -0
  deleveragedNotional = -0
  lendingNotional = -0
  lendingCount = -0
  perpBadDebt = -0
  insurancePaid = -0

  constructor(
    readonly book: MarketBook,
    venues: { count: number; perp: number },
    oracleLagSteps: number,
    sliceAbove: number
  ) {
    const segments = 2 * venues.count
    this.trigger = new Uint32Array(segments)
    this.exec = new Uint32Array(segments)
    this.execDone = new Float64Array(segments)
    this.queue = new Float64Array(segments)
    const slots = book.segmentStart[segments]
    this.adlFlag = new Uint8Array(slots)
    this.adlFlagged = new Uint32Array(segments)
    this.adlClearTo = new Uint32Array(segments)
    this.nextSliced = new Uint32Array(slots)
    this.ringStart = new Uint32Array(segments + 1)
    for (let s = 0; s < segments; s++) {
      let next = book.segmentStart[s + 1]
      let sliced = 0
      const sliceable = s % venues.count < venues.perp
      for (let slot = next - 1; slot >= book.segmentStart[s]; slot--) {
        if (sliceable && book.quantity[slot] * book.price[slot] > sliceAbove) {
          next = slot
          sliced++
        }
        this.nextSliced[slot] = next
      }
      this.ringStart[s + 1] = this.ringStart[s] + sliced
    }
    this.ringHead = new Uint32Array(segments)
    this.ringSize = new Uint32Array(segments)
    this.ringSlot = new Uint32Array(this.ringStart[segments])
    this.ringLeft = new Float64Array(this.ringStart[segments])
    this.adlNext = new Uint32Array(segments)
    this.adlTaken = new Float64Array(book.units.count)
    this.fillFrom = new Uint32Array(slots)
    this.fillTo = new Uint32Array(slots)
    this.fillShare = new Float64Array(slots)
    this.fillSegment = new Uint16Array(slots)
    const lendingSlots = book.bites.count
    this.biteSlot = new Uint32Array(Math.max(16, 2 * lendingSlots))
    this.biteQuantity = new Float64Array(this.biteSlot.length)
    this.oracleHistory = new Float64Array(oracleLagSteps + 1)
    let total = 0
    for (let u = 0; u < book.units.count; u++) total += book.units.quantity[u]
    this.totalOpenInterest = total
  }

  /** Back to the start of a path: nothing triggered, filled or deleveraged, the market at rest. */
  reset(startPrice: number): void {
    const { book } = this
    this.trigger.set(book.segmentStart.subarray(0, this.trigger.length))
    this.exec.set(book.segmentStart.subarray(0, this.exec.length))
    this.execDone.fill(0)
    this.queue.fill(0)
    if (this.adlFlaggedAny) this.adlFlag.fill(0)
    this.adlFlaggedAny = false
    this.adlFlagged.fill(0)
    this.adlClearTo.set(book.segmentStart.subarray(0, this.adlClearTo.length))
    this.ringHead.fill(0)
    this.ringSize.fill(0)
    for (let l = 0; l < this.adlNext.length; l++) {
      this.adlTaken.fill(0, book.adlStart[l], Math.min(this.adlNext[l] + 1, book.adlStart[l + 1]))
      this.adlNext[l] = book.adlStart[l]
    }
    this.fillCount = 0
    this.biteCount = 0
    this.oracleHistory.fill(startPrice)
    this.stochasticLog = 0
    this.fundamental = startPrice
    this.preTradePrice = startPrice
    this.oracle = startPrice
    this.price = startPrice
    this.liquidity = 1
    this.memoryNotional = 0
    this.memoryQuantity = 0
    this.openInterest = this.totalOpenInterest
    this.liquidatedQuantity = 0
    this.deleveragedQuantity = 0
  }

  startStep(): void {
    this.fillCount = 0
    this.longNotional = 0
    this.shortNotional = 0
    this.longCount = 0
    this.shortCount = 0
    this.deleveraged = 0
    this.deleveragedNotional = 0
    this.lendingNotional = 0
    this.lendingCount = 0
    this.perpBadDebt = 0
    this.insurancePaid = 0
  }

  /** Notes a lending liquidation's fill, whose remainder is marked to the price from now on. */
  addBite(slot: number, quantity: number): void {
    if (this.biteCount === this.biteSlot.length) {
      // A lending position filled bit by bit under a throughput limit: rare, so grow then.
      const slots = new Uint32Array(2 * this.biteSlot.length)
      const quantities = new Float64Array(slots.length)
      slots.set(this.biteSlot)
      quantities.set(this.biteQuantity)
      this.biteSlot = slots
      this.biteQuantity = quantities
    }
    this.biteSlot[this.biteCount] = slot
    this.biteQuantity[this.biteCount++] = quantity
  }

  /**
   * Lending bad debt at the current price: what the borrowers liquidated so far still owe beyond
   * their remaining collateral, the way the instant cascade measures it at its final price.
   */
  lendingBadDebt(): number {
    const { book, price } = this
    const { bites } = book
    let badDebt = 0
    for (let i = 0; i < this.biteCount; i++) {
      const slot = this.biteSlot[i]
      const b = book.ref[slot]
      const owed = bites.debtConstant[b] + bites.debtSlope[b] * price
      const held = bites.collateralConstant[b] + bites.collateralSlope[b] * price
      if (owed > held) badDebt += ((owed - held) * this.biteQuantity[i]) / book.quantity[slot]
    }
    return badDebt
  }

  /** Notional waiting on the long side (segments met by a fall) or the short side. */
  queued(direction: number, venues: number): number {
    let total = 0
    for (let v = 0; v < venues; v++) total += this.queue[direction * venues + v]
    return total
  }
}

/** A path's state across markets: the venues' insurance funds and budgets, lending stamps. */
export class PathState {
  readonly markets: MarketState[]
  readonly fund: Float64Array
  /** What each venue's engine may still fill on the current market this step. */
  readonly budget: Float64Array
  /** Per venue, this market-step's fills: notional and positions. */
  readonly venueNotional: Float64Array
  readonly venueCount: Uint32Array
  /** A lending position is liquidated once per path, on whichever market reaches it first. */
  readonly lendingStamp: Uint32Array
  pathStamp = 0

  constructor(
    readonly plan: TimelinePlan,
    readonly book: TimelineBook
  ) {
    this.markets = book.markets.map(
      (market, m) =>
        new MarketState(
          market,
          { count: book.venues.length, perp: book.perpVenues },
          plan.markets[m].oracleLagSteps,
          plan.sliceAbove
        )
    )
    const venues = book.venues.length
    this.fund = new Float64Array(venues)
    this.budget = new Float64Array(venues)
    this.venueNotional = new Float64Array(venues)
    this.venueCount = new Uint32Array(venues)
    this.lendingStamp = new Uint32Array(book.lendingPositions)
  }

  reset(): void {
    this.markets.forEach((market, m) => market.reset(this.plan.markets[m].startPrice))
    this.fund.set(this.plan.venues.insuranceFund)
    this.pathStamp++
    if (this.pathStamp === 0xffffffff) {
      this.lendingStamp.fill(0)
      this.pathStamp = 1
    }
  }
}

/** What ADL closed of a slot's position. */
export function adlTakenAt(market: MarketState, slot: number): number {
  const { book } = market
  return market.adlTaken[book.units.adlRank[book.ref[slot]]]
}
