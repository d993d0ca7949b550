import { UNIT_LENDING, type ExtraUnit, type LiquidationLadder } from '../cascade/liquidationLadder'
import type { CascadeRun } from '../cascade/runCascade'
import { underlyingOf } from '../market/underlyingOf'
import { assetPrice, withPrice } from './assetPrices'
import { closeFactorFor, type CloseFactorRules } from './closeFactor'
import { collateralValue, debtValue, healthFactor, lendingLiquidationPrice } from './health'
import type { LendingPosition } from './lendingBook'

/** What one close-factor liquidation of a lending position does at a price of one market. */
export interface LendingBite {
  /** Debt value repaid (USD) and the collateral value seized for it, bonus included. */
  repaid: number
  seized: number
  /** Base quantities on this market: debt bought to repay it, collateral seized to sell. */
  debtBought: number
  collateralSold: number
  /** The position as the liquidation leaves it. */
  after: LendingPosition
}

const onMarket = (asset: string, underlying: string): boolean => underlyingOf(asset) === underlying

/**
 * One liquidation with `underlying` at `price`, the rest at their prices. The liquidator repays
 * the debt on this market first and seizes the collateral on this market first: on a rise it buys
 * the rising debt here, on a fall it sells the falling collateral here.
 */
export function lendingBiteAt(
  position: LendingPosition,
  underlying: string,
  price: number,
  prices: ReadonlyMap<string, number>,
  rules: CloseFactorRules
): LendingBite {
  const at = withPrice(prices, underlying, price)
  const debt = debtValue(position, at)
  const collateral = collateralValue(position, at)
  let owed = closeFactorFor(rules, healthFactor(position, at), debt, collateral) * debt
  const marketFirst = <T extends { asset: string }>(legs: readonly T[]): T[] =>
    [...legs].sort(
      (a, b) => Number(onMarket(b.asset, underlying)) - Number(onMarket(a.asset, underlying))
    )
  const bite: LendingBite = {
    repaid: 0,
    seized: 0,
    debtBought: 0,
    collateralSold: 0,
    after: { ...position, debt: [], collateral: [] }
  }
  for (const leg of marketFirst(position.debt)) {
    const legPrice = assetPrice(leg.asset, at)
    const pay = Math.min(leg.amount, owed / legPrice)
    owed -= pay * legPrice
    bite.repaid += pay * legPrice
    if (onMarket(leg.asset, underlying)) bite.debtBought += pay
    bite.after.debt.push({ asset: leg.asset, amount: leg.amount - pay })
  }
  let toSeize = bite.repaid
  for (const leg of marketFirst(position.collateral)) {
    const legPrice = assetPrice(leg.asset, at)
    const take = Math.min(leg.amount, (toSeize * (1 + leg.liquidationBonus)) / legPrice)
    toSeize -= (take * legPrice) / (1 + leg.liquidationBonus)
    bite.seized += take * legPrice
    if (onMarket(leg.asset, underlying)) bite.collateralSold += take
    bite.after.collateral.push({ ...leg, amount: leg.amount - take })
  }
  return bite
}

/** The position's liquidation on this market in this direction, if it has one. */
function liquidationOf(
  position: LendingPosition,
  underlying: string,
  direction: -1 | 1,
  prices: ReadonlyMap<string, number>,
  rules: CloseFactorRules
): (LendingBite & { price: number; quantity: number }) | null {
  const level = lendingLiquidationPrice(position, underlying, prices)
  if (level.direction !== direction) return null
  const bite = lendingBiteAt(position, underlying, level.price, prices, rules)
  return {
    ...bite,
    price: level.price,
    quantity: direction > 0 ? bite.debtBought : bite.collateralSold
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
