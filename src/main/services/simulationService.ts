import { cascadeDetails } from '../../engine/cascade/cascadeDetails'
import {
  buildLiquidationLadder,
  type LiquidationLadder
} from '../../engine/cascade/liquidationLadder'
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

/** Rounds sent to the renderer; a runaway cascade can take thousands of tiny ones. */
const ROUNDS_SHOWN = 200

/**
 * Cascade runs, shock sweeps and reflexivity gain over the current book, wired as the CLI's
 * `shock` and `sweep` commands are: liquidation table, then a ladder per direction (lending
 * borrowers included), then the engine. Ladders are the costly part (a sort of the book), so
 * they are kept per book version.
 */
export class SimulationService {
  private ladders = new Map<string, LiquidationLadder>()
  private laddersVersion = -1
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
    const version = this.books.currentVersion
    if (version !== this.laddersVersion) {
      this.ladders.clear()
      this.laddersVersion = version
    }
    const key = `${underlying}/${direction}`
    let ladder = this.ladders.get(key)
    if (!ladder) {
      const { live, lending } = this.books.current
      const units = lendingUnits(lending, underlying, direction, live.prices, AAVE_V3_RULES)
      ladder = buildLiquidationLadder(live.book, live.table, underlying, direction, units)
      this.ladders.set(key, ladder)
    }
    return ladder
  }
}
