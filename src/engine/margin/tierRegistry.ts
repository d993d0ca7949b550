import type { TierTable } from './tierTable'

/** Tier tables by venue and symbol (venue lower-cased, symbol upper-cased). */
export type TierRegistry = ReadonlyMap<string, TierTable>

export const tierKey = (venue: string, symbol: string): string =>
  `${venue.trim().toLowerCase()}/${symbol.trim().toUpperCase()}`

export function createTierRegistry(tables: readonly TierTable[]): TierRegistry {
  return new Map(tables.map((table) => [tierKey(table.venue, table.symbol), table]))
}

export const findTierTable = (
  registry: TierRegistry,
  venue: string,
  symbol: string
): TierTable | undefined => registry.get(tierKey(venue, symbol))

/**
 * Whether the registry holds a table for a venue and symbol, remembered per spelling: an import
 * asks for each of a million rows, and building the lookup key each time cost a tenth of a second.
 */
export function tierCoverage(registry: TierRegistry): (venue: string, symbol: string) => boolean {
  const known = new Map<string, Map<string, boolean>>()
  return (venue, symbol) => {
    let symbols = known.get(venue)
    if (!symbols) known.set(venue, (symbols = new Map()))
    let covered = symbols.get(symbol)
    if (covered === undefined)
      symbols.set(symbol, (covered = findTierTable(registry, venue, symbol) !== undefined))
    return covered
  }
}
