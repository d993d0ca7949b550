import type { PathObserver } from '../timeline/pathObserver'
import type { MarketState, PathState } from '../timeline/pathState'
import { simulatePath } from '../timeline/simulatePath'
import { MARKET_METRICS, marketMetricsStart, metricsWidth, pathMetricIndex } from './pathMetrics'

/**
 * The outcome of paths [from, from + count): metrics path by path (`metricsWidth` each), and
 * prices market by market, step by step, path by path, so each step's column is contiguous.
 */
export interface PathBatch {
  from: number
  count: number
  metrics: Float64Array
  prices: Float32Array
}

const LIQUIDATED = pathMetricIndex('liquidatedNotional')
const LONG = pathMetricIndex('liquidatedLong')
const SHORT = pathMetricIndex('liquidatedShort')
const DELEVERAGED = pathMetricIndex('deleveragedNotional')
const BAD_DEBT = pathMetricIndex('badDebt')
const LENDING_BAD_DEBT = pathMetricIndex('lendingBadDebt')
const PERP_BAD_DEBT = pathMetricIndex('perpBadDebt')
const INSURANCE_PAID = pathMetricIndex('insurancePaid')
const FUND_END = pathMetricIndex('insuranceFundEnd')
const DRAWDOWN = pathMetricIndex('maxEndogenousDrawdown')
const DISLOCATION = pathMetricIndex('maxDislocation')
const PEAK_QUEUE = pathMetricIndex('peakQueue')
/** Offsets within a market's metrics. */
const MARKET = {
  minPrice: MARKET_METRICS.indexOf('minPrice'),
  maxPrice: MARKET_METRICS.indexOf('maxPrice'),
  finalPrice: MARKET_METRICS.indexOf('finalPrice'),
  finalDislocation: MARKET_METRICS.indexOf('finalDislocation'),
  drawdown: MARKET_METRICS.indexOf('maxEndogenousDrawdown'),
  liquidated: MARKET_METRICS.indexOf('liquidatedNotional')
}

/** Runs paths [from, from + count) on `state` and keeps what Monte Carlo aggregates. */
export function simulatePaths(state: PathState, from: number, count: number): PathBatch {
  const { plan } = state
  const markets = plan.markets.length
  const width = metricsWidth(markets)
  const batch: PathBatch = {
    from,
    count,
    metrics: new Float64Array(count * width),
    prices: new Float32Array(markets * plan.steps * count)
  }
  const observer = new MetricsObserver(batch, markets, plan.steps)
  for (let j = 0; j < count; j++) {
    observer.startPath(j, width)
    simulatePath(state, from + j, observer)
  }
  return batch
}

class MetricsObserver implements PathObserver {
  readonly units = null
  private row: Float64Array
  private path = 0
  /** Where each market's metrics start in a row. */
  private readonly marketBase: number[]

  constructor(
    private readonly batch: PathBatch,
    markets: number,
    private readonly steps: number
  ) {
    this.row = batch.metrics.subarray(0, 0)
    this.marketBase = Array.from({ length: markets }, (_, m) => marketMetricsStart(m))
  }

  startPath(j: number, width: number): void {
    this.path = j
    this.row = this.batch.metrics.subarray(j * width, (j + 1) * width)
    for (const base of this.marketBase) {
      this.row[base + MARKET.minPrice] = Infinity
      this.row[base + MARKET.maxPrice] = -Infinity
    }
  }

  marketStep(m: number, t: number, market: MarketState): void {
    const row = this.row
    const { price } = market
    const liquidated = market.longNotional + market.shortNotional
    const dislocation = price / market.fundamental - 1
    row[LIQUIDATED] += liquidated
    row[LONG] += market.longNotional
    row[SHORT] += market.shortNotional
    row[DELEVERAGED] += market.deleveragedNotional
    row[PERP_BAD_DEBT] += market.perpBadDebt
    row[BAD_DEBT] += market.perpBadDebt
    if (t === this.steps - 1) {
      const lending = market.lendingBadDebt()
      row[LENDING_BAD_DEBT] += lending
      row[BAD_DEBT] += lending
    }
    row[INSURANCE_PAID] += market.insurancePaid
    if (-dislocation > row[DRAWDOWN]) row[DRAWDOWN] = -dislocation
    if (Math.abs(dislocation) > row[DISLOCATION]) row[DISLOCATION] = Math.abs(dislocation)
    const base = this.marketBase[m]
    if (price < row[base + MARKET.minPrice]) row[base + MARKET.minPrice] = price
    if (price > row[base + MARKET.maxPrice]) row[base + MARKET.maxPrice] = price
    if (-dislocation > row[base + MARKET.drawdown]) row[base + MARKET.drawdown] = -dislocation
    row[base + MARKET.liquidated] += liquidated
    row[base + MARKET.finalPrice] = price
    row[base + MARKET.finalDislocation] = dislocation
    this.batch.prices[(m * this.steps + t) * this.batch.count + this.path] = price
  }

  stepEnd(_t: number, path: PathState): void {
    const venues = path.book.venues.length
    let queued = 0
    for (const market of path.markets) queued += market.queued(0, venues) + market.queued(1, venues)
    if (queued > this.row[PEAK_QUEUE]) this.row[PEAK_QUEUE] = queued
    let fund = 0
    for (let v = 0; v < path.fund.length; v++) fund += path.fund[v]
    this.row[FUND_END] = fund
  }
}
