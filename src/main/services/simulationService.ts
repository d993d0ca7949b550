import { cascadeDetails } from '../../engine/cascade/cascadeDetails'
import {
  buildLiquidationLadder,
  type LiquidationLadder
} from '../../engine/cascade/liquidationLadder'
import { patchLadder } from '../../engine/cascade/patchLadder'
import { runCascade } from '../../engine/cascade/runCascade'
import { gainProfile, sweepShocks } from '../../engine/cascade/sweep'
import { createImpactModel, type ImpactSpec } from '../../engine/impact/createImpactModel'
import type { ImpactModel } from '../../engine/impact/impactModel'
import { AAVE_V3_RULES } from '../../engine/lending/closeFactor'
import { lendingOutcome, lendingUnits } from '../../engine/lending/lendingCascade'
import type { ImpactChoice } from '../../shared/impactChoice'
import type {
  CascadeRequest,
  CascadeResult,
  GainRequest,
  GainResult,
  SweepRequest,
  SweepResult
} from '../../shared/simulationTypes'
import type { BookService } from './bookService'
import type { LiveBook } from './liveBook'

/** A ladder and the state of the book it was built on, so an edit can patch it. */
interface CachedLadder {
  ladder: LiquidationLadder
  live: LiveBook
  revision: number
  crossGroups: number
  venues: number
}

/** Rounds sent to the renderer; a runaway cascade can take thousands of tiny ones. */
const ROUNDS_SHOWN = 200

/**
 * Cascade runs, shock sweeps and reflexivity gain over the current book, wired as the CLI's
 * `shock` and `sweep` commands are: liquidation table, then a ladder per direction (lending
 * borrowers included), then the engine. Ladders are the costly part (a sort of the book), so
 * they are kept, and after an edit patched with the positions it re-solved rather than rebuilt.
 */
export class SimulationService {
  private ladders = new Map<string, CachedLadder>()
  private runs = 0

  constructor(private readonly books: BookService) {}

  run(request: CascadeRequest): CascadeResult {
    const started = performance.now()
    const { live, lending } = this.books.current
    const startPrice = this.startPrice(request.underlying)
    const model = this.model(request.underlying, request.impact)
    const ladder = this.ladder(request.underlying, request.shock > 0 ? 1 : -1)
    const run = runCascade({ ladder, startPrice, shock: request.shock, model })
    const details = cascadeDetails(live.book, live.table, ladder, run, { perPosition: false })
    const outcome = lendingOutcome(lending, ladder, run, live.prices, AAVE_V3_RULES)
    return {
      runId: ++this.runs,
      version: this.books.currentVersion,
      impact: model.describe(),
      summary: run.summary,
      rounds: run.rounds.slice(0, ROUNDS_SHOWN),
      roundsOmitted: Math.max(0, run.rounds.length - ROUNDS_SHOWN),
      long: details.long,
      short: details.short,
      byVenue: details.byVenue,
      shortfall: details.bankruptcyShortfall,
      lending: {
        liquidatedCount: outcome.liquidatedCount,
        repaidDebt: outcome.repaidDebt,
        badDebt: outcome.badDebt
      },
      elapsedMs: performance.now() - started
    }
  }

  sweep(request: SweepRequest): SweepResult {
    const started = performance.now()
    const sign = request.direction === 'fall' ? -1 : 1
    const summary = sweepShocks({
      ladders: {
        fall: this.ladder(request.underlying, -1),
        rise: this.ladder(request.underlying, 1)
      },
      startPrice: this.startPrice(request.underlying),
      model: this.model(request.underlying, request.impact),
      from: 0,
      to: sign * request.reach,
      step: request.step,
      threshold: request.threshold
    })
    return {
      ...summary,
      direction: request.direction,
      version: this.books.currentVersion,
      elapsedMs: performance.now() - started
    }
  }

  gain(request: GainRequest): GainResult {
    const startPrice = this.startPrice(request.underlying)
    const model = this.model(request.underlying, request.impact)
    const profile = (direction: -1 | 1) =>
      gainProfile(
        this.ladder(request.underlying, direction),
        startPrice,
        model,
        direction * request.span,
        request.step
      )
    return {
      underlying: request.underlying,
      version: this.books.currentVersion,
      fall: profile(-1),
      rise: profile(1)
    }
  }

  private startPrice(underlying: string): number {
    const price = this.books.current.live.prices.get(underlying)
    if (price === undefined)
      throw new Error(`no market ${underlying} in this book: nothing to shock`)
    return price
  }

  private model(underlying: string, choice: ImpactChoice): ImpactModel {
    return createImpactModel(this.spec(underlying, choice))
  }

  private spec(underlying: string, choice: ImpactChoice): ImpactSpec {
    if (choice.kind !== 'book') return choice
    const shipped = this.books.current.impact.get(underlying)
    if (shipped?.kind !== 'book')
      throw new Error(
        `no order-book snapshot for ${underlying} in this workspace: choose the linear, square-root or AMM model`
      )
    return shipped
  }

  private ladder(underlying: string, direction: -1 | 1): LiquidationLadder {
    const { live, lending } = this.books.current
    const key = `${underlying}/${direction}`
    const cached = this.ladders.get(key)
    const changed =
      cached?.live === live && cached.venues === live.book.venues.names.length
        ? live.changedSince(cached.revision)
        : null
    let ladder: LiquidationLadder
    if (cached && changed?.size === 0) ladder = cached.ladder
    else if (cached && changed)
      ladder = patchLadder(cached.ladder, live.book, live.table, {
        positions: changed,
        firstNewGroup: cached.crossGroups
      })
    else {
      // Lending borrowers do not change with the perp book: only a new workspace rebuilds them.
      const units = lendingUnits(lending, underlying, direction, live.prices, AAVE_V3_RULES)
      ladder = buildLiquidationLadder(live.book, live.table, underlying, direction, units)
    }
    this.ladders.set(key, {
      ladder,
      live,
      revision: live.revision,
      crossGroups: live.table.crossGroups.length,
      venues: live.book.venues.names.length
    })
    return ladder
  }
}
