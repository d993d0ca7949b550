import { summarizeDistribution, type Distribution } from './distribution'
import { fanChart, type FanChart } from './fanChart'
import { completedPaths, type MonteCarloResults } from './monteCarloResults'
import {
  MARKET_METRICS,
  marketMetricIndex,
  metricsWidth,
  PATH_METRICS,
  pathMetricIndex,
  type MarketMetric,
  type PathMetric
} from './pathMetrics'
import { zoneReach, type RunawayZone } from './runawayZones'

export interface MonteCarloOptions {
  /** VaR / expected shortfall levels, e.g. 0.95 and 0.99. */
  levels: readonly number[]
  /** Percentiles of every distribution and of the fan chart. */
  percentiles: readonly number[]
}

/** A runaway zone and the share of paths whose price reached it, and got through it. */
export interface ZoneOdds extends RunawayZone {
  reached: number
  crossed: number
}

export interface MonteCarloSummary {
  requestedPaths: number
  completedPaths: number
  /** False when the run was cancelled: the summary covers the paths that finished. */
  complete: boolean
  metrics: Record<PathMetric, Distribution>
  markets: {
    metrics: Record<MarketMetric, Distribution>
    fan: FanChart
    zones: ZoneOdds[]
  }[]
}

/** Quantities that are not losses get no VaR/ES: a low fund or a low price is not "more". */
const NOT_LOSSES: readonly string[] = [
  'insuranceFundEnd',
  'minPrice',
  'maxPrice',
  'finalPrice',
  'finalDislocation'
]
const HISTOGRAM_BINS = 20

/** Summarises the finished paths, in path order: the same paths give the same summary, bit for bit. */
export function summarizeMonteCarlo(
  results: MonteCarloResults,
  zones: readonly RunawayZone[],
  options: MonteCarloOptions
): MonteCarloSummary {
  const paths = completedPaths(results)
  const width = metricsWidth(results.markets)
  const column = (index: number): Float64Array =>
    Float64Array.from(paths, (j) => results.metrics[j * width + index])
  const distribution = (name: string, index: number): Distribution =>
    summarizeDistribution(column(index), {
      percentiles: options.percentiles,
      levels: NOT_LOSSES.includes(name) ? [] : options.levels,
      bins: HISTOGRAM_BINS
    })
  const metrics = Object.fromEntries(
    PATH_METRICS.map((name) => [name, distribution(name, pathMetricIndex(name))])
  ) as Record<PathMetric, Distribution>
  const markets = results.prices.map((prices, m) => ({
    metrics: Object.fromEntries(
      MARKET_METRICS.map((name) => [name, distribution(name, marketMetricIndex(m, name))])
    ) as Record<MarketMetric, Distribution>,
    fan: fanChart(prices, results.paths, results.steps, paths, options.percentiles),
    zones: zones
      .filter((zone) => zone.market === m)
      .map((zone) =>
        zoneOdds(
          zone,
          column(marketMetricIndex(m, 'minPrice')),
          column(marketMetricIndex(m, 'maxPrice'))
        )
      )
  }))
  return {
    requestedPaths: results.paths,
    completedPaths: paths.length,
    complete: paths.length === results.paths,
    metrics,
    markets
  }
}

function zoneOdds(zone: RunawayZone, minPrices: Float64Array, maxPrices: Float64Array): ZoneOdds {
  let reached = 0
  let crossed = 0
  for (let j = 0; j < minPrices.length; j++) {
    const reach = zoneReach(zone, minPrices[j], maxPrices[j])
    if (reach.reached) reached++
    if (reach.crossed) crossed++
  }
  const n = minPrices.length
  return { ...zone, reached: n > 0 ? reached / n : NaN, crossed: n > 0 ? crossed / n : NaN }
}
