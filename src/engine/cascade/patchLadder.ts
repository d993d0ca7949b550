import type { Book } from '../book/columns'
import type { LiquidationTable } from '../margin/liquidationTable'
import {
  addCrossUnit,
  addIsolatedUnit,
  allocateLadder,
  emptyDraft,
  fillPrefixSums,
  symbolsOn,
  UNIT_CROSS,
  UNIT_ISOLATED,
  type LiquidationLadder
} from './liquidationLadder'

/** What changed in the liquidation table since a ladder was built. */
export interface LadderChanges {
  /** Positions whose table rows were re-solved; their indices did not move. */
  positions: ReadonlySet<number>
  /** Cross groups from this index on are new; older ones are unchanged or retired. */
  firstNewGroup: number
}

/**
 * Ties in price keep the order `buildLiquidationLadder` gives them: isolated positions by
 * index, then cross groups by index, then extra units (which a patch never adds).
 */
const CROSS_RANK = 2 ** 32
const EXTRA_RANK = 2 ** 33

function drafted(kind: number, ref: number): number {
  if (kind === UNIT_ISOLATED) return ref
  if (kind === UNIT_CROSS) return CROSS_RANK + ref
  return EXTRA_RANK
}

/**
 * The ladder after some positions were re-solved, equal unit for unit to a rebuild from the
 * table, at the cost of one merge instead of a sort of the book: an edit to one position of a
 * million re-runs the cascade in milliseconds. Units of re-solved positions and of retired
 * cross groups leave; re-solved isolated positions and new cross groups come back in order.
 * The book's venues must be those the ladder was built with (a new venue needs a rebuild).
 */
export function patchLadder(
  ladder: LiquidationLadder,
  book: Book,
  table: LiquidationTable,
  changes: LadderChanges
): LiquidationLadder {
  const { underlying, direction } = ladder
  const fresh = emptyDraft()
  const onMarket = symbolsOn(book, underlying)
  for (const i of changes.positions)
    if (i < book.length) addIsolatedUnit(fresh, book, table, onMarket, direction, i)
  for (let g = changes.firstNewGroup; g < table.crossGroups.length; g++)
    addCrossUnit(fresh, book, table, underlying, direction, g)
  const freshKeys = Float64Array.from(fresh.price, (price) => direction * price)
  const freshRanks = fresh.kind.map((kind, k) => drafted(kind, fresh.ref[k]))
  const freshOrder = fresh.price
    .map((_, k) => k)
    .sort((a, b) => freshKeys[a] - freshKeys[b] || freshRanks[a] - freshRanks[b])

  const leaves = (k: number): boolean => {
    const ref = ladder.ref[k]
    if (ladder.kind[k] === UNIT_ISOLATED) return changes.positions.has(ref)
    if (ladder.kind[k] === UNIT_CROSS) return table.crossGroups[ref].members.length === 0
    return false
  }
  let kept = 0
  const stays = new Uint8Array(ladder.length)
  for (let k = 0; k < ladder.length; k++)
    if (!leaves(k)) {
      stays[k] = 1
      kept++
    }

  const patched = allocateLadder(underlying, direction, kept + freshOrder.length, ladder.venueNames)
  let old = 0
  let next = 0
  for (let k = 0; k < patched.length; k++) {
    while (old < ladder.length && stays[old] === 0) old++
    const fromFresh =
      next < freshOrder.length &&
      (old >= ladder.length || precedes(freshOrder[next], old, freshKeys, freshRanks, ladder))
    if (fromFresh) {
      const from = freshOrder[next++]
      patched.price[k] = fresh.price[from]
      patched.quantity[k] = fresh.quantity[from]
      patched.venue[k] = fresh.venue[from]
      patched.kind[k] = fresh.kind[from]
      patched.ref[k] = fresh.ref[from]
    } else {
      patched.price[k] = ladder.price[old]
      patched.quantity[k] = ladder.quantity[old]
      patched.venue[k] = ladder.venue[old]
      patched.kind[k] = ladder.kind[old]
      patched.ref[k] = ladder.ref[old]
      old++
    }
  }
  fillPrefixSums(patched)
  return patched
}

function precedes(
  fresh: number,
  old: number,
  freshKeys: Float64Array,
  freshRanks: readonly number[],
  ladder: LiquidationLadder
): boolean {
  const oldKey = ladder.direction * ladder.price[old]
  if (freshKeys[fresh] !== oldKey) return freshKeys[fresh] < oldKey
  return freshRanks[fresh] < drafted(ladder.kind[old], ladder.ref[old])
}
