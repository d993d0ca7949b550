import { INVERSE, type Book } from '../book/columns'
import type { LiquidationTable } from '../margin/liquidationTable'
import { underlyingOf } from '../market/underlyingOf'
import { sortIndicesByKey } from '../math/sortIndicesByKey'

export const UNIT_ISOLATED = 0
export const UNIT_CROSS = 1
export const UNIT_LENDING = 2

/** A liquidation that is not a perp position (a lending position's collateral sale, say). */
export interface ExtraUnit {
  kind: typeof UNIT_LENDING
  ref: number
  price: number
  quantity: number
  /** Shown where perp units show their venue: a lending position's protocol. */
  venueName: string
}

/**
 * Everything that is liquidated on one market when the price moves one way, in the order the move
 * meets it: descending liquidation price for a fall (longs sell), ascending for a rise (shorts buy).
 * With prefix sums of the forced flow, the flow at any price is one binary search away.
 */
export interface LiquidationLadder {
  underlying: string
  /** -1: the price falls and forced sells follow; +1: it rises and forced buys follow. */
  direction: -1 | 1
  length: number
  price: Float64Array
  /** Forced base quantity, >= 0. */
  quantity: Float64Array
  /** Forced quote notional: quantity valued at the liquidation price. */
  notional: Float64Array
  cumQuantity: Float64Array
  cumNotional: Float64Array
  venue: Uint16Array
  kind: Uint8Array
  /** Position index, cross group index or extra unit ref, by kind. */
  ref: Uint32Array
  venueNames: readonly string[]
}

/** Units before they are put in order; built by `buildLiquidationLadder` and `patchLadder`. */
export interface LadderDraft {
  price: number[]
  quantity: number[]
  venue: number[]
  kind: number[]
  ref: number[]
}

export const emptyDraft = (): LadderDraft => ({
  price: [],
  quantity: [],
  venue: [],
  kind: [],
  ref: []
})

function addUnit(
  draft: LadderDraft,
  price: number,
  quantity: number,
  venue: number,
  kind: number,
  ref: number
): void {
  draft.price.push(price)
  draft.quantity.push(quantity)
  draft.venue.push(venue)
  draft.kind.push(kind)
  draft.ref.push(ref)
}

const baseQuantity = (book: Book, i: number, price: number): number =>
  book.contract[i] === INVERSE ? book.size[i] / price : book.size[i]

/** Which symbols trade on the underlying, by symbol code. */
export const symbolsOn = (book: Book, underlying: string): boolean[] =>
  book.symbols.names.map((symbol) => underlyingOf(symbol) === underlying)

/** Adds position `i` if it is an isolated position the move forces to trade. */
export function addIsolatedUnit(
  draft: LadderDraft,
  book: Book,
  table: LiquidationTable,
  onMarket: readonly boolean[],
  direction: -1 | 1,
  i: number
): void {
  if (table.crossGroup[i] >= 0 || !onMarket[book.symbol[i]] || book.side[i] !== -direction) return
  const price = table.liquidationPrice[i]
  if (!(price > 0)) return
  addUnit(draft, price, baseQuantity(book, i, price), book.venue[i], UNIT_ISOLATED, i)
}

/** Adds cross account `g` if it lives on the underlying and the move meets its liquidation. */
export function addCrossUnit(
  draft: LadderDraft,
  book: Book,
  table: LiquidationTable,
  underlying: string,
  direction: -1 | 1,
  g: number
): void {
  const group = table.crossGroups[g]
  if (group.underlying !== underlying || group.members.length === 0) return
  const price = direction < 0 ? group.downPrice : group.upPrice
  if (!(price > 0)) return
  let net = 0
  for (const i of group.members) net += book.side[i] * baseQuantity(book, i, price)
  // An account is liquidated whole; only net flow in the direction of the move pushes it further.
  const forced = Math.max(0, -direction * net)
  // One already below maintenance at the start (both its prices the mark) is in the move only
  // when its flow goes the move's way: an isolated position below maintenance is in it only on
  // the side the move liquidates, and the timeline takes a cross account by its net side.
  if (forced === 0 && group.downPrice === group.upPrice) return
  addUnit(draft, price, forced, book.venue[group.members[0]], UNIT_CROSS, g)
}

export function buildLiquidationLadder(
  book: Book,
  table: LiquidationTable,
  underlying: string,
  direction: -1 | 1,
  extras: readonly ExtraUnit[] = []
): LiquidationLadder {
  const draft = emptyDraft()
  const onMarket = symbolsOn(book, underlying)
  for (let i = 0; i < book.length; i++) addIsolatedUnit(draft, book, table, onMarket, direction, i)
  for (let g = 0; g < table.crossGroups.length; g++)
    addCrossUnit(draft, book, table, underlying, direction, g)
  const venueNames = [...book.venues.names]
  for (const extra of extras) {
    let venue = venueNames.indexOf(extra.venueName)
    if (venue < 0) venue = venueNames.push(extra.venueName) - 1
    addUnit(draft, extra.price, extra.quantity, venue, extra.kind, extra.ref)
  }
  return finishLadder(draft, underlying, direction, venueNames)
}

/** A ladder of `n` units with its arrays allocated, prefix sums still to be filled. */
export function allocateLadder(
  underlying: string,
  direction: -1 | 1,
  n: number,
  venueNames: readonly string[]
): LiquidationLadder {
  return {
    underlying,
    direction,
    length: n,
    price: new Float64Array(n),
    quantity: new Float64Array(n),
    notional: new Float64Array(n),
    cumQuantity: new Float64Array(n + 1),
    cumNotional: new Float64Array(n + 1),
    venue: new Uint16Array(n),
    kind: new Uint8Array(n),
    ref: new Uint32Array(n),
    venueNames
  }
}

/** Fills notional and the prefix sums from the ordered prices and quantities. */
export function fillPrefixSums(ladder: LiquidationLadder): void {
  for (let k = 0; k < ladder.length; k++) {
    const notional = ladder.quantity[k] * ladder.price[k]
    ladder.notional[k] = notional
    ladder.cumQuantity[k + 1] = ladder.cumQuantity[k] + ladder.quantity[k]
    ladder.cumNotional[k + 1] = ladder.cumNotional[k] + notional
  }
}

/** Orders the draft by price in the direction of the move; ties keep the draft's order. */
function finishLadder(
  draft: LadderDraft,
  underlying: string,
  direction: -1 | 1,
  venueNames: readonly string[]
): LiquidationLadder {
  const n = draft.price.length
  const keys = new Float64Array(n)
  for (let k = 0; k < n; k++) keys[k] = direction * draft.price[k]
  const order = sortIndicesByKey(keys)
  const ladder = allocateLadder(underlying, direction, n, venueNames)
  for (let k = 0; k < n; k++) {
    const from = order[k]
    ladder.price[k] = draft.price[from]
    ladder.quantity[k] = draft.quantity[from]
    ladder.venue[k] = draft.venue[from]
    ladder.kind[k] = draft.kind[from]
    ladder.ref[k] = draft.ref[from]
  }
  fillPrefixSums(ladder)
  return ladder
}

/** How many units a price has crossed: a fall crosses every LP at or above it, a rise at or below. */
export function crossedCount(ladder: LiquidationLadder, price: number): number {
  const prices = ladder.price
  let lo = 0
  let hi = ladder.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const crossed = ladder.direction < 0 ? prices[mid] >= price : prices[mid] <= price
    if (crossed) lo = mid + 1
    else hi = mid
  }
  return lo
}
