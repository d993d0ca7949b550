import type { EstimateAssumptions } from '../engine/estimate/estimateAssumptions'

/**
 * Where an assumption goes wrong, by form field, so the form can say it next to the field before
 * anything is sent: `symbol`, `venue`, `mix` (the mix as a whole), `leverage-<row>`,
 * `share-<row>`, `longShare`, `maintenanceRate`. The engine's checkAssumptions stays the
 * authority; these are the same limits, said where the user types.
 */
export function estimateFieldProblems(assumptions: EstimateAssumptions): Record<string, string> {
  const problems: Record<string, string> = {}
  if (assumptions.symbol.trim() === '') problems.symbol = 'give the market symbol, such as BTCUSDT'
  if (assumptions.venue.trim() === '') problems.venue = 'give a venue name, such as estimated'
  const mix = assumptions.leverageMix
  mix.forEach(({ leverage, share }, row) => {
    if (!(Number.isFinite(leverage) && leverage >= 1 && leverage <= 1000))
      problems[`leverage-${row}`] = 'a leverage from 1 to 1000'
    else if (mix.findIndex((other) => other.leverage === leverage) !== row)
      problems[`leverage-${row}`] = `${leverage}x is already in the mix`
    if (!(Number.isFinite(share) && share >= 0 && share <= 1))
      problems[`share-${row}`] = 'a share from 0% to 100%'
  })
  const total = mix.reduce((sum, { share }) => sum + share, 0)
  if (mix.length === 0) problems.mix = 'add at least one leverage'
  else if (Number.isFinite(total) && Math.abs(total - 1) > 1e-6)
    problems.mix = `the shares add up to ${Math.round(total * 1e4) / 100}%, not 100%`
  const split = assumptions.sideSplit
  const longShare = split.kind === 'fixed' ? split.longShare : split.fallbackLongShare
  if (!(Number.isFinite(longShare) && longShare >= 0 && longShare <= 1))
    problems.longShare = 'a long share from 0% to 100%'
  const m = assumptions.maintenanceRate
  const lowest = Math.min(...mix.map(({ leverage }) => leverage))
  if (!(Number.isFinite(m) && m >= 0 && m < 0.5))
    problems.maintenanceRate = 'a maintenance rate from 0% to below 50%'
  else if (Number.isFinite(lowest) && m >= 1 / lowest)
    problems.maintenanceRate = `${Math.round(m * 1e4) / 100}% liquidates ${lowest}x positions at entry`
  return problems
}
