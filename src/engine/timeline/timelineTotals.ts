import type { MarketTimeline, OpenInterestAccounting, TimelineRun } from './timelineRun'

export interface MarketTotals {
  underlying: string
  longNotional: number
  shortNotional: number
  longCount: number
  shortCount: number
  lendingNotional: number
  lendingCount: number
  deleveraged: number
  deleveragedNotional: number
  /** At the last step's price. */
  lendingBadDebt: number
  perpBadDebt: number
  insurancePaid: number
  /** Lowest and highest price, and the largest fall below the fundamental (a fraction). */
  minPrice: number
  maxPrice: number
  maxEndogenousDrawdown: number
  accounting: OpenInterestAccounting
}

export interface TimelineTotals {
  markets: MarketTotals[]
  /** Per venue: liquidated notional and positions over the run, and the insurance fund at the start and end. */
  venues: { venue: string; notional: number; count: number; fundStart: number; fundEnd: number }[]
  badDebt: number
  deleveragedNotional: number
  insurancePaid: number
}

const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0)

function marketTotals(market: MarketTimeline): MarketTotals {
  let maxEndogenousDrawdown = 0
  for (const dislocation of market.dislocation)
    maxEndogenousDrawdown = Math.max(maxEndogenousDrawdown, -dislocation)
  return {
    underlying: market.underlying,
    longNotional: sum(market.longNotional),
    shortNotional: sum(market.shortNotional),
    longCount: sum(market.longCount),
    shortCount: sum(market.shortCount),
    lendingNotional: sum(market.lendingNotional),
    lendingCount: sum(market.lendingCount),
    deleveraged: sum(market.deleveraged),
    deleveragedNotional: sum(market.deleveragedNotional),
    lendingBadDebt: market.lendingBadDebt[market.lendingBadDebt.length - 1] ?? 0,
    perpBadDebt: sum(market.perpBadDebt),
    insurancePaid: sum(market.insurancePaid),
    minPrice: market.price.reduce((low, price) => Math.min(low, price), Infinity),
    maxPrice: market.price.reduce((high, price) => Math.max(high, price), -Infinity),
    maxEndogenousDrawdown,
    accounting: market.accounting
  }
}

/** The run summed up: per market, per venue, and overall. */
export function timelineTotals(run: TimelineRun): TimelineTotals {
  const markets = run.markets.map(marketTotals)
  const venueCount = run.venues.length
  const last = (run.steps - 1) * venueCount
  const venues = run.venues.map((venue, v) => {
    let notional = 0
    let count = 0
    for (const market of run.markets) {
      for (let t = 0; t < run.steps; t++) {
        notional += market.venueNotional[t * venueCount + v]
        count += market.venueCount[t * venueCount + v]
      }
    }
    return {
      venue,
      notional,
      count,
      fundStart: run.insuranceFundStart[v],
      fundEnd: run.insuranceFund[last + v]
    }
  })
  return {
    markets,
    venues,
    badDebt: markets.reduce((total, m) => total + m.lendingBadDebt + m.perpBadDebt, 0),
    deleveragedNotional: markets.reduce((total, m) => total + m.deleveragedNotional, 0),
    insurancePaid: markets.reduce((total, m) => total + m.insurancePaid, 0)
  }
}
