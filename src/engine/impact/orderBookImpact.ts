import { buildDepthLadder, firstLevelReaching, type DepthLadder } from './depthLadder'
import { fitDepthProfile, type DepthProfileFit } from './depthProfileFit'
import type { DepthLevels, DepthSnapshot } from './depthSnapshot'
import { capToFinite } from './finitePrice'
import type { ImpactModel } from './impactModel'
import { ImpactModelError, requirePositiveFinite } from './impactModelError'

export interface OrderBookImpactParams {
  snapshot: DepthSnapshot
}

export interface OrderBookImpactModel extends ImpactModel {
  readonly kind: 'book'
  /** How each side is extended past the snapshot's last level. */
  readonly fits: { readonly bids: DepthProfileFit; readonly asks: DepthProfileFit }
}

const MODEL = 'order-book impact'

/**
 * Walks the snapshot: sells down the bids, buys up the asks, by base quantity. The book moves
 * with the shock (each level keeps its relative distance from the mid), and past the last level
 * it follows the fitted depth profile, because real snapshots cover a fraction of a percent.
 */
export function createOrderBookImpact({ snapshot }: OrderBookImpactParams): OrderBookImpactModel {
  const mid = requirePositiveFinite(MODEL, 'snapshot mid', snapshot.mid)
  requireSide('bids', snapshot.bids, mid, -1)
  requireSide('asks', snapshot.asks, mid, 1)
  const bids = buildDepthLadder(snapshot.bids, mid)
  const asks = buildDepthLadder(snapshot.asks, mid)
  const fits = { bids: fitDepthProfile(bids), asks: fitDepthProfile(asks) }
  return {
    kind: 'book',
    fits,
    priceAfter(ps, direction, flow) {
      // The best level sits half a spread from the mid: only an actual trade moves there.
      if (flow.quantity === 0) return ps
      const sell = direction === -1
      const distance = sell
        ? distanceAfter(bids, fits.bids, flow.quantity)
        : distanceAfter(asks, fits.asks, flow.quantity)
      return sell ? Math.max(0, ps * (1 - distance)) : capToFinite(ps * (1 + distance))
    },
    describe: () => ({
      kind: 'book',
      mid,
      bidLevels: bids.distances.length,
      askLevels: asks.distances.length,
      ...describeFit('bid', fits.bids),
      ...describeFit('ask', fits.asks)
    })
  }
}

/** Relative distance from the mid reached once `quantity` has been taken from this side. */
function distanceAfter(ladder: DepthLadder, fit: DepthProfileFit, quantity: number): number {
  const level = firstLevelReaching(ladder.cumulative, quantity)
  if (level < ladder.cumulative.length) return ladder.distances[level]
  // Inverts cum(d) = C * (d / d_last)^b. exp/log rather than Math.pow, which returns NaN for
  // pow(1, Infinity) when 1/b overflows.
  return fit.anchorDistance * Math.exp(Math.log(quantity / fit.anchorDepth) / fit.exponent)
}

/**
 * A hand-made snapshot gets the same guarantees as a parsed one: positive sizes, and prices that
 * step strictly away from the mid (`away` is -1 below it, +1 above), so the walk is monotone.
 */
function requireSide(name: string, levels: DepthLevels, mid: number, away: -1 | 1): void {
  const { prices, sizes } = levels
  if (prices.length === 0 || prices.length !== sizes.length) {
    throw new ImpactModelError(
      `${MODEL}: snapshot ${name} need at least one level and as many sizes as prices, got ${prices.length} prices and ${sizes.length} sizes`
    )
  }
  let total = 0
  for (let i = 0; i < prices.length; i++) {
    const price = requirePositiveFinite(MODEL, `${name} price at level ${i}`, prices[i])
    total += requirePositiveFinite(MODEL, `${name} size at level ${i}`, sizes[i])
    const previous = i === 0 ? mid : prices[i - 1]
    if (away * (price - previous) <= 0) {
      throw new ImpactModelError(
        `${MODEL}: snapshot ${name} must lie on their side of the mid in strict price order, level ${i} at ${price} does not`
      )
    }
  }
  requirePositiveFinite(MODEL, `total ${name} size`, total)
}

function describeFit(side: 'bid' | 'ask', fit: DepthProfileFit): Record<string, number | string> {
  return {
    [`${side}DepthExponent`]: fit.exponent,
    [`${side}DepthAnchorDistance`]: fit.anchorDistance,
    [`${side}DepthAnchorQuantity`]: fit.anchorDepth,
    [`${side}DepthR2`]: fit.r2,
    [`${side}DepthFit`]: fit.fallback
      ? 'linear fallback (power-law fit degenerate)'
      : 'power law fitted in log-log'
  }
}
