export interface SampleMarket {
  underlying: string
  /** Mark price in USD. */
  price: number
  /** Standard deviation of one day's return, as a fraction. */
  dailyVolatility: number
  /** Traded notional per day across venues, in USD. */
  dailyVolume: number
}

/**
 * The sample workspace's markets, a plausible early-August 2024 picture. BTC sits at the top bid
 * of the Binance depth snapshot of 2024-08-08 shipped with the app, so the order-book impact model
 * and the sample book start from the same price.
 */
export const SAMPLE_MARKETS: readonly SampleMarket[] = [
  { underlying: 'BTC', price: 61_800, dailyVolatility: 0.028, dailyVolume: 30e9 },
  { underlying: 'ETH', price: 2_680, dailyVolatility: 0.034, dailyVolume: 15e9 },
  { underlying: 'SOL', price: 155, dailyVolatility: 0.045, dailyVolume: 3e9 },
  { underlying: 'LTC', price: 62, dailyVolatility: 0.038, dailyVolume: 0.4e9 }
]

export function sampleMarketOf(underlying: string): SampleMarket {
  const market = SAMPLE_MARKETS.find((candidate) => candidate.underlying === underlying)
  if (!market) throw new Error(`no sample market for ${underlying}`)
  return market
}
