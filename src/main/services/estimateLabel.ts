import type { EstimateAssumptions } from '../../engine/estimate/estimateAssumptions'

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`

/** The assumptions in one line, for the workspace's description: the book is only as good as these. */
export function describeAssumptions(assumptions: EstimateAssumptions): string {
  const mix = assumptions.leverageMix
    .map(({ leverage, share }) => `${leverage}x ${percent(share)}`)
    .join(', ')
  const split =
    assumptions.sideSplit.kind === 'fixed'
      ? `${percent(assumptions.sideSplit.longShare)} long`
      : 'longs by taker buy share'
  const liquidated = assumptions.dropLiquidated ? 'liquidated dropped' : 'liquidated kept'
  return `${assumptions.symbol} on ${assumptions.venue}, leverage ${mix}; ${split}; ${assumptions.entryPrice} entry; maintenance ${percent(assumptions.maintenanceRate)}; ${liquidated}`
}
