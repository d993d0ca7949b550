import { UNIT_LENDING, type ExtraUnit, type LiquidationLadder } from '../cascade/liquidationLadder'
import type { CascadeRun } from '../cascade/runCascade'
import { underlyingOf } from '../market/underlyingOf'
import { assetPrice, withPrice } from './assetPrices'
import { closeFactorFor, type CloseFactorRules } from './closeFactor'
import { collateralValue, debtValue, healthFactor, lendingLiquidationPrice } from './health'
import type { LendingPosition } from './lendingBook'

/** What one liquidation of a lending position does when the market's price crosses its level. */
interface LendingLiquidation {
  price: number
  /** Debt value repaid (USD) and the collateral value seized for it, bonus included. */
  repaid: number
  seized: number
  /** Base quantity forced onto this market: collateral sold on a fall, debt bought on a rise. */
  quantity: number
  /** The position as the liquidation leaves it. */
  after: LendingPosition
}

const onMarket = (asset: string, underlying: string): boolean => underlyingOf(asset) === underlying

function liquidationOf(
  position: LendingPosition,
  underlying: string,
  direction: -1 | 1,
  prices: ReadonlyMap<string, number>,
  rules: CloseFactorRules
): LendingLiquidation | null {
  const level = lendingLiquidationPrice(position, underlying, prices)
  if (level.direction !== direction) return null
  const at = withPrice(prices, underlying, level.price)
  const debt = debtValue(position, at)
  const collateral = collateralValue(position, at)
  let owed = closeFactorFor(rules, healthFactor(position, at), debt, collateral) * debt
  // The liquidator repays the rising debt first on a rise (buying it here), and takes the falling
  // collateral first on a fall (selling it here): that is the flow this market sees.
  const debtFirst = [...position.debt].sort(
    (a, b) => Number(onMarket(b.asset, underlying)) - Number(onMarket(a.asset, underlying))
  )
  const debtAfter: LendingPosition['debt'] = []
  let repaid = 0
  let quantity = 0
  for (const leg of debtFirst) {
    const price = assetPrice(leg.asset, at)
    const pay = Math.min(leg.amount, owed / price)
    owed -= pay * price
    repaid += pay * price
    if (direction > 0 && onMarket(leg.asset, underlying)) quantity += pay
    debtAfter.push({ asset: leg.asset, amount: leg.amount - pay })
  }
  const collateralFirst = [...position.collateral].sort(
    (a, b) => Number(onMarket(b.asset, underlying)) - Number(onMarket(a.asset, underlying))
  )
  const collateralAfter: LendingPosition['collateral'] = []
  let seized = 0
  let toSeize = repaid
  for (const leg of collateralFirst) {
    const price = assetPrice(leg.asset, at)
    const take = Math.min(leg.amount, (toSeize * (1 + leg.liquidationBonus)) / price)
    toSeize -= (take * price) / (1 + leg.liquidationBonus)
    seized += take * price
    if (direction < 0 && onMarket(leg.asset, underlying)) quantity += take
    collateralAfter.push({ ...leg, amount: leg.amount - take })
  }
  return {
    price: level.price,
    repaid,
    seized,
    quantity,
    after: { ...position, debt: debtAfter, collateral: collateralAfter }
  }
}

/** The ladder units for lending positions on one market and direction; `ref` indexes `positions`. */
export function lendingUnits(
  positions: readonly LendingPosition[],
  underlying: string,
  direction: -1 | 1,
  prices: ReadonlyMap<string, number>,
  rules: CloseFactorRules
): ExtraUnit[] {
  const units: ExtraUnit[] = []
  positions.forEach((position, ref) => {
    const liquidation = liquidationOf(position, underlying, direction, prices, rules)
    if (!liquidation) return
    units.push({
      kind: UNIT_LENDING,
      ref,
      price: liquidation.price,
      quantity: liquidation.quantity,
      venueName: position.protocol
    })
  })
  return units
}

export interface LendingOutcome {
  liquidatedCount: number
  repaidDebt: number
  seizedCollateral: number
  /** Debt left without collateral to cover it, at the final price. */
  badDebt: number
  liquidatedAccounts: string[]
}

/**
 * Each crossed lending position is liquidated once at its level (one close-factor bite); what it
 * still owes beyond its remaining collateral at the final price is bad debt.
 */
export function lendingOutcome(
  positions: readonly LendingPosition[],
  ladder: LiquidationLadder,
  run: CascadeRun,
  prices: ReadonlyMap<string, number>,
  rules: CloseFactorRules
): LendingOutcome {
  const outcome: LendingOutcome = {
    liquidatedCount: 0,
    repaidDebt: 0,
    seizedCollateral: 0,
    badDebt: 0,
    liquidatedAccounts: []
  }
  const final = withPrice(prices, ladder.underlying, run.summary.finalPrice)
  for (let k = 0; k < run.liquidatedUnits; k++) {
    if (ladder.kind[k] !== UNIT_LENDING) continue
    const position = positions[ladder.ref[k]]
    const liquidation = liquidationOf(position, ladder.underlying, ladder.direction, prices, rules)
    if (!liquidation) continue
    outcome.liquidatedCount++
    outcome.repaidDebt += liquidation.repaid
    outcome.seizedCollateral += liquidation.seized
    outcome.liquidatedAccounts.push(`${position.account}@${position.protocol}`)
    outcome.badDebt += Math.max(
      0,
      debtValue(liquidation.after, final) - collateralValue(liquidation.after, final)
    )
  }
  return outcome
}
