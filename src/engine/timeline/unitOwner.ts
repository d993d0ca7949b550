import type { Book } from '../book/columns'
import { UNIT_ISOLATED } from '../cascade/liquidationLadder'
import type { LiquidationTable } from '../margin/liquidationTable'
import type { PerpUnits } from './timelineBook'

export interface UnitOwner {
  account: string
  venue: string
  /** The position, or every position of the cross account on the market. */
  positions: string[]
}

/** Who holds a perp unit: an isolated position, or a cross account's positions on the market. */
export function unitOwner(
  book: Book,
  table: LiquidationTable,
  units: PerpUnits,
  unit: number
): UnitOwner {
  const ref = units.ref[unit]
  const members = units.kind[unit] === UNIT_ISOLATED ? [ref] : table.crossGroups[ref].members
  return {
    account: book.accounts.names[book.account[members[0]]],
    venue: book.venues.names[units.venue[unit]],
    positions: members.map((i) => book.ids[i])
  }
}
