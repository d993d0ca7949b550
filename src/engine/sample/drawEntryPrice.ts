import type { ContractKind, Side } from '../book/positionRow'
import type { Random } from '../math/random'
import { roughLiquidationPrice } from './roughLiquidationPrice'
import { roundToStep } from './roundToStep'
import type { SampleMarket } from './sampleMarkets'

export interface EntryTerms {
  contract: ContractKind
  side: Side
  leverage: number
  mmr: number
  tickSize: number
}

/** Nearer than this, the position would already be gone: liquidated, or topped up by its owner. */
export const MIN_DISTANCE_TO_LIQUIDATION = 0.005

/** Positions were opened over the last couple of days, so entries spread like a two-day return. */
const ENTRY_AGE_DAYS = 2
const MAX_ENTRY_DRAWS = 32

/**
 * An entry price near the market whose rough liquidation price is clear of the market, redrawn
 * until it is: high-leverage positions that survive are mostly in profit, as after real moves.
 */
export function drawEntryPrice(random: Random, market: SampleMarket, terms: EntryTerms): number {
  const spread = market.dailyVolatility * Math.sqrt(ENTRY_AGE_DAYS)
  for (let draw = 0; draw < MAX_ENTRY_DRAWS; draw++) {
    const entry = roundToStep(market.price * Math.exp(spread * random.normal()), terms.tickSize)
    if (isClearOfLiquidation(entry, market.price, terms)) return entry
  }
  return entryClearOfLiquidation(market.price, terms)
}

function isClearOfLiquidation(entry: number, price: number, terms: EntryTerms): boolean {
  const { contract, side, leverage, mmr } = terms
  const liquidation = roughLiquidationPrice(contract, side, entry, leverage, mmr)
  return (side * (price - liquidation)) / price >= MIN_DISTANCE_TO_LIQUIDATION
}

/**
 * The bound solved for the entry, for the rare position whose draws all missed: twice the
 * distance and rounded to the safe side, so float error cannot tip it back over.
 */
function entryClearOfLiquidation(price: number, terms: EntryTerms): number {
  const { contract, side, leverage, mmr, tickSize } = terms
  const liquidationPerEntry = roughLiquidationPrice(contract, side, 1, leverage, mmr)
  const entry = (price * (1 - side * 2 * MIN_DISTANCE_TO_LIQUIDATION)) / liquidationPerEntry
  return roundToStep(entry, tickSize, side === 1 ? Math.floor : Math.ceil)
}
