import type { ScenarioProblem } from './scenarioProblem'
import type { Scenario } from './scenarioSchema'

/** A shipped scenario to start from: its file name (`flash-crash`) and contents, defaults filled in. */
export interface ScenarioPreset {
  id: string
  scenario: Scenario
}

export type ScenarioValidation =
  { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] }

/** Flows are summed over the steps a point covers. */
export const STEP_FLOWS = [
  'longNotional',
  'shortNotional',
  'longCount',
  'shortCount',
  'deleveragedNotional',
  'lendingNotional',
  'perpBadDebt',
  'insurancePaid'
] as const

/** Levels are taken at the last step a point covers. */
export const STEP_LEVELS = [
  'price',
  'fundamental',
  'oracle',
  'dislocation',
  'liquidity',
  'queueLong',
  'queueShort',
  'openInterestNotional',
  'lendingBadDebt'
] as const

export type StepFlow = (typeof STEP_FLOWS)[number]
export type StepLevel = (typeof STEP_LEVELS)[number]
export type StepSeriesName = StepFlow | StepLevel

/** Nothing created or lost, in base quantity: liquidated + deleveraged + remaining = open interest. */
export interface OpenInterestAccounting {
  openInterest: number
  liquidated: number
  deleveraged: number
  remaining: number
}

export interface MarketRunTotals {
  longNotional: number
  shortNotional: number
  longCount: number
  shortCount: number
  lendingNotional: number
  deleveragedNotional: number
  lendingBadDebt: number
  perpBadDebt: number
  insurancePaid: number
  minPrice: number
  maxPrice: number
  maxEndogenousDrawdown: number
}

/**
 * One market of a run, as the timeline view draws it: a value per point (a point is `stride`
 * steps), and the price x time heatmap: the liquidation notional still standing in each price
 * bin at the end of each point, point-major (`edges.length - 1` bins per point).
 */
export interface MarketRun {
  underlying: string
  startPrice: number
  /** The liquidity model as the engine describes it (impactLabel words it). */
  impact: Record<string, number | string>
  series: Record<StepSeriesName, Float64Array>
  profile: { edges: Float64Array; long: Float32Array; short: Float32Array }
  totals: MarketRunTotals
  accounting: OpenInterestAccounting
}

export interface VenueRunTotals {
  venue: string
  notional: number
  count: number
  fundStart: number
  fundEnd: number
}

/**
 * A scenario's detailed path on the current book, pre-binned in main so the renderer receives
 * what it draws: at most MAX_POINTS points per series and heatmap.
 */
export interface ScenarioRun {
  runId: number
  bookVersion: number
  /** The scenario as run, defaults filled in. */
  scenario: Scenario
  /** Scenario markets the book does not trade (and with no start price), left out. */
  skippedMarkets: string[]
  steps: number
  stepSeconds: number
  /** Steps per point; point p covers steps [p * stride, (p + 1) * stride). */
  stride: number
  points: number
  markets: MarketRun[]
  /** Every perp venue's insurance fund added up, at the end of each point. */
  insuranceFund: Float64Array
  insuranceFundStart: number
  venues: VenueRunTotals[]
  totals: {
    liquidatedNotional: number
    badDebt: number
    deleveragedNotional: number
    insurancePaid: number
  }
  elapsedMs: number
}

/** What a run or a Monte Carlo request comes back as. `invalid` lists the scenario's problems. */
export type ScenarioOutcome<T> =
  | { status: 'done'; result: T }
  | { status: 'invalid'; problems: ScenarioProblem[] }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
