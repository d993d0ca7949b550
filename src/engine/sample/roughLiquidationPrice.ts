import type { ContractKind, Side } from '../book/positionRow'

/**
 * Where an isolated position whose margin is exactly its initial margin is liquidated, ignoring
 * tier maintenance amounts and fees: a plausibility filter for sample positions only, the margin
 * rules proper live elsewhere.
 * Linear, rate on the entry notional: per unit, E/L + s*(P - E) = mmr*E at P = E*(1 - s/L + s*mmr).
 * Inverse, rate on the coin notional at P: per USD, 1/(L*E) + s*(1/E - 1/P) = mmr/P at
 * P = E*(1 + s*mmr)/(1 + s/L).
 */
export function roughLiquidationPrice(
  contract: ContractKind,
  side: Side,
  entryPrice: number,
  leverage: number,
  mmr: number
): number {
  if (contract === 'linear') return entryPrice * (1 - side / leverage + side * mmr)
  return (entryPrice * (1 + side * mmr)) / (1 + side / leverage)
}
