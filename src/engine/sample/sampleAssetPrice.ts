import { underlyingOf } from '../market/underlyingOf'
import { sampleMarketOf } from './sampleMarkets'

const STABLECOINS = new Set(['USDC', 'USDT', 'DAI'])

/**
 * USD price of a lending asset in the sample markets. Wrapped and staked tokens take the price of
 * the market underlyingOf maps them to, so wstETH trades at par with ETH here (not at its ~1.17).
 */
export function sampleAssetPrice(asset: string): number {
  if (STABLECOINS.has(asset.toUpperCase())) return 1
  return sampleMarketOf(underlyingOf(asset)).price
}
