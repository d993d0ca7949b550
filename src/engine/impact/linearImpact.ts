import { capToFinite } from './finitePrice'
import type { ImpactModel } from './impactModel'
import { requirePositiveFinite } from './impactModelError'

export interface LinearImpactParams {
  /** Quote notional that moves the price by 1%. */
  depthPerPercent: number
}

/** P = ps * (1 -/+ N / (100 * D)): constant depth, so the move grows in proportion to the notional. */
export function createLinearImpact({ depthPerPercent }: LinearImpactParams): ImpactModel {
  const depth = requirePositiveFinite('linear impact', 'depth per 1%', depthPerPercent)
  const notionalForFullMove = 100 * depth
  return {
    kind: 'linear',
    priceAfter(ps, direction, flow) {
      const move = flow.notional / notionalForFullMove
      return direction === -1 ? Math.max(0, ps * (1 - move)) : capToFinite(ps * (1 + move))
    },
    describe: () => ({ kind: 'linear', depthPerPercent: depth })
  }
}
