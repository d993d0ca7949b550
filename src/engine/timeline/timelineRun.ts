import { UNIT_LENDING } from '../cascade/liquidationLadder'
import type { PathObserver, UnitObserver } from './pathObserver'
import { PathState, type MarketState } from './pathState'
import { simulatePath } from './simulatePath'
import { StandingProfile } from './standingProfile'
import { FALL, RISE, type TimelineBook } from './timelineBook'
import type { TimelinePlan } from './timelinePlan'

/** Nothing created or lost, in base quantity: liquidated + deleveraged + remaining = open interest. */
export interface OpenInterestAccounting {
  openInterest: number
  liquidated: number
  deleveraged: number
  remaining: number
}

/** One market's timeline: arrays by step (notional in quote at liquidation prices). */
export interface MarketTimeline {
  underlying: string
  startPrice: number
  price: Float64Array
  fundamental: Float64Array
  /** The lagged price liquidations triggered on. */
  oracle: Float64Array
  /** price / fundamental - 1: the part of the move forced flow made. */
  dislocation: Float64Array
  /** Depth as a factor of normal. */
  liquidity: Float64Array
  /** Liquidated notional and positions, long (met by a fall, lending collateral included) and short. */
  longNotional: Float64Array
  shortNotional: Float64Array
  longCount: Float64Array
  shortCount: Float64Array
  /** Notional waiting in the engines' queues after the step. */
  queueLong: Float64Array
  queueShort: Float64Array
  /** Perp open interest left, in base quantity and at the step's price. */
  openInterest: Float64Array
  openInterestNotional: Float64Array
  /** Opposite positions closed by ADL: base quantity, and quote at the bankruptcy prices. */
  deleveraged: Float64Array
  deleveragedNotional: Float64Array
  lendingNotional: Float64Array
  lendingCount: Float64Array
  /** A level, not a flow: what liquidated borrowers owe beyond their collateral at the step's price. */
  lendingBadDebt: Float64Array
  /** Perp losses neither the insurance fund nor ADL could cover, in the step. */
  perpBadDebt: Float64Array
  /** Losses beyond bankruptcy the insurance funds paid. */
  insurancePaid: Float64Array
  /** Step-major, `venues` per step. */
  venueNotional: Float64Array
  venueCount: Float64Array
  /**
   * The heatmap: standing liquidation notional by bin, `edges.length - 1` per row, a row every
   * `every` steps (at each group's last step, and the run's last step); `below` and `above`, the
   * notional beyond the edges, every step.
   */
  profile: {
    every: number
    edges: Float64Array
    long: Float64Array
    short: Float64Array
    below: Float64Array
    above: Float64Array
  }
  accounting: OpenInterestAccounting
  /** Per perp unit of the timeline book: quantity liquidated and closed by ADL. */
  unitLiquidated: Float64Array
  unitDeleveraged: Float64Array
}

/** Who ADL closed and how much, summed over the run. */
export interface Deleveraging {
  market: number
  unit: number
  quantity: number
  notional: number
  firstStep: number
  lastStep: number
}

export interface TimelineRun {
  path: number
  steps: number
  stepSeconds: number
  venues: string[]
  perpVenues: number
  markets: MarketTimeline[]
  insuranceFundStart: Float64Array
  /** Step-major, `venues` per step: each fund after the step. */
  insuranceFund: Float64Array
  deleveragings: Deleveraging[]
}

/**
 * The heatmap's bins, and how often its rows are kept: a row for each of 100,000 steps of a
 * 2,000-bin heatmap is gigabytes, and a chart shows a few thousand columns at most.
 */
export interface HeatmapRecording {
  bins: number
  range: number
  /** A row every this many steps; default 1. */
  every?: number
}

/**
 * Runs one path of the plan with every detail recorded: the timeline table and the heatmap.
 * `afterStep` is called with the number of steps done after each one: a caller on a worker
 * reports progress from it, and stops the run by throwing.
 */
export function runTimeline(
  plan: TimelinePlan,
  book: TimelineBook,
  heatmap: HeatmapRecording,
  path = 0,
  afterStep?: (stepsDone: number) => void
): TimelineRun {
  const recorder = new TimelineRecorder(plan, book, heatmap, afterStep)
  simulatePath(new PathState(plan, book), path, recorder)
  return recorder.finish(path)
}

const series = (steps: number): Float64Array => new Float64Array(steps)

class TimelineRecorder implements PathObserver, UnitObserver {
  readonly units = this
  private readonly markets: MarketTimeline[]
  private readonly profiles: StandingProfile[]
  private readonly insuranceFund: Float64Array
  private readonly deleveragings = new Map<string, Deleveraging>()

