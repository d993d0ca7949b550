import { assetPrice, withPrice } from '../lending/assetPrices'
import { closeFactorFor, type CloseFactorRules } from '../lending/closeFactor'
import { collateralValue, debtValue, healthFactor } from '../lending/health'
import type { LendingPosition } from '../lending/lendingBook'
import { underlyingOf } from '../market/underlyingOf'

/** Debt and collateral a borrower keeps after one liquidation, as `constant + slope * P` in USD. */
export interface BiteRemainder {
  debtConstant: number
  debtSlope: number
  collateralConstant: number
  collateralSlope: number
}

/**
 * One close-factor liquidation at `level` on `underlying`, as the instant cascade's lending model
 * takes it (rising debt repaid first on a rise, falling collateral seized first on a fall), and
 * what it leaves. Legs on this market are valued at the price P when the bite is settled; other
 * assets at their start prices. Bad debt at P is what the remainder owes beyond its collateral.
 */
export function lendingBite(
  position: LendingPosition,
  underlying: string,
  level: number,
  prices: ReadonlyMap<string, number>,
  rules: CloseFactorRules
): BiteRemainder {
  const at = withPrice(prices, underlying, level)
  const onMarket = (asset: string): boolean => underlyingOf(asset) === underlying
  const marketFirst = <T extends { asset: string }>(legs: readonly T[]): T[] =>
    [...legs].sort((a, b) => Number(onMarket(b.asset)) - Number(onMarket(a.asset)))
  const debt = debtValue(position, at)
  const collateral = collateralValue(position, at)
  let owed = closeFactorFor(rules, healthFactor(position, at), debt, collateral) * debt
  const remainder: BiteRemainder = {
    debtConstant: 0,
    debtSlope: 0,
    collateralConstant: 0,
    collateralSlope: 0
  }
  let repaid = 0
  for (const leg of marketFirst(position.debt)) {
    const price = assetPrice(leg.asset, at)
    const pay = Math.min(leg.amount, owed / price)
    owed -= pay * price
    repaid += pay * price
    const left = leg.amount - pay
    if (onMarket(leg.asset)) remainder.debtSlope += left
    else remainder.debtConstant += left * price
  }
  let toSeize = repaid
  for (const leg of marketFirst(position.collateral)) {
    const price = assetPrice(leg.asset, at)
    const take = Math.min(leg.amount, (toSeize * (1 + leg.liquidationBonus)) / price)
    toSeize -= (take * price) / (1 + leg.liquidationBonus)
    const left = leg.amount - take
    if (onMarket(leg.asset)) remainder.collateralSlope += left
    else remainder.collateralConstant += left * price
  }
  return remainder
}
