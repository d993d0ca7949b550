import { underlyingOf } from '../market/underlyingOf'
import { assetPrice } from './assetPrices'
import type { LendingPosition } from './lendingBook'

export function collateralValue(
  position: LendingPosition,
  prices: ReadonlyMap<string, number>
): number {
  let value = 0
  for (const leg of position.collateral) value += leg.amount * assetPrice(leg.asset, prices)
  return value
}

export function debtValue(position: LendingPosition, prices: ReadonlyMap<string, number>): number {
  let value = 0
  for (const leg of position.debt) value += leg.amount * assetPrice(leg.asset, prices)
  return value
}

/** HF = sum(C_i*P_i*LT_i) / sum(D_j*P_j); liquidatable below 1. Infinite without debt. */
export function healthFactor(
  position: LendingPosition,
  prices: ReadonlyMap<string, number>
): number {
  let weighted = 0
  for (const leg of position.collateral)
    weighted += leg.amount * assetPrice(leg.asset, prices) * leg.liquidationThreshold
  const debt = debtValue(position, prices)
  return debt > 0 ? weighted / debt : Infinity
}

/**
 * The price of one underlying at which HF reaches 1, everything else held: HF - 1 is linear in
 * it, `slope*P + rest`. A positive slope (it is mostly collateral) liquidates on a fall below
 * the root, a negative one (mostly debt) on a rise above it. NaN direction 0 when never.
 */
export function lendingLiquidationPrice(
  position: LendingPosition,
  underlying: string,
  prices: ReadonlyMap<string, number>
): { price: number; direction: -1 | 1 | 0 } {
  let slope = 0
  let rest = 0
  for (const leg of position.collateral) {
    const weighted = leg.amount * leg.liquidationThreshold
    if (underlyingOf(leg.asset) === underlying) slope += weighted
    else rest += weighted * assetPrice(leg.asset, prices)
  }
  for (const leg of position.debt) {
    if (underlyingOf(leg.asset) === underlying) slope -= leg.amount
    else rest -= leg.amount * assetPrice(leg.asset, prices)
  }
  if (slope === 0) return { price: NaN, direction: 0 }
  const price = -rest / slope
  if (!(price > 0) || !Number.isFinite(price)) return { price: NaN, direction: 0 }
  return { price, direction: slope > 0 ? -1 : 1 }
}

/**
 * Past the toxic frontier a liquidation makes the position worse: the bonus paid out of collateral
 * exceeds the cushion, which happens when LTV > 1/(1+LB) (LB weighted by collateral value).
 */
export function isPastToxicFrontier(
  position: LendingPosition,
  prices: ReadonlyMap<string, number>
): boolean {
  const collateral = collateralValue(position, prices)
  if (collateral <= 0) return debtValue(position, prices) > 0
  let weightedBonus = 0
  for (const leg of position.collateral)
    weightedBonus += leg.amount * assetPrice(leg.asset, prices) * leg.liquidationBonus
  const bonus = weightedBonus / collateral
  return debtValue(position, prices) / collateral > 1 / (1 + bonus)
}
