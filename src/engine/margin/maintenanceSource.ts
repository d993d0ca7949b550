import type { Book } from '../book/columns'
import { findTierTable, type TierRegistry } from './tierRegistry'
import { flatTierTable, type TierTable } from './tierTable'

export class MaintenanceError extends Error {
  override name = 'MaintenanceError'
}

/**
 * Finds the tier table a position's maintenance margin comes from: its own `mmr` (and maintenance
 * amount) when given, else its venue's table for its symbol. Flat tables are shared per distinct
 * override so a million positions with the same rate do not allocate a million tables.
 */
export function createMaintenanceSource(
  book: Book,
  registry: TierRegistry
): (index: number) => TierTable {
  const overrides = new Map<string, TierTable>()
  /** By venue and symbol code; null once looked up and not found. */
  const venueTables = new Map<number, TierTable | null>()
  return (index) => {
    const venue = book.venues.names[book.venue[index]]
    const symbol = book.symbols.names[book.symbol[index]]
    const mmr = book.mmr[index]
    if (!Number.isNaN(mmr)) {
      const amount = Number.isNaN(book.maintenanceAmount[index]) ? 0 : book.maintenanceAmount[index]
      const key = `${mmr}/${amount}`
      let table = overrides.get(key)
      if (!table) overrides.set(key, (table = flatTierTable(venue, symbol, mmr, amount)))
      return table
    }
    const pair = book.venue[index] * 65536 + book.symbol[index]
    let table = venueTables.get(pair)
    if (table === undefined)
      venueTables.set(pair, (table = findTierTable(registry, venue, symbol) ?? null))
    if (!table) {
      throw new MaintenanceError(
        `position ${book.ids[index]}: no maintenance margin: no tier table for ${venue} ${symbol} and no mmr given`
      )
    }
    return table
  }
}
