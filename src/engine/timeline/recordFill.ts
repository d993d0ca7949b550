import type { PathObserver } from './pathObserver'
import type { MarketState, PathState } from './pathState'
import type { SegmentContext } from './executeSegment'

/** Whole positions [from, to): one fill record, totals from the prefix sums. */
export function fillRange(
  market: MarketState,
  path: PathState,
  context: SegmentContext,
  from: number,
  to: number,
  observer: PathObserver
): void {
  const { book } = market
  record(market, context.s, from, to, 1)
  const quantity = book.cumQuantity[to] - book.cumQuantity[from]
  const notional = book.cumNotional[to] - book.cumNotional[from]
  addFill(market, path, context, quantity, notional, to - from)
  if (observer.units)
    for (let slot = from; slot < to; slot++)
      observer.units.filled(context.m, slot, book.quantity[slot])
}

/** Part or all of one position. */
export function fillSlot(
  market: MarketState,
  path: PathState,
  context: SegmentContext,
  slot: number,
  quantity: number,
  first: boolean,
  observer: PathObserver
): void {
  const { book } = market
  record(market, context.s, slot, slot + 1, quantity / book.quantity[slot])
  if (context.lending) market.addBite(slot, quantity)
  addFill(market, path, context, quantity, quantity * book.price[slot], first ? 1 : 0)
  observer.units?.filled(context.m, slot, quantity)
}

function record(market: MarketState, s: number, from: number, to: number, share: number): void {
  const i = market.fillCount++
  market.fillFrom[i] = from
  market.fillTo[i] = to
  market.fillShare[i] = share
  market.fillSegment[i] = s
}

/** A fill's forced flow presses on the price, leaves the queue and counts for its side and venue. */
function addFill(
  market: MarketState,
  path: PathState,
  context: SegmentContext,
  quantity: number,
  notional: number,
  positions: number
): void {
  const { side, venue } = context
  market.memoryNotional -= side * notional
  market.memoryQuantity -= side * quantity
  market.queue[context.s] -= notional
  path.venueNotional[venue] += notional
  path.venueCount[venue] += positions
  if (side > 0) {
    market.longNotional += notional
    market.longCount += positions
  } else {
    market.shortNotional += notional
    market.shortCount += positions
  }
  if (context.lending) {
    market.lendingNotional += notional
    market.lendingCount += positions
  } else {
    market.openInterest -= quantity
    market.liquidatedQuantity += quantity
  }
}
