import { gainProfile } from '../cascade/sweep'
import type { MarketLadders } from '../timeline/buildTimelineBook'
import type { TimelinePlan } from '../timeline/timelinePlan'

/**
 * A price range where the book feeds on itself at the start (reflexivity gain >= 1 bin by bin,
 * DESIGN.md §3): `from` is the edge a move meets first.
 */
export interface RunawayZone {
  market: number
  direction: -1 | 1
  from: number
  to: number
  peakGain: number
}

/** Each market's runaway zones within `reach` of its start price, falls then rises. */
export function findRunawayZones(
  ladders: readonly MarketLadders[],
  plan: TimelinePlan,
  reach: number,
  step: number
): RunawayZone[] {
  return ladders.flatMap(({ fall, rise }, m) => {
    const { startPrice, model } = plan.markets[m]
    return [fall, rise].flatMap((ladder) =>
      gainProfile(ladder, startPrice, model, ladder.direction * reach, step).runawayZones.map(
        (zone) => ({ market: m, direction: ladder.direction, ...zone })
      )
    )
  })
}

/** Whether a path's price range reached a zone's near edge, and whether it got through to the far one. */
export function zoneReach(
  zone: RunawayZone,
  minPrice: number,
  maxPrice: number
): { reached: boolean; crossed: boolean } {
  if (zone.direction < 0) return { reached: minPrice <= zone.from, crossed: minPrice <= zone.to }
  return { reached: maxPrice >= zone.from, crossed: maxPrice >= zone.to }
}
