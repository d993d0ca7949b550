import type { CascadeRound, CascadeSummary, VenueSlice } from '../../shared/cascadeTypes'
import type { ImpactModel } from '../impact/impactModel'
import { crossedCount, type LiquidationLadder } from './liquidationLadder'

export interface CascadeInput {
  ladder: LiquidationLadder
  startPrice: number
  /** Exogenous move as a signed fraction: -0.08 is an 8% fall. */
  shock: number
  model: ImpactModel
}

export interface CascadeRun {
  summary: CascadeSummary
  rounds: CascadeRound[]
  /** Ladder units [0, liquidatedUnits) were liquidated: round r took units [roundEnds[r-1], roundEnds[r]). */
  liquidatedUnits: number
  roundEnds: Uint32Array
  /** The price each round's forced flow carried the market to: where its orders were filled. */
  roundPrices: Float64Array
}

/** Below this a shock is no shock: dividing by it would only amplify rounding. */
const NEGLIGIBLE_SHOCK = 1e-12

export class CascadeInputError extends Error {
  override name = 'CascadeInputError'
}

export function validateCascadeInput({ ladder, startPrice, shock }: CascadeInput): void {
  if (!(startPrice > 0) || !Number.isFinite(startPrice)) {
    throw new CascadeInputError(
      `${ladder.underlying}: the start price must be a positive number, got ${startPrice}`
    )
  }
  if (!Number.isFinite(shock) || shock <= -1) {
    throw new CascadeInputError(
      `${ladder.underlying}: the shock must be a finite fraction above -100%, got ${shock}`
    )
  }
  if ((shock < 0 && ladder.direction > 0) || (shock > 0 && ladder.direction < 0)) {
    throw new CascadeInputError(
      `${ladder.underlying}: a ${shock < 0 ? 'fall' : 'rise'} needs the ladder of that direction`
    )
  }
}

/**
 * Walks the cascade to its fixed point: a price crosses liquidation prices, their forced flow moves
 * the price (measured from the post-shock price), which crosses more. The cumulative flow only grows,
 * so the price moves one way and stops at the fixed point nearest the shocked price; each round is
 * a binary search on the ladder, never a scan of the book.
 */
export function runCascade(
  input: CascadeInput,
  options: { detail: boolean } = { detail: true }
): CascadeRun {
  validateCascadeInput(input)
  const { ladder, startPrice, shock, model } = input
  const shocked = startPrice * (1 + shock)
  const rounds: CascadeRound[] = []
  const roundEnds: number[] = []
  const roundPrices: number[] = []
  let liquidated = 0
  let price = shocked
  for (let round = 0; ; round++) {
    const crossed = crossedCount(ladder, price)
    if (crossed === liquidated) break
    const flow = { notional: ladder.cumNotional[crossed], quantity: ladder.cumQuantity[crossed] }
    const next = model.priceAfter(shocked, ladder.direction, flow)
    roundEnds.push(crossed)
    roundPrices.push(next)
    if (options.detail) {
      rounds.push({
        round,
        priceBefore: price,
        priceAfter: next,
        liquidatedCount: crossed - liquidated,
        liquidatedNotional: ladder.cumNotional[crossed] - ladder.cumNotional[liquidated],
        cumulativeNotional: flow.notional,
        byVenue: venueSlices(ladder, liquidated, crossed)
      })
    }
    liquidated = crossed
    price = next
  }
  const exogenousMove = shock
  const totalMove = (price - startPrice) / startPrice
  return {
    summary: {
      underlying: ladder.underlying,
      direction: ladder.direction,
      startPrice,
      shockedPrice: shocked,
      finalPrice: price,
      exogenousMove,
      endogenousMove: (price - shocked) / startPrice,
      totalMove,
      amplification: Math.abs(exogenousMove) < NEGLIGIBLE_SHOCK ? 1 : totalMove / exogenousMove,
      liquidatedCount: liquidated,
      liquidatedNotional: ladder.cumNotional[liquidated],
      liquidatedQuantity: ladder.cumQuantity[liquidated],
      roundCount: roundEnds.length
    },
    rounds,
    liquidatedUnits: liquidated,
    roundEnds: Uint32Array.from(roundEnds),
    roundPrices: Float64Array.from(roundPrices)
  }
}

function venueSlices(ladder: LiquidationLadder, from: number, to: number): VenueSlice[] {
  const venues = ladder.venueNames.length
  const count = new Uint32Array(venues)
  const notional = new Float64Array(venues)
  for (let k = from; k < to; k++) {
    count[ladder.venue[k]]++
    notional[ladder.venue[k]] += ladder.notional[k]
  }
  const slices: VenueSlice[] = []
  for (let venue = 0; venue < venues; venue++) {
    if (count[venue] > 0)
      slices.push({
        venue: ladder.venueNames[venue],
        count: count[venue],
        notional: notional[venue]
      })
  }
  return slices
}
