/**
 * How a venue computes maintenance margin:
 * - `notional`: rate of the tier the notional at the current price falls in, minus the tier's
 *   maintenance amount (Binance; Hyperliquid with rate = half the initial margin at max leverage;
 *   any venue we do not know);
 * - `entry`: the same on the position's entry value, so it does not move with the price (Bybit);
 * - `flat-tier`: the tier's rate on the whole notional, no maintenance amount (OKX).
 */
export type VenueFamily = 'notional' | 'entry' | 'flat-tier'

const FAMILIES: Record<string, VenueFamily> = {
  binance: 'notional',
  hyperliquid: 'notional',
  generic: 'notional',
  bybit: 'entry',
  okx: 'flat-tier'
}

export function venueFamily(venue: string): VenueFamily {
  const name = venue.trim().toLowerCase()
  for (const [prefix, family] of Object.entries(FAMILIES))
    if (name.startsWith(prefix)) return family
  return 'notional'
}
