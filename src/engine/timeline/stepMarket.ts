import type { ForcedFlow } from '../impact/impactModel'
import { executeSegment, type SegmentContext } from './executeSegment'
import { impactPrice } from './impactPrice'
import type { PathObserver } from './pathObserver'
import type { PathState } from './pathState'
import { settleFills, type SettleContext } from './settleFills'
import { triggerSegments } from './triggerSegments'
import type { TimelinePlan } from './timelinePlan'

/** Objects a path reuses from step to step, so that a step allocates nothing. */
export interface StepScratch {
  observer: PathObserver
  flow: ForcedFlow
  segment: SegmentContext
  settle: SettleContext
}

/**
 * One market through one step, its fundamental already set: the old forced flow fades, the oracle
 * reads the price of `oracleLagSteps` ago and queues what it has crossed, each venue's engine fills
 * what its budget allows (falls before rises), the fills move the price, and settle at it.
 */
export function stepMarket(
  plan: TimelinePlan,
  path: PathState,
  m: number,
  t: number,
  scratch: StepScratch
): void {
  const marketPlan = plan.markets[m]
  const market = path.markets[m]
  const venues = path.book.venues.length
  market.startStep()
  market.memoryNotional *= marketPlan.impactKeep
  market.memoryQuantity *= marketPlan.impactKeep
  market.liquidity = marketPlan.liquidity[t]
  market.preTradePrice = impactPrice(
    marketPlan.model,
    market.fundamental,
    market.memoryNotional,
    market.memoryQuantity,
    market.liquidity,
    scratch.flow
  )
  const history = market.oracleHistory
  // Slot t holds this step's price; slot t + 1 still holds the price of `oracleLagSteps` ago.
  history[t % history.length] = market.preTradePrice
  market.oracle = history[(t + 1) % history.length]
  triggerSegments(market, venues)
  path.budget.set(plan.venues.throughput)
  path.venueNotional.fill(0)
  path.venueCount.fill(0)
  const { perpVenues } = path.book
  const { observer, segment: context, settle } = scratch
  context.m = m
  for (let s = 0; s < 2 * venues; s++) {
    if (market.exec[s] === market.trigger[s] && market.ringSize[s] === 0) continue
    context.s = s
    context.venue = s % venues
    context.side = s < venues ? 1 : -1
    context.lending = context.venue >= perpVenues
    executeSegment(market, path, context, observer)
  }
  market.price = impactPrice(
    marketPlan.model,
    market.fundamental,
    market.memoryNotional,
    market.memoryQuantity,
    market.liquidity,
    scratch.flow
  )
  settle.m = m
  settle.t = t
  settleFills(market, path, settle)
  observer.marketStep(m, t, market, path)
}
