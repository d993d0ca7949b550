import type { Book } from '../engine/book/columns'
import type { MonteCarloSummary } from '../engine/montecarlo/summarizeMonteCarlo'
import type { LiquidationTable } from '../engine/margin/liquidationTable'
import type { PreparedTimeline } from '../engine/timeline/prepareTimeline'
import type { MarketTimeline, TimelineRun } from '../engine/timeline/timelineRun'
import { timelineTotals } from '../engine/timeline/timelineTotals'
import { unitOwner } from '../engine/timeline/unitOwner'
import { ENGINE_VERSION } from '../engine/version'
import { issuesOf } from './analysis'
import type { RunReport } from './runReport'

/** `cascade run --json`, documented in docs/scenarios.md. */
export function runJson(report: RunReport) {
  const { loaded, prepared, run, source, monteCarlo } = report
  const { scenario, plan } = prepared
  return {
    command: 'run',
    engineVersion: ENGINE_VERSION,
    source: loaded.source,
    import: loaded.imports,
    scenario: {
      name: scenario.name,
      description: scenario.description,
      version: scenario.version,
      source,
      seed: scenario.seed,
      steps: scenario.steps,
      stepSeconds: scenario.stepSeconds,
      skippedMarkets: prepared.skippedMarkets
    },
    markets: plan.markets.map((market) => ({
      underlying: market.underlying,
      startPrice: market.startPrice,
      impact: market.model.describe()
    })),
    venues: run.venues,
    timeline: timelineJson(run, prepared, loaded.book, prepared.table),
    monteCarlo:
      monteCarlo &&
      monteCarloJson(
        monteCarlo.summary,
        scenario.markets.map((market) => market.underlying),
        scenario.monteCarlo
      ),
    issues: issuesOf(loaded, prepared.table)
  }
}

const STEP_SERIES = [
  'price',
  'fundamental',
  'oracle',
  'dislocation',
  'liquidity',
  'longNotional',
  'shortNotional',
  'longCount',
  'shortCount',
  'queueLong',
  'queueShort',
  'openInterest',
  'openInterestNotional',
  'deleveraged',
  'deleveragedNotional',
  'lendingNotional',
  'lendingCount',
  'lendingBadDebt',
  'perpBadDebt',
  'insurancePaid'
] as const satisfies readonly (keyof MarketTimeline)[]

/** Rows of `width` from a step-major array. */
function rows(values: Float64Array, width: number): number[][] {
  const out: number[][] = []
  for (let at = 0; at < values.length; at += width)
    out.push(Array.from(values.subarray(at, at + width)))
  return out
}

/** Column `c` of a step-major array `width` wide. */
function column(values: Float64Array, width: number, c: number): number[] {
  const out: number[] = []
  for (let at = c; at < values.length; at += width) out.push(values[at])
  return out
}

function marketJson(market: MarketTimeline, venues: readonly string[]) {
  const bins = market.profile.edges.length - 1
  return {
    underlying: market.underlying,
    startPrice: market.startPrice,
    steps: Object.fromEntries(STEP_SERIES.map((name) => [name, Array.from(market[name])])),
    byVenue: Object.fromEntries(
      venues.map((venue, v) => [
        venue,
        {
          notional: column(market.venueNotional, venues.length, v),
          count: column(market.venueCount, venues.length, v)
        }
      ])
    ),
    heatmap: {
      edges: Array.from(market.profile.edges),
      long: rows(market.profile.long, bins),
      short: rows(market.profile.short, bins),
      below: Array.from(market.profile.below),
      above: Array.from(market.profile.above)
    },
    accounting: market.accounting
  }
}

/** The detailed path. */
function timelineJson(
  run: TimelineRun,
  prepared: PreparedTimeline,
  book: Book,
  table: LiquidationTable
) {
  const perpVenues = run.venues.slice(0, run.perpVenues)
  return {
    path: run.path,
    markets: run.markets.map((market) => marketJson(market, run.venues)),
    insuranceFundStart: Object.fromEntries(
      perpVenues.map((venue, v) => [venue, run.insuranceFundStart[v]])
    ),
    insuranceFund: Object.fromEntries(
      perpVenues.map((venue, v) => [venue, column(run.insuranceFund, run.venues.length, v)])
    ),
    totals: timelineTotals(run),
    deleveragings: run.deleveragings.map((d) => {
      const market = prepared.timelineBook.markets[d.market]
      return {
        market: market.underlying,
        ...unitOwner(book, table, market.units, d.unit),
        quantity: d.quantity,
        notional: d.notional,
        firstStep: d.firstStep,
        lastStep: d.lastStep
      }
    })
  }
}

function monteCarloJson(
  summary: MonteCarloSummary,
  underlyings: readonly string[],
  options: { levels: readonly number[]; percentiles: readonly number[] }
) {
  return {
    paths: summary.requestedPaths,
    completedPaths: summary.completedPaths,
    complete: summary.complete,
    levels: options.levels,
    percentiles: options.percentiles,
    metrics: summary.metrics,
    markets: summary.markets.map((market, m) => ({
      underlying: underlyings[m],
      metrics: market.metrics,
      fan: market.fan,
      zones: market.zones.map(({ market: _market, ...zone }) => zone)
    }))
  }
}
