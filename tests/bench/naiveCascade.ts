import type { ImpactModel } from '../../src/engine/impact/impactModel'

/** What the naive reference sees of the book: every position's liquidation price and forced flow. */
export interface NaiveBook {
  /** NaN where a position is not on the shocked market or side. */
  liquidationPrice: Float64Array
  quantity: Float64Array
}

/**
 * The reference the cascade engine is measured against: every round rescans the whole book to
 * total the flow the current price has crossed. Same fixed point, O(book) per round.
 */
export function naiveCascade(
  book: NaiveBook,
  startPrice: number,
  shock: number,
  model: ImpactModel
): { finalPrice: number; rounds: number } {
  const { liquidationPrice, quantity } = book
  const shocked = startPrice * (1 + shock)
  let price = shocked
  let crossedBefore = 0
  let rounds = 0
  for (;;) {
    let notional = 0
    let base = 0
    let crossed = 0
    for (let i = 0; i < liquidationPrice.length; i++) {
      const lp = liquidationPrice[i]
      if (lp >= price) {
        notional += quantity[i] * lp
        base += quantity[i]
        crossed++
      }
    }
    if (crossed === crossedBefore) break
    crossedBefore = crossed
    price = model.priceAfter(shocked, -1, { notional, quantity: base })
    rounds++
  }
  return { finalPrice: price, rounds }
}
