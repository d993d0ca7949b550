import type { MarketState } from './pathState'

/** A slice left smaller than this share of its position is taken with the slice before it. */
const CRUMB = 1e-9

/** One slice: a share of the position, no more than is left or the budget buys; no crumb left over. */
export function sliceOf(left: number, slice: number, affordable: number): number {
  const take = Math.min(left, slice, affordable)
  return left - take <= CRUMB * slice ? left : take
}

/** Puts what is left of a sliced position at the back of its segment's ring, for the next step. */
export function pushSlice(market: MarketState, s: number, slot: number, left: number): void {
  const ring = market.ringStart[s]
  const capacity = market.ringStart[s + 1] - ring
  const at = ring + ((market.ringHead[s] + market.ringSize[s]) % capacity)
  market.ringSlot[at] = slot
  market.ringLeft[at] = left
  market.ringSize[s]++
}

/** Takes the position at the front of a segment's ring; returns where its slot and remainder are. */
export function popSlice(market: MarketState, s: number): number {
  const ring = market.ringStart[s]
  const at = ring + market.ringHead[s]
  market.ringHead[s] = (market.ringHead[s] + 1) % (market.ringStart[s + 1] - ring)
  market.ringSize[s]--
  return at
}
