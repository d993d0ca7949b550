import type { Random } from '../math/random'
import { drawTruncatedLogNormal } from './drawTruncatedLogNormal'
import type { SampleMarket } from './sampleMarkets'

export interface TraderProfile {
  /** Share of accounts. */
  share: number
  /** Median position notional in USD on the deepest market. */
  medianNotional: number
  /** Standard deviation of the log notional. */
  logSpread: number
}

/**
 * Most accounts are retail with small tickets, a few are professional desks, a sliver are whales:
 * a mixture of log-normals gives many small positions and the fat tail real books have.
 */
export const TRADER_PROFILES: readonly TraderProfile[] = [
  { share: 0.93, medianNotional: 1_500, logSpread: 1.3 },
  { share: 0.06, medianNotional: 60_000, logSpread: 1.1 },
  { share: 0.01, medianNotional: 1_200_000, logSpread: 1 }
]

const MIN_NOTIONAL = 100
const MAX_NOTIONAL = 20e6

/** Thinner markets carry smaller positions: sizes scale with the square root of relative volume. */
export function marketSizeScale(market: SampleMarket, deepest: SampleMarket): number {
  return Math.sqrt(market.dailyVolume / deepest.dailyVolume)
}

/** Drawn as a notional on the deepest market, $100 to $20M, then scaled to the instrument's market. */
export function drawPositionNotional(
  random: Random,
  profile: TraderProfile,
  scale: number
): number {
  const { medianNotional: median, logSpread } = profile
  const notional = { median, logSpread, min: MIN_NOTIONAL, max: MAX_NOTIONAL }
  return drawTruncatedLogNormal(random, notional) * scale
}
