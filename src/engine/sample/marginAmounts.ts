import type { ContractKind, Side } from '../book/positionRow'

/** Position value in the margin currency: quote for linear contracts, the coin for inverse ones. */
export function marginNotional(contract: ContractKind, size: number, price: number): number {
  return contract === 'linear' ? size * price : size / price
}

export function initialMargin(
  contract: ContractKind,
  size: number,
  entryPrice: number,
  leverage: number
): number {
  return marginNotional(contract, size, entryPrice) / leverage
}

export function unrealisedPnl(
  contract: ContractKind,
  side: Side,
  size: number,
  entryPrice: number,
  markPrice: number
): number {
  if (contract === 'linear') return side * size * (markPrice - entryPrice)
  return side * size * (1 / entryPrice - 1 / markPrice)
}

/** Cents for quote balances, satoshis for coin balances. */
export function marginStep(contract: ContractKind): number {
  return contract === 'linear' ? 0.01 : 1e-8
}
