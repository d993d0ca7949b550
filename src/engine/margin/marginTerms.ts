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
  const side = book.side[index]
  const size = book.size[index]
  const entry = book.entryPrice[index]
  if (book.contract[index] === INVERSE) {
    return {
      equitySlope: -side * size,
      equityConstant: (side * size) / entry,
      notionalWeight: size,
      entryNotional: size / entry,
      family,
      table
    }
  }
  return {
    equitySlope: side * size,
    equityConstant: -side * size * entry,
    notionalWeight: size,
    entryNotional: size * entry,
    family,
    table
  }
}

/** The price variable of a contract kind: P for linear, 1/P for inverse. */
export const priceVariable = (contract: number, price: number): number =>
  contract === INVERSE ? 1 / price : price
