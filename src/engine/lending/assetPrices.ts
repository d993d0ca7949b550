import { underlyingOf } from '../market/underlyingOf'
import { LendingError } from './lendingBook'

const STABLECOINS = new Set([
  'USDC',
  'USDT',
  'DAI',
  'USDE',
  'USDS',
  'FDUSD',
  'PYUSD',
  'GHO',
  'LUSD',
  'FRAX',
  'USD'
])

/**
 * The price of a lending asset: its underlying's market price (WETH and wstETH trade as ETH), a
 * dollar stablecoin at 1 unless the market input prices it (for depeg scenarios).
 */
export function assetPrice(asset: string, prices: ReadonlyMap<string, number>): number {
  const underlying = underlyingOf(asset)
  const price = prices.get(underlying)
  if (price !== undefined) return price
  if (STABLECOINS.has(underlying)) return 1
  throw new LendingError(`no price for ${asset}: give one for ${underlying} in the market input`)
}

/** Prices with one underlying moved to `price`, the rest as given. */
export function withPrice(
  prices: ReadonlyMap<string, number>,
  underlying: string,
  price: number
): Map<string, number> {
  return new Map(prices).set(underlying, price)
}
