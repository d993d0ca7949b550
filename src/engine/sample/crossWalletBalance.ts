import type { DrawnPosition } from './drawPosition'
import { MIN_DISTANCE_TO_LIQUIDATION } from './drawEntryPrice'
import { roundToStep } from './roundToStep'
import { initialMargin, marginNotional, marginStep, unrealisedPnl } from './marginAmounts'

/**
 * The balance of a cross account at the drawn account leverage, raised when needed so that it
 * could have opened its positions (initial margins) and so that its equity still clears the
 * maintenance margins after every market moves the same small step against it.
 */
export function crossWalletBalance(
  positions: readonly DrawnPosition[],
  accountLeverage: number
): number {
  let gross = 0
  let initial = 0
  let maintenance = 0
  let pnl = 0
  for (const { row, maintenanceRate } of positions) {
    const notional = marginNotional(row.contract, row.size, row.markPrice)
    gross += notional
    initial += initialMargin(row.contract, row.size, row.entryPrice, row.leverage)
    maintenance += notional * maintenanceRate
    pnl += unrealisedPnl(row.contract, row.side, row.size, row.entryPrice, row.markPrice)
  }
  const wanted = Math.max(gross / accountLeverage, initial)
  const clearOfLiquidation = maintenance + MIN_DISTANCE_TO_LIQUIDATION * gross - pnl
  const step = marginStep(positions[0].row.contract)
  return roundToStep(Math.max(wanted, clearOfLiquidation), step, Math.ceil)
}
