/**
 * What Monte Carlo keeps of each path: a few numbers for the whole path, a few per market, and
 * the price at every step (for the fan chart). Notional is quote at liquidation prices.
 */
export const PATH_METRICS = [
  /** Every forced liquidation, perps and lending, both sides. */
  'liquidatedNotional',
  'liquidatedLong',
  'liquidatedShort',
  /** Opposite positions closed by ADL, at the bankruptcy prices. */
  'deleveragedNotional',
  /** Lending bad debt at the last step's price plus perp losses neither funds nor ADL covered. */
  'badDebt',
  'lendingBadDebt',
  'perpBadDebt',
  /** Losses beyond bankruptcy paid by the insurance funds. */
  'insurancePaid',
  'insuranceFundEnd',
  /** Largest fall of a market price below its fundamental, as a fraction (the endogenous part). */
  'maxEndogenousDrawdown',
  /** Largest |price / fundamental - 1| of any market. */
  'maxDislocation',
  /** Most notional waiting in the engines' queues at once. */
  'peakQueue'
] as const

export const MARKET_METRICS = [
  'minPrice',
  'maxPrice',
  'finalPrice',
  'finalDislocation',
  'maxEndogenousDrawdown',
  'liquidatedNotional'
] as const

export type PathMetric = (typeof PATH_METRICS)[number]
export type MarketMetric = (typeof MARKET_METRICS)[number]

/** Numbers per path: the path metrics, then each market's metrics in turn. */
export const metricsWidth = (markets: number): number =>
  PATH_METRICS.length + markets * MARKET_METRICS.length

export const pathMetricIndex = (metric: PathMetric): number => PATH_METRICS.indexOf(metric)

/** Where market `m`'s metrics start in a path's numbers. */
export const marketMetricsStart = (m: number): number =>
  PATH_METRICS.length + m * MARKET_METRICS.length

export const marketMetricIndex = (m: number, metric: MarketMetric): number =>
  marketMetricsStart(m) + MARKET_METRICS.indexOf(metric)
