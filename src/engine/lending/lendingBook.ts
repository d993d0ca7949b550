import type { LendingLegRow } from './legRow'

export interface CollateralLeg {
  asset: string
  amount: number
  liquidationThreshold: number
  liquidationBonus: number
}

export interface DebtLeg {
  asset: string
  amount: number
}

/** One borrower on one protocol: every leg that shares the account and protocol. */
export interface LendingPosition {
  account: string
  protocol: string
  collateral: CollateralLeg[]
  debt: DebtLeg[]
}

export class LendingError extends Error {
  override name = 'LendingError'
}

export function groupLendingLegs(legs: readonly LendingLegRow[]): LendingPosition[] {
  const positions = new Map<string, LendingPosition>()
  for (const leg of legs) {
    const key = `${leg.account}\u0000${leg.protocol}`
    let position = positions.get(key)
    if (!position)
      positions.set(
        key,
        (position = { account: leg.account, protocol: leg.protocol, collateral: [], debt: [] })
      )
    if (leg.role === 'debt') {
      position.debt.push({ asset: leg.asset, amount: leg.amount })
      continue
    }
    if (leg.liquidationThreshold === null || leg.liquidationBonus === null) {
      throw new LendingError(
        `${leg.account} on ${leg.protocol}: collateral ${leg.asset} needs a liquidation threshold and bonus`
      )
    }
    position.collateral.push({
      asset: leg.asset,
      amount: leg.amount,
      liquidationThreshold: leg.liquidationThreshold,
      liquidationBonus: leg.liquidationBonus
    })
  }
  return [...positions.values()]
}
