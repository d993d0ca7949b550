import { capToFinite } from './finitePrice'
import type { ImpactModel } from './impactModel'
import { requirePositiveFinite } from './impactModelError'

export interface AmmImpactParams {
  /** x: base reserve of the pool at the post-shock price (its quote reserve is y = x * ps). */
  baseReserve: number
}

/**
 * Constant-product pool x * y = k priced at ps. A sell adds base Q to x: P = ps * (x / (x + Q))^2.
 * A buy adds quote N to y: P = ps * ((y + N) / y)^2.
 */
export function createAmmImpact({ baseReserve }: AmmImpactParams): ImpactModel {
  const x = requirePositiveFinite('AMM impact', 'base reserve', baseReserve)
  return {
    kind: 'amm',
    priceAfter(ps, direction, flow) {
      if (direction === -1) {
        const ratio = x / (x + flow.quantity)
        return ps * ratio * ratio
      }
      // Buys pay quote into y, mirroring sells: taking base Q out of x would diverge as Q nears x.
      // N / y as (N / ps) / x, so that y = x * ps can neither overflow nor underflow.
      const growth = 1 + flow.notional / ps / x
      return capToFinite(ps * growth * growth)
    },
    describe: () => ({ kind: 'amm', baseReserve: x })
  }
}
