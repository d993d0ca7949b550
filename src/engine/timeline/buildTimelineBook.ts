import type { Book } from '../book/columns'
import {
  buildLiquidationLadder,
  UNIT_ISOLATED,
  UNIT_LENDING,
  type LiquidationLadder
} from '../cascade/liquidationLadder'
import type { CloseFactorRules } from '../lending/closeFactor'
import { lendingUnits } from '../lending/lendingCascade'
import type { LendingPosition } from '../lending/lendingBook'
import type { LiquidationTable } from '../margin/liquidationTable'
import { adlQueues } from './adlQueues'
import { lendingBite } from './lendingBite'
import { perpUnits, type PerpUnitTable } from './perpUnits'
import {
  FALL,
  RISE,
  segmentOf,
  type LendingBites,
  type MarketBook,
  type TimelineBook
} from './timelineBook'

export interface TimelineBookInput {
  book: Book
  table: LiquidationTable
  lending: readonly LendingPosition[]
  /** Start price per underlying (every market of the scenario, and every lending asset's). */
  prices: ReadonlyMap<string, number>
  underlyings: readonly string[]
  rules: CloseFactorRules
}

/** The instant cascade's ladders of each market, fall and rise, which the timeline book splits by venue. */
export interface MarketLadders {
  fall: LiquidationLadder
  rise: LiquidationLadder
}

export function buildTimelineBook(input: TimelineBookInput): {
  timelineBook: TimelineBook
  ladders: MarketLadders[]
} {
  const { book, lending } = input
  const venues = [...book.venues.names]
  for (const position of lending)
    if (!venues.includes(position.protocol)) venues.push(position.protocol)
  const ladders = input.underlyings.map((underlying) => ({
    fall: marketLadder(input, underlying, -1),
    rise: marketLadder(input, underlying, 1)
  }))
  const markets = input.underlyings.map((underlying, m) =>
    marketBook(input, underlying, ladders[m], venues)
  )
  return {
    timelineBook: {
      venues,
      perpVenues: book.venues.size,
      lendingPositions: lending.length,
      markets
    },
    ladders
  }
}

function marketLadder(
  input: TimelineBookInput,
  underlying: string,
  direction: -1 | 1
): LiquidationLadder {
  const extras = lendingUnits(input.lending, underlying, direction, input.prices, input.rules)
  return buildLiquidationLadder(input.book, input.table, underlying, direction, extras)
}

function marketBook(
  input: TimelineBookInput,
  underlying: string,
  ladders: MarketLadders,
  venues: readonly string[]
): MarketBook {
  const startPrice = input.prices.get(underlying) as number
  const perps = perpUnits(input.book, input.table, underlying, startPrice)
  const venueCount = venues.length
  const sources = [
    { direction: FALL, ladder: ladders.fall },
    { direction: RISE, ladder: ladders.rise }
  ]
  // Slots go segment by segment; within a segment, in ladder order (a stable split by venue).
  const segmentStart = new Uint32Array(2 * venueCount + 1)
  const segmentsOf = sources.map(({ direction, ladder }) => {
    const global = ladder.venueNames.map((name) => venues.indexOf(name))
    return Int32Array.from({ length: ladder.length }, (_, k) =>
      ladder.quantity[k] > 0 ? segmentOf(direction, global[ladder.venue[k]], venueCount) : -1
    )
  })
  for (const segments of segmentsOf) for (const s of segments) if (s >= 0) segmentStart[s + 1]++
  for (let s = 0; s < 2 * venueCount; s++) segmentStart[s + 1] += segmentStart[s]
  const slots = segmentStart[2 * venueCount]
  const market: Omit<MarketBook, 'bites' | keyof ReturnType<typeof adlQueues>> = {
    underlying,
    segmentStart,
    price: new Float64Array(slots),
    quantity: new Float64Array(slots),
    cumQuantity: new Float64Array(slots + 1),
    cumNotional: new Float64Array(slots + 1),
    bankruptcy: new Float64Array(slots),
    lossQuantity: new Float64Array(slots),
    kind: new Uint8Array(slots),
    ref: new Uint32Array(slots),
    units: perps.units
  }
  const bites: BiteColumns = {
    position: [],
    debtConstant: [],
    debtSlope: [],
    collateralConstant: [],
    collateralSlope: []
  }
  const cursor = segmentStart.slice(0, 2 * venueCount)
  sources.forEach(({ ladder }, d) => {
    const segments = segmentsOf[d]
    for (let k = 0; k < ladder.length; k++) {
      if (segments[k] < 0) continue
      const slot = cursor[segments[k]]++
      market.price[slot] = ladder.price[k]
      market.quantity[slot] = ladder.quantity[k]
      market.kind[slot] = ladder.kind[k]
      if (ladder.kind[k] === UNIT_LENDING) {
        market.ref[slot] = bites.position.length
        addBite(bites, input, underlying, ladder.ref[k], ladder.price[k])
      } else placePerp(market, perps, slot, ladder.kind[k], ladder.ref[k])
    }
  })
  for (let slot = 0; slot < slots; slot++) {
    market.cumQuantity[slot + 1] = market.cumQuantity[slot] + market.quantity[slot]
    market.cumNotional[slot + 1] =
      market.cumNotional[slot] + market.quantity[slot] * market.price[slot]
  }
  return {
    ...market,
    ...adlQueues(perps.units, perps.adlScore, venueCount),
    bites: toBites(bites)
  }
}

function placePerp(
  market: Pick<MarketBook, 'ref' | 'bankruptcy' | 'lossQuantity' | 'quantity'>,
  perps: PerpUnitTable,
  slot: number,
  kind: number,
  ref: number
): void {
  const unit = kind === UNIT_ISOLATED ? perps.positionUnit[ref] : perps.groupUnit[ref]
  market.ref[slot] = unit
  market.bankruptcy[slot] = perps.bankruptcy[unit]
  market.lossQuantity[slot] = perps.lossQuantity[unit]
  // The ladder's quantity is the one the market sees; open interest counts the same number.
  perps.units.quantity[unit] = market.quantity[slot]
  perps.units.slot[unit] = slot
}

type BiteColumns = { [K in Exclude<keyof LendingBites, 'count'>]: number[] }

function addBite(
  bites: BiteColumns,
  input: TimelineBookInput,
  underlying: string,
  position: number,
  level: number
): void {
  const remainder = lendingBite(
    input.lending[position],
    underlying,
    level,
    input.prices,
    input.rules
  )
  bites.position.push(position)
  bites.debtConstant.push(remainder.debtConstant)
  bites.debtSlope.push(remainder.debtSlope)
  bites.collateralConstant.push(remainder.collateralConstant)
  bites.collateralSlope.push(remainder.collateralSlope)
}

function toBites(columns: BiteColumns): LendingBites {
  return {
    count: columns.position.length,
    position: Uint32Array.from(columns.position),
    debtConstant: Float64Array.from(columns.debtConstant),
    debtSlope: Float64Array.from(columns.debtSlope),
    collateralConstant: Float64Array.from(columns.collateralConstant),
    collateralSlope: Float64Array.from(columns.collateralSlope)
  }
}
