import type { Book } from '../book/columns'
import type { ImpactSpec } from '../impact/createImpactModel'
import { AAVE_V3_RULES } from '../lending/closeFactor'
import type { LendingPosition } from '../lending/lendingBook'
import { computeLiquidationTable, type LiquidationTable } from '../margin/liquidationTable'
import type { TierRegistry } from '../margin/tierRegistry'
import { buildTimelineBook, type MarketLadders } from './buildTimelineBook'
import { ScenarioError } from './scenarioError'
import type { Scenario } from './scenarioSchema'
import type { TimelineBook } from './timelineBook'
import { compileTimeline, type TimelineInputs, type TimelinePlan } from './timelinePlan'

/** The book and market data a scenario runs against. */
export interface TimelineSource {
  book: Book
  registry: TierRegistry
  lending: readonly LendingPosition[]
  /** Market price per underlying, as the book was loaded. */
  prices: ReadonlyMap<string, number>
  /** Liquidity model per underlying for markets whose scenario entry names none. */
  defaultImpact: ReadonlyMap<string, ImpactSpec>
}

export interface PreparedTimeline {
  /** The scenario as run: without the markets the book does not trade. */
  scenario: Scenario
  /** Markets of the scenario left out: the book does not trade them and no start price is given. */
  skippedMarkets: string[]
  inputs: TimelineInputs
  table: LiquidationTable
  timelineBook: TimelineBook
  ladders: MarketLadders[]
  plan: TimelinePlan
}

/**
 * Everything a run of `scenario` needs, built once: each market's start price and liquidity model
 * (the scenario's, else the book's), liquidation prices at those start prices, and the timeline
 * book. A market the book does not trade, without a start price, is left out (so a preset runs on
 * any book); the driver cannot be.
 */
export function prepareTimeline(given: Scenario, source: TimelineSource): PreparedTimeline {
  const traded = (market: Scenario['markets'][number]): boolean =>
    market.startPrice !== undefined || source.prices.has(market.underlying)
  if (
    given.driver !== undefined &&
    !given.markets.some((m) => m.underlying === given.driver && traded(m))
  ) {
    throw new ScenarioError(
      `scenario driver: the book has no price for ${given.driver}; give its market a startPrice`
    )
  }
  const scenario: Scenario = { ...given, markets: given.markets.filter(traded) }
  const skippedMarkets = given.markets.filter((m) => !traded(m)).map((m) => m.underlying)
  if (scenario.markets.length === 0) {
    throw new ScenarioError(
      `scenario markets: the book trades none of ${skippedMarkets.join(', ')}; give a startPrice`
    )
  }
  const markets = scenario.markets.map((market) => {
    const m = given.markets.indexOf(market)
    const startPrice = (market.startPrice ?? source.prices.get(market.underlying)) as number
    const impact: ImpactSpec | undefined =
      market.impact ?? source.defaultImpact.get(market.underlying)
    if (!impact) {
      throw new ScenarioError(
        `scenario markets[${m}].impact: no liquidity model for ${market.underlying}; give one, e.g. {"kind": "linear", "depthPerPercent": 5000000}`
      )
    }
    return { underlying: market.underlying, startPrice, impact }
  })
  const prices = new Map(source.prices)
  for (const market of markets) prices.set(market.underlying, market.startPrice)
  const table = computeLiquidationTable(source.book, source.registry, prices)
  const { timelineBook, ladders } = buildTimelineBook({
    book: source.book,
    table,
    lending: source.lending,
    prices,
    underlyings: markets.map((market) => market.underlying),
    rules: AAVE_V3_RULES
  })
  const inputs: TimelineInputs = { scenario, markets }
  return {
    scenario,
    skippedMarkets,
    inputs,
    table,
    timelineBook,
    ladders,
    plan: compileTimeline(inputs, timelineBook)
  }
}
