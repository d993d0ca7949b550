import type { PathObserver } from './pathObserver'
import { ADL_WHOLE, adlTakenAt, type MarketState, type PathState } from './pathState'
import { fillRange, fillSlot } from './recordFill'
import { popSlice, pushSlice, sliceOf } from './sliceRing'

/** What executing a segment needs to know about where it is. */
export interface SegmentContext {
  m: number
  s: number
  venue: number
  /** +1: the segment holds longs (forced sells on a fall); -1: shorts (forced buys on a rise). */
  side: 1 | -1
  /** A lending protocol's segment: borrowers, liquidated once per path across markets. */
  lending: boolean
  sliceFraction: number
}

/**
 * The venue's liquidation engine works through a segment's queue within its budget for the step:
 * first a slice of each position already being liquidated in slices, then the queue in order. A
 * position above the slicing threshold gives one slice per step; one the budget cannot finish is
 * finished in later steps, at whatever price they bring. Runs of whole positions are filled with
 * the prefix sums, in O(log n); only positions that need a decision of their own are visited.
 */
export function executeSegment(
  market: MarketState,
  path: PathState,
  context: SegmentContext,
  observer: PathObserver
): void {
  const { s, venue } = context
  const { book } = market
  let budget = path.budget[venue]
  for (let i = market.ringSize[s]; i > 0 && budget > 0; i--) {
    const at = popSlice(market, s)
    const slot = market.ringSlot[at]
    const left = market.ringLeft[at]
    const affordable = budget / book.price[slot]
    const take = sliceOf(left, book.quantity[slot] * context.sliceFraction, affordable)
    fillSlot(market, path, context, slot, take, false, observer)
    budget = spent(budget, take, affordable, book.price[slot])
    if (take < left) pushSlice(market, s, slot, left - take)
  }
  while (budget > 0 && market.exec[s] < market.trigger[s]) {
    const slot = market.exec[s]
    const limit = firstFlagged(
      market,
      s,
      slot,
      Math.min(market.trigger[s], market.nextSliced[slot])
    )
    if (context.lending || market.execDone[s] > 0 || limit === slot) {
      budget = fillOne(market, path, context, budget, observer)
      continue
    }
    const whole = wholeWithin(book.cumNotional, slot, limit, budget)
    if (whole > slot) {
      fillRange(market, path, context, slot, whole, observer)
      budget -= book.cumNotional[whole] - book.cumNotional[slot]
      market.exec[s] = whole
    }
    if (whole < limit && budget > 0) {
      // The budget ends inside this position: fill what it buys, the rest waits.
      const take = Math.min(budget / book.price[whole], book.quantity[whole])
      fillSlot(market, path, context, whole, take, true, observer)
      market.execDone[s] = take
      budget = 0
    }
  }
  if (market.exec[s] === market.trigger[s] && market.ringSize[s] === 0) market.queue[s] = 0
  path.budget[venue] = budget
}

/** The first slot from `slot` (before `limit`) that ADL took from, else `limit`; scanned once. */
function firstFlagged(market: MarketState, s: number, slot: number, limit: number): number {
  if (market.adlFlagged[s] === 0) return limit
  const flags = market.adlFlag
  let k = Math.max(slot, market.adlClearTo[s])
  while (k < limit && flags[k] === 0) k++
  market.adlClearTo[s] = k
  return k
}

/** The end of the longest run of whole positions from `from` (before `limit`) that `budget` pays for. */
function wholeWithin(
  cumNotional: Float64Array,
  from: number,
  limit: number,
  budget: number
): number {
  if (budget === Infinity) return limit
  const most = cumNotional[from] + budget
  let lo = from
  let hi = limit
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (cumNotional[mid] <= most) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * The position at the fill pointer, on its own: one already partly filled, one liquidated in
 * slices, one ADL took from, or a borrower (whom another market may have liquidated already).
 */
function fillOne(
  market: MarketState,
  path: PathState,
  context: SegmentContext,
  budget: number,
  observer: PathObserver
): number {
  const { s } = context
  const { book } = market
  const slot = market.exec[s]
  const price = book.price[slot]
  const quantity = book.quantity[slot]
  const started = market.execDone[s] > 0
  const fillable = started
    ? quantity - market.execDone[s]
    : untouchedRemainder(market, path, context, slot)
  if (fillable <= 0) {
    // Closed by ADL before it was triggered, a borrower another market already liquidated, or
    // (by rounding) a position a partial fill had in fact finished.
    if (context.lending && !started) market.queue[s] -= quantity * price
    market.exec[s]++
    market.execDone[s] = 0
    return budget
  }
  const affordable = budget / price
  if (market.nextSliced[slot] === slot) {
    const take = sliceOf(fillable, quantity * context.sliceFraction, affordable)
    fillSlot(market, path, context, slot, take, true, observer)
    if (take < fillable) pushSlice(market, s, slot, fillable - take)
    market.exec[s]++
    return spent(budget, take, affordable, price)
  }
  const take = affordable >= fillable ? fillable : affordable
  fillSlot(market, path, context, slot, take, !started, observer)
  if (take === fillable) {
    market.exec[s]++
    market.execDone[s] = 0
  } else market.execDone[s] = quantity - (fillable - take)
  return spent(budget, take, affordable, price)
}

/** The budget after a fill: none when the fill took all it could buy, so no dust is left to loop on. */
function spent(budget: number, take: number, affordable: number, price: number): number {
  return take === affordable ? 0 : budget - take * price
}

/**
 * What is left to liquidate of a slot its engine has not touched yet: a perp position less what
 * ADL closed before it was triggered; a lending position, unless another market liquidated it.
 */
function untouchedRemainder(
  market: MarketState,
  path: PathState,
  context: SegmentContext,
  slot: number
): number {
  const { book } = market
  if (!context.lending) {
    const flag = market.adlFlag[slot]
    if (flag === 0) return book.quantity[slot]
    market.adlFlag[slot] = 0
    market.adlFlagged[context.s]--
    return flag === ADL_WHOLE ? 0 : book.quantity[slot] - adlTakenAt(market, slot)
  }
  const position = book.bites.position[book.ref[slot]]
  if (path.lendingStamp[position] === path.pathStamp) return 0
  path.lendingStamp[position] = path.pathStamp
  return book.quantity[slot]
}