  constructor(
    private readonly plan: TimelinePlan,
    private readonly book: TimelineBook,
    heatmap: HeatmapRecording,
    private readonly afterStep?: (stepsDone: number) => void
  ) {
    const { steps } = plan
    const every = Math.max(1, Math.floor(heatmap.every ?? 1))
    const rows = Math.ceil(steps / every)
    const venues = book.venues.length
    this.profiles = book.markets.map(
      (market, m) => new StandingProfile(market, venues, plan.markets[m].startPrice, heatmap)
    )
    this.markets = book.markets.map((market, m) => ({
      underlying: market.underlying,
      startPrice: plan.markets[m].startPrice,
      price: series(steps),
      fundamental: series(steps),
      oracle: series(steps),
      dislocation: series(steps),
      liquidity: series(steps),
      longNotional: series(steps),
      shortNotional: series(steps),
      longCount: series(steps),
      shortCount: series(steps),
      queueLong: series(steps),
      queueShort: series(steps),
      openInterest: series(steps),
      openInterestNotional: series(steps),
      deleveraged: series(steps),
      deleveragedNotional: series(steps),
      lendingNotional: series(steps),
      lendingCount: series(steps),
      lendingBadDebt: series(steps),
      perpBadDebt: series(steps),
      insurancePaid: series(steps),
      venueNotional: series(steps * venues),
      venueCount: series(steps * venues),
      profile: {
        every,
        edges: this.profiles[m].edges,
        long: series(rows * heatmap.bins),
        short: series(rows * heatmap.bins),
        below: series(steps),
        above: series(steps)
      },
      accounting: { openInterest: 0, liquidated: 0, deleveraged: 0, remaining: 0 },
      unitLiquidated: new Float64Array(market.units.count),
      unitDeleveraged: new Float64Array(market.units.count)
    }))
    this.insuranceFund = series(steps * venues)
  }

  marketStep(m: number, t: number, market: MarketState, path: PathState): void {
    const out = this.markets[m]
    const venues = this.book.venues.length
    out.price[t] = market.price
    out.fundamental[t] = market.fundamental
    out.oracle[t] = market.oracle
    out.dislocation[t] = market.price / market.fundamental - 1
    out.liquidity[t] = market.liquidity
    out.longNotional[t] = market.longNotional
    out.shortNotional[t] = market.shortNotional
    out.longCount[t] = market.longCount
    out.shortCount[t] = market.shortCount
    out.queueLong[t] = market.queued(FALL, venues)
    out.queueShort[t] = market.queued(RISE, venues)
    out.openInterest[t] = market.openInterest
    out.openInterestNotional[t] = market.openInterest * market.price
    out.deleveraged[t] = market.deleveraged
    out.deleveragedNotional[t] = market.deleveragedNotional
    out.lendingNotional[t] = market.lendingNotional
    out.lendingCount[t] = market.lendingCount
    out.lendingBadDebt[t] = market.lendingBadDebt()
    out.perpBadDebt[t] = market.perpBadDebt
    out.insurancePaid[t] = market.insurancePaid
    out.venueNotional.set(path.venueNotional, t * venues)
    out.venueCount.set(path.venueCount, t * venues)
    const profile = this.profiles[m]
    const { every } = out.profile
    if ((t + 1) % every === 0 || t === this.plan.steps - 1) {
      const at = Math.floor(t / every) * profile.long.length
      out.profile.long.set(profile.long, at)
      out.profile.short.set(profile.short, at)
    }
    out.profile.below[t] = profile.below
    out.profile.above[t] = profile.above
    out.accounting = {
      openInterest: market.totalOpenInterest,
      liquidated: market.liquidatedQuantity,
      deleveraged: market.deleveragedQuantity,
      remaining: market.openInterest
    }
  }

  stepEnd(t: number, path: PathState): void {
    this.insuranceFund.set(path.fund, t * this.book.venues.length)
    this.afterStep?.(t + 1)
  }

  filled(m: number, slot: number, quantity: number): void {
    this.profiles[m].remove(slot, quantity)
    const market = this.book.markets[m]
    if (market.kind[slot] !== UNIT_LENDING)
      this.markets[m].unitLiquidated[market.ref[slot]] += quantity
  }

  deleveraged(m: number, t: number, unit: number, quantity: number, price: number): void {
    const slot = this.book.markets[m].units.slot[unit]
    if (slot >= 0) this.profiles[m].remove(slot, quantity)
    this.markets[m].unitDeleveraged[unit] += quantity
    const key = `${m}/${unit}`
    const known = this.deleveragings.get(key)
    if (known) {
      known.quantity += quantity
      known.notional += quantity * price
      known.lastStep = t
    } else
      this.deleveragings.set(key, {
        market: m,
        unit,
        quantity,
        notional: quantity * price,
        firstStep: t,
        lastStep: t
      })
  }

  finish(path: number): TimelineRun {
    const { plan, book } = this
    return {
      path,
      steps: plan.steps,
      stepSeconds: plan.stepSeconds,
      venues: book.venues,
      perpVenues: book.perpVenues,
      markets: this.markets,
      insuranceFundStart: plan.venues.insuranceFund,
      insuranceFund: this.insuranceFund,
      deleveragings: [...this.deleveragings.values()].sort((a, b) => b.notional - a.notional)
    }
  }
}
