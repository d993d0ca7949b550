import { ADL_WHOLE, adlTakenAt, type MarketState } from './pathState'

/**
 * Queues what the oracle price has crossed: on each segment, every slot from the trigger pointer
 * whose liquidation price the oracle has reached (at or below it for a fall, at or above for a
 * rise). Usually nothing is crossed and a segment costs one comparison; else a binary search.
 */
export function triggerSegments(market: MarketState, venues: number): void {
  const { book, trigger, oracle } = market
  const { price, segmentStart } = book
  for (let s = 0; s < 2 * venues; s++) {
    const from = trigger[s]
    const end = segmentStart[s + 1]
    if (from === end) continue
    const fall = s < venues
    if (fall ? oracle > price[from] : oracle < price[from]) continue
    let lo = from + 1
    let hi = end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (fall ? oracle <= price[mid] : oracle >= price[mid]) lo = mid + 1
      else hi = mid
    }
    market.queue[s] += book.cumNotional[lo] - book.cumNotional[from]
    if (market.adlFlagged[s] > 0) discountDeleveraged(market, s, from, lo)
    trigger[s] = lo
  }
}

/** Units ADL already took from before they were triggered join the queue with what is left of them. */
function discountDeleveraged(market: MarketState, s: number, from: number, to: number): void {
  const { book } = market
  const flags = market.adlFlag
  for (let slot = from; slot < to; slot++) {
    if (flags[slot] === 0) continue
    const taken = flags[slot] === ADL_WHOLE ? book.quantity[slot] : adlTakenAt(market, slot)
    market.queue[s] -= taken * book.price[slot]
  }
}
