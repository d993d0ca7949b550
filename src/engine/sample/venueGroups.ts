import type { ContractKind } from '../book/positionRow'
import { underlyingOf } from '../market/underlyingOf'
import { marketSizeScale } from './positionNotional'
import { SAMPLE_INSTRUMENTS, type SampleInstrument } from './sampleInstruments'
import { SAMPLE_MARKETS, sampleMarketOf, type SampleMarket } from './sampleMarkets'

export interface VenueInstrument {
  spec: SampleInstrument
  market: SampleMarket
  /** Multiplier on position notionals, smaller on thinner markets. */
  sizeScale: number
}

/**
 * The pairs one account can trade: one venue, one contract kind, because a cross wallet is held
 * in a single margin currency (USDT for linear contracts, the coin for inverse ones).
 */
export interface VenueGroup {
  venue: string
  contract: ContractKind
  weight: number
  instruments: VenueInstrument[]
}

export function sampleVenueGroups(): VenueGroup[] {
  const deepest = SAMPLE_MARKETS.reduce((a, b) => (b.dailyVolume > a.dailyVolume ? b : a))
  const groups = new Map<string, VenueGroup>()
  for (const spec of SAMPLE_INSTRUMENTS) {
    const key = `${spec.venue}/${spec.contract}`
    let group = groups.get(key)
    if (!group) {
      group = { venue: spec.venue, contract: spec.contract, weight: 0, instruments: [] }
      groups.set(key, group)
    }
    const market = sampleMarketOf(underlyingOf(spec.symbol))
    group.instruments.push({ spec, market, sizeScale: marketSizeScale(market, deepest) })
    group.weight += spec.weight
  }
  return [...groups.values()]
}
