import type { ImpactModel } from '../../src/engine/impact/impactModel'

/**
 * The reference the cascade engine is measured against: every round rescans every liquidation
 * price to total the flow the current price has crossed. Same fixed point, O(n) per round.
 */
export function naiveCascade(
  prices: Float64Array,
  quantities: Float64Array,
  startPrice: number,
  shock: number,
  model: ImpactModel
): { finalPrice: number; rounds: number } {
  const shocked = startPrice * (1 + shock)
  let price = shocked
  let crossedBefore = -1
  let rounds = 0
  for (;;) {
    let notional = 0
    let quantity = 0
    let crossed = 0
    for (let i = 0; i < prices.length; i++) {
      if (prices[i] >= price) {
        notional += quantities[i] * prices[i]
        quantity += quantities[i]
        crossed++
      }
    }
    if (crossed === crossedBefore || crossed === 0) break
    crossedBefore = crossed
    price = model.priceAfter(shocked, -1, { notional, quantity })
    rounds++
  }
  return { finalPrice: price, rounds }
}
