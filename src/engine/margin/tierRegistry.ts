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
