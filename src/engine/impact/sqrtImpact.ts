import { capToFinite } from './finitePrice'
import type { ImpactModel } from './impactModel'
import { requirePositiveFinite } from './impactModelError'

export interface SqrtImpactParams {
  /** V: quote notional traded per day. */
  dailyVolume: number
  /** sigma: daily volatility as a fraction (0.04 = 4%). */
  dailyVolatility: number
  /** Y: dimensionless, empirically about 0.5 to 1. */
  coefficient: number
}

/** Square-root law, P = ps * (1 -/+ Y * sigma * sqrt(N / V)): the first dollars move the price most. */
export function createSqrtImpact(params: SqrtImpactParams): ImpactModel {
  const model = 'square-root impact'
  const dailyVolume = requirePositiveFinite(model, 'daily volume', params.dailyVolume)
  const dailyVolatility = requirePositiveFinite(model, 'daily volatility', params.dailyVolatility)
  const coefficient = requirePositiveFinite(model, 'coefficient', params.coefficient)
  const scale = coefficient * dailyVolatility
  return {
    kind: 'sqrt',
    priceAfter(ps, direction, flow) {
      const move = scale * Math.sqrt(flow.notional / dailyVolume)
      return direction === -1 ? Math.max(0, ps * (1 - move)) : capToFinite(ps * (1 + move))
    },
    describe: () => ({ kind: 'sqrt', dailyVolume, dailyVolatility, coefficient })
  }
}
