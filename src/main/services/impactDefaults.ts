import type { ImpactSpec } from '../../engine/impact/createImpactModel'
import { SAMPLE_MARKETS } from '../../engine/sample/sampleMarkets'
import type { ImpactDefaults } from '../../shared/impactChoice'

/** The square-root law's constant, as the CLI uses it: empirically 0.5 to 1. */
const SQRT_COEFFICIENT = 0.7
/** A tenth of a percent of a day's volume moving the price 1%: on the thin side for majors. */
const LINEAR_DEPTH_SHARE_OF_VOLUME = 0.001
/** A pool holding one percent of a day's volume. */
const AMM_RESERVE_SHARE_OF_VOLUME = 0.01
/** Without market data, a day's volume is taken as twice the book's open interest. */
const VOLUME_PER_OPEN_INTEREST = 2
const ASSUMED_DAILY_VOLATILITY = 0.04

/**
 * Starting parameters for every impact model on one market: the workspace's own model where it
 * has one, the sample market's volume and volatility for the rest, and the book's open interest
 * as a last resort. The note says which, so a user knows what the numbers rest on.
 */
export function impactDefaultsFor(
  underlying: string,
  price: number,
  openInterest: number,
  workspace: ReadonlyMap<string, ImpactSpec>
): ImpactDefaults {
  const spec = workspace.get(underlying)
  const market = SAMPLE_MARKETS.find((candidate) => candidate.underlying === underlying)
  const dailyVolume = market?.dailyVolume ?? Math.max(1, openInterest * VOLUME_PER_OPEN_INTEREST)
  const dailyVolatility = market?.dailyVolatility ?? ASSUMED_DAILY_VOLATILITY
  return {
    kind: spec?.kind ?? 'linear',
    linear: {
      depthPerPercent:
        spec?.kind === 'linear' ? spec.depthPerPercent : dailyVolume * LINEAR_DEPTH_SHARE_OF_VOLUME
    },
    sqrt:
      spec?.kind === 'sqrt'
        ? {
            dailyVolume: spec.dailyVolume,
            dailyVolatility: spec.dailyVolatility,
            coefficient: spec.coefficient
          }
        : { dailyVolume, dailyVolatility, coefficient: SQRT_COEFFICIENT },
    amm: {
      baseReserve:
        spec?.kind === 'amm'
          ? spec.baseReserve
          : (dailyVolume * AMM_RESERVE_SHARE_OF_VOLUME) / price
    },
    book:
      spec?.kind === 'book'
        ? {
            description: `depth snapshot, ${spec.snapshot.bids.prices.length} bid and ${spec.snapshot.asks.prices.length} ask levels around ${spec.snapshot.mid}, fitted beyond the last level`
          }
        : null,
    note: spec
      ? 'the workspace’s liquidity model'
      : market
        ? `from ${underlying}’s daily volume and volatility`
        : 'no market data: depth assumed from the book’s open interest'
  }
}
