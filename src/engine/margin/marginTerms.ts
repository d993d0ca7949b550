import { INVERSE, type Book } from '../book/columns'
import type { TierTable } from './tierTable'
import type { VenueFamily } from './venueFamily'

/**
 * A position's margin arithmetic written against one price variable `v`, in which equity and
 * notional are linear: `v = P` for linear contracts and `v = 1/P` for inverse ones (whose PnL and
 * notional are in coin). Then, within one tier,
 *   equity(v)   = equitySlope*v + equityConstant        (plus the account's balance)
 *   notional(v) = notionalWeight*v                      (in the margin currency)
 * and the maintenance margin is the tier's rate on the notional (at `v`, or at entry) less its amount.
 */
export interface MarginTerms {
  equitySlope: number
  equityConstant: number
  notionalWeight: number
  entryNotional: number
  family: VenueFamily
  table: TierTable
}

export function marginTerms(
  book: Book,
  index: number,
  family: VenueFamily,
  table: TierTable
): MarginTerms {
  return writeMarginTerms(blankMarginTerms(family, table), book, index, family, table)
}

/**
 * Terms whose number fields hold doubles from the start. A field that first holds a small integer
 * changes representation when a fraction arrives, and the solver's optimised code for the old
 * shape is thrown away: a 1M-position table took about 1.8x as long from its second solve on.
 */
export const blankMarginTerms = (family: VenueFamily, table: TierTable): MarginTerms => ({
  equitySlope: NaN,
  equityConstant: NaN,
  notionalWeight: NaN,
  entryNotional: NaN,
  family,
  table
})

/** The same, written into `target`: the million-position loop reuses one object. */
export function writeMarginTerms<T extends MarginTerms>(
  target: T,
  book: Book,
  index: number,
  family: VenueFamily,
  table: TierTable
): T {
  const side = book.side[index]
  const size = book.size[index]
  const entry = book.entryPrice[index]
  const inverse = book.contract[index] === INVERSE
  target.equitySlope = inverse ? -side * size : side * size
  target.equityConstant = inverse ? (side * size) / entry : -side * size * entry
  target.notionalWeight = size
  target.entryNotional = inverse ? size / entry : size * entry
  target.family = family
  target.table = table
  return target
}

/** The price variable of a contract kind: P for linear, 1/P for inverse. */
export const priceVariable = (contract: number, price: number): number =>
  contract === INVERSE ? 1 / price : price
