import { assetPrice, withPrice } from '../lending/assetPrices'
import type { CloseFactorRules } from '../lending/closeFactor'
import { lendingBiteAt } from '../lending/lendingCascade'
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
  const { after } = lendingBiteAt(position, underlying, level, prices, rules)
  const remainder: BiteRemainder = {
    debtConstant: 0,
    debtSlope: 0,
    collateralConstant: 0,
    collateralSlope: 0
  }
  for (const leg of after.debt) {
    if (underlyingOf(leg.asset) === underlying) remainder.debtSlope += leg.amount
    else remainder.debtConstant += leg.amount * assetPrice(leg.asset, at)
  }
  for (const leg of after.collateral) {
    if (underlyingOf(leg.asset) === underlying) remainder.collateralSlope += leg.amount
    else remainder.collateralConstant += leg.amount * assetPrice(leg.asset, at)
  }
  return remainder
}
