import { createImpactModel, type ImpactSpec } from '../impact/createImpactModel'
import type { ImpactModel } from '../impact/impactModel'
import { gbmJumps, type GbmJumps } from './path/gbmJumps'
import { liquidityPath } from './path/liquidityPath'
import { scheduledLogPath } from './path/scheduledLogPath'
import type { Mechanics, Scenario } from './scenarioSchema'
import type { TimelineBook } from './timelineBook'

/**
 * What a run needs besides the book, as plain data that crosses to worker threads: the scenario
 * and, per market in the scenario's order, its start price and liquidity model.
 */
export interface TimelineInputs {
  scenario: Scenario
  markets: { underlying: string; startPrice: number; impact: ImpactSpec }[]
}

export interface MarketPlan {
  underlying: string
  startPrice: number
  /** 0 for the driver and for markets without a beta. */
  beta: number
  /** Log of the fundamental over the start price from the deterministic components, per step. */
  scheduledLog: Float64Array
  gbm: GbmJumps[]
  /** Depth as a factor of normal, per step. */
  liquidity: Float64Array
  oracleLagSteps: number
  /** Share of the temporary impact left after one step. */
  impactKeep: number
  model: ImpactModel
}

/** Per venue (the timeline book's order). Infinity throughput: no limit. */
export interface VenuePlan {
  insuranceFund: Float64Array
  throughput: Float64Array
  fee: Float64Array
}

export interface TimelinePlan {
  steps: number
  stepSeconds: number
  seed: number
  /** Index of the driver market, -1 without one. */
  driver: number
  markets: MarketPlan[]
  venues: VenuePlan
  /** Quote notional above which a position is liquidated in slices; Infinity: never. */
  sliceAbove: number
  sliceFraction: number
}

export function compileTimeline(inputs: TimelineInputs, book: TimelineBook): TimelinePlan {
  const { scenario } = inputs
  const { steps, stepSeconds, mechanics } = scenario
  const markets = scenario.markets.map((market, m): MarketPlan => {
    const { startPrice, impact } = inputs.markets[m]
    return {
      underlying: market.underlying,
      startPrice,
      beta: market.beta ?? 0,
      scheduledLog: scheduledLogPath(market.path, steps, stepSeconds, startPrice),
      gbm: market.path.flatMap((c) => (c.kind === 'gbm' ? [gbmJumps(c, stepSeconds)] : [])),
      liquidity: liquidityPath(market.liquidity, steps, stepSeconds),
      oracleLagSteps: market.oracleLagSteps,
      impactKeep:
        0.5 ** (stepSeconds / (market.impactHalfLifeSeconds ?? mechanics.impactHalfLifeSeconds)),
      model: createImpactModel(impact)
    }
  })
  return {
    steps,
    stepSeconds,
    seed: scenario.seed,
    driver: scenario.markets.findIndex((market) => market.underlying === scenario.driver),
    markets,
    venues: venuePlan(inputs, book),
    sliceAbove: mechanics.sliceAbove ?? Infinity,
    sliceFraction: mechanics.sliceFraction
  }
}

/**
 * Each venue's fund, throughput and fee: its entry in `mechanics.venues` (names compared without
 * case), else the defaults. Lending protocols have no fund, and no throughput limit unless listed.
 */
function venuePlan(inputs: TimelineInputs, book: TimelineBook): VenuePlan {
  const { mechanics } = inputs.scenario
  const listed = new Map(
    Object.entries(mechanics.venues).map(([name, rules]) => [name.trim().toLowerCase(), rules])
  )
  const count = book.venues.length
  const openInterest = openInterestByVenue(inputs, book)
  const plan: VenuePlan = {
    insuranceFund: new Float64Array(count),
    throughput: new Float64Array(count),
    fee: new Float64Array(count)
  }
  book.venues.forEach((name, v) => {
    const rules = listed.get(name.trim().toLowerCase())
    const perp = v < book.perpVenues
    plan.insuranceFund[v] = perp ? insuranceFund(mechanics, rules, openInterest[v]) : 0
    const throughput =
      rules?.throughputPerStep !== undefined
        ? rules.throughputPerStep
        : perp
          ? mechanics.throughputPerStep
          : null
    plan.throughput[v] = throughput ?? Infinity
    plan.fee[v] = perp ? (rules?.liquidationFee ?? mechanics.liquidationFee) : 0
  })
  return plan
}

/** A venue's own fund, else its share of its open interest, else the defaults in that order. */
function insuranceFund(
  mechanics: Mechanics,
  rules: Mechanics['venues'][string] | undefined,
  openInterest: number
): number {
  if (rules?.insuranceFund !== undefined) return rules.insuranceFund
  if (rules?.insuranceFundShare !== undefined) return rules.insuranceFundShare * openInterest
  if (mechanics.insuranceFundShare !== null) return mechanics.insuranceFundShare * openInterest
  return mechanics.insuranceFund
}

/** Each venue's perp open interest on the scenario's markets, in quote at the start prices. */
function openInterestByVenue(inputs: TimelineInputs, book: TimelineBook): Float64Array {
  const totals = new Float64Array(book.venues.length)
  book.markets.forEach((market, m) => {
    const { units } = market
    const price = inputs.markets[m].startPrice
    for (let u = 0; u < units.count; u++) totals[units.venue[u]] += units.quantity[u] * price
  })
  return totals
}
