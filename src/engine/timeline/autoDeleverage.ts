import type { PathObserver } from './pathObserver'
import { ADL_PART, ADL_WHOLE, type MarketState } from './pathState'

/**
 * Closes up to `wanted` base quantity of the positions in ADL list `list` (one side of one venue),
 * in ranking order, at `price`: the bankrupt positions' bankruptcy price. Positions already in
 * liquidation (triggered: the list's positions liquidate in the segment of the same index) are
 * the engine's, not ADL's, and are passed over. Leaves what it closed in `market.closedByAdl`:
 * less than `wanted` only when the list runs dry.
 */
export function autoDeleverage(
  market: MarketState,
  list: number,
  wanted: number,
  price: number,
  at: { m: number; t: number; observer: PathObserver }
): void {
  const { book, adlTaken } = market
  const end = book.adlStart[list + 1]
  const triggered = market.trigger[list]
  let rank = market.adlNext[list]
  let closed = 0
  while (closed < wanted && rank < end) {
    const slot = book.adlSlot[rank]
    if (slot >= 0 && slot < triggered) {
      rank++
      continue
    }
    const taken = adlTaken[rank]
    const available = book.adlQuantity[rank] - taken
    const take = available < wanted - closed ? available : wanted - closed
    const whole = take === available
    if (slot >= 0) flag(market, list, slot, taken === 0, whole)
    at.observer.units?.deleveraged(at.m, at.t, book.adlOrder[rank], take, price)
    closed += take
    if (whole) {
      // Assigned, not added, so a unit closed in several bites ends at exactly its quantity.
      adlTaken[rank] = book.adlQuantity[rank]
      rank++
    } else adlTaken[rank] = taken + take
  }
  market.adlNext[list] = rank
  market.openInterest -= closed
  market.deleveragedQuantity += closed
  market.deleveraged += closed
  market.deleveragedNotional += closed * price
  market.closedByAdl = closed
}

/** Marks a slot ADL took from, so the fill pointer stops there and fills only what is left of it. */
function flag(
  market: MarketState,
  segment: number,
  slot: number,
  first: boolean,
  whole: boolean
): void {
  market.adlFlag[slot] = whole ? ADL_WHOLE : ADL_PART
  if (!first) return
  market.adlFlagged[segment]++
  market.adlFlaggedAny = true
  if (slot < market.adlClearTo[segment]) market.adlClearTo[segment] = slot
}
