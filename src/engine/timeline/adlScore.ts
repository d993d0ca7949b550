/** Ranked after every position that has margin and equity left. */
export const LAST_IN_ADL_QUEUE = -Number.MAX_VALUE

/**
 * Where a position stands in the auto-deleveraging queue (higher goes first), the way Binance
 * ranks it: PnL% times effective leverage while in profit, PnL% over effective leverage at a loss.
 * So the most profitable, most leveraged positions are deleveraged first.
 */
export function adlScore(pnl: number, margin: number, notional: number): number {
  const equity = margin + pnl
  if (!(margin > 0 && equity > 0 && notional > 0)) return LAST_IN_ADL_QUEUE
  const pnlShare = pnl / margin
  const leverage = notional / equity
  return pnl > 0 ? pnlShare * leverage : pnlShare / leverage
}
