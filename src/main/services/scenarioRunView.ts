import type { PreparedTimeline } from '../../engine/timeline/prepareTimeline'
import type { MarketTimeline, TimelineRun } from '../../engine/timeline/timelineRun'
import type { TimelinePlan } from '../../engine/timeline/timelinePlan'
import { timelineTotals } from '../../engine/timeline/timelineTotals'
import {
  STEP_FLOWS,
  STEP_LEVELS,
  type MarketRun,
  type ScenarioRun,
  type StepSeriesName
} from '../../shared/scenarioRunTypes'

/**
 * Most points a series or heatmap row is sent with: more than a chart is wide on most screens, so
 * nothing visible is lost, and a 100,000-step run still crosses IPC in a few megabytes.
 */
export const MAX_POINTS = 1200

/** Steps per point so that `steps` fit in `MAX_POINTS`. */
export const strideFor = (steps: number): number => Math.max(1, Math.ceil(steps / MAX_POINTS))

/** The sum of each point's steps (a flow). */
export function sumPerPoint(values: Float64Array, stride: number): Float64Array {
  const out = new Float64Array(Math.ceil(values.length / stride))
  for (let t = 0; t < values.length; t++) out[Math.floor(t / stride)] += values[t]
  return out
}

/** The value at each point's last step (a level). */
export function lastPerPoint(values: Float64Array, stride: number): Float64Array {
  const points = Math.ceil(values.length / stride)
  return Float64Array.from(
    { length: points },
    (_, p) => values[Math.min(values.length - 1, (p + 1) * stride - 1)]
  )
}

function marketRun(
  market: MarketTimeline,
  totals: ReturnType<typeof timelineTotals>['markets'][number],
  impact: Record<string, number | string>,
  stride: number
): MarketRun {
  const series = {} as Record<StepSeriesName, Float64Array>
  for (const name of STEP_FLOWS) series[name] = sumPerPoint(market[name], stride)
  for (const name of STEP_LEVELS) series[name] = lastPerPoint(market[name], stride)
  return {
    underlying: market.underlying,
    startPrice: market.startPrice,
    impact,
    series,
    profile: {
      edges: market.profile.edges,
      long: Float32Array.from(market.profile.long),
      short: Float32Array.from(market.profile.short)
    },
    totals: {
      longNotional: totals.longNotional,
      shortNotional: totals.shortNotional,
      longCount: totals.longCount,
      shortCount: totals.shortCount,
      lendingNotional: totals.lendingNotional,
      deleveragedNotional: totals.deleveragedNotional,
      lendingBadDebt: totals.lendingBadDebt,
      perpBadDebt: totals.perpBadDebt,
      insurancePaid: totals.insurancePaid,
      minPrice: totals.minPrice,
      maxPrice: totals.maxPrice,
      maxEndogenousDrawdown: totals.maxEndogenousDrawdown
    },
    accounting: { ...market.accounting }
  }
}

/** Every perp venue's fund added up, per step. */
function totalFund(run: TimelineRun): Float64Array {
  const venues = run.venues.length
  return Float64Array.from({ length: run.steps }, (_, t) => {
    let fund = 0
    for (let v = 0; v < run.perpVenues; v++) fund += run.insuranceFund[t * venues + v]
    return fund
  })
}

/** A detailed run binned for the timeline view: a ScenarioRun but for what only main knows. */
export type BinnedTimeline = Omit<
  ScenarioRun,
  'runId' | 'bookVersion' | 'elapsedMs' | 'scenario' | 'skippedMarkets'
>

/**
 * A detailed run as the timeline view draws it: binned to at most MAX_POINTS points. The run's
 * heatmap must have been recorded every `strideFor(steps)` steps (runTimeline's `every`).
 * It needs the plan only, so the worker that ran the path bins it and sends main the small part.
 */
export function binTimelineRun(plan: TimelinePlan, run: TimelineRun): BinnedTimeline {
  const stride = strideFor(run.steps)
  if (run.markets.some((market) => market.profile.every !== stride))
    throw new Error(`the heatmap must be recorded every ${stride} steps for this view`)
  const totals = timelineTotals(run)
  const markets = run.markets.map((market, m) =>
    marketRun(market, totals.markets[m], plan.markets[m].model.describe(), stride)
  )
  let fundStart = 0
  for (let v = 0; v < run.perpVenues; v++) fundStart += run.insuranceFundStart[v]
  return {
    steps: run.steps,
    stepSeconds: run.stepSeconds,
    stride,
    points: Math.ceil(run.steps / stride),
    markets,
    insuranceFund: lastPerPoint(totalFund(run), stride),
    insuranceFundStart: fundStart,
    venues: totals.venues,
    totals: {
      liquidatedNotional: totals.markets.reduce(
        (sum, m) => sum + m.longNotional + m.shortNotional,
        0
      ),
      badDebt: totals.badDebt,
      deleveragedNotional: totals.deleveragedNotional,
      insurancePaid: totals.insurancePaid
    }
  }
}

/** The binned run with what main adds: the scenario as prepared, and the run's identity. */
export function scenarioRunView(
  prepared: Pick<PreparedTimeline, 'scenario' | 'skippedMarkets'>,
  binned: BinnedTimeline,
  meta: { runId: number; bookVersion: number; elapsedMs: number }
): ScenarioRun {
  return {
    ...meta,
    scenario: prepared.scenario,
    skippedMarkets: prepared.skippedMarkets,
    ...binned
  }
}
