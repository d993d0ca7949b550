import type { Scenario } from './scenarioSchema'

/** A quantity's distribution over the paths (docs/scenarios.md, "A distribution"). */
export interface DistributionView {
  count: number
  mean: number
  min: number
  max: number
  percentiles: { p: number; value: number }[]
  /** VaR and expected shortfall; empty for a quantity that is not a loss. */
  tail: { level: number; valueAtRisk: number; expectedShortfall: number }[]
  histogram: { edges: number[]; counts: number[] }
}

/** A runaway zone at the start, and the share of paths that reached it and got through it. */
export interface ZoneOddsView {
  direction: -1 | 1
  from: number
  to: number
  peakGain: number
  reached: number
  crossed: number
}

/** Price percentiles per point: `values[i][p]` is percentile `percentiles[i]` at point p. */
export interface FanView {
  percentiles: number[]
  values: number[][]
}

export interface MonteCarloMarketView {
  underlying: string
  startPrice: number
  metrics: Record<string, DistributionView>
  fan: FanView
  zones: ZoneOddsView[]
}

/** A Monte Carlo run summarised in main; partial (`complete` false) when it was cancelled. */
export interface MonteCarloView {
  runId: number
  bookVersion: number
  scenario: Scenario
  requestedPaths: number
  completedPaths: number
  complete: boolean
  workers: number
  elapsedMs: number
  steps: number
  stepSeconds: number
  /** Steps per fan chart point. */
  stride: number
  levels: number[]
  percentiles: number[]
  /** Per path over all markets: liquidatedNotional, maxEndogenousDrawdown, badDebt, deleveragedNotional... */
  metrics: Record<string, DistributionView>
  markets: MonteCarloMarketView[]
}
