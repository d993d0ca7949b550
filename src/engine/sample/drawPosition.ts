import type { MarginMode, PositionRow } from '../book/positionRow'
import type { Random } from '../math/random'
import { drawEntryPrice } from './drawEntryPrice'
import { maintenanceRateBound } from './maintenanceRateBound'
import { initialMargin, marginStep } from './marginAmounts'
import { drawPositionNotional, type TraderProfile } from './positionNotional'
import { roundToStep } from './roundToStep'
import { drawPositionLeverage, leverageCap } from './sampleLeverage'
import type { VenueInstrument } from './venueGroups'

export type SampleRow = Omit<PositionRow, 'id'> & { leverage: number; markPrice: number }

export interface DrawnPosition {
  row: SampleRow
  /** The bound the position was drawn against, which its cross account is sized with. */
  maintenanceRate: number
}

/** Share of isolated positions whose owner posted more than the initial margin. */
const EXTRA_MARGIN_SHARE = 0.2

export function drawPosition(
  random: Random,
  instrument: VenueInstrument,
  profile: TraderProfile,
  account: string,
  marginMode: MarginMode
): DrawnPosition {
  const { spec, market } = instrument
  const { contract } = spec
  const side = random.next() < spec.longShare ? 1 : -1
  const notionalUsd = drawPositionNotional(random, profile, instrument.sizeScale)
  const quantity = contract === 'linear' ? notionalUsd / market.price : notionalUsd
  const size = Math.max(spec.sizeStep, roundToStep(quantity, spec.sizeStep))
  const sizedNotionalUsd = contract === 'linear' ? size * market.price : size
  const maintenanceRate = maintenanceRateBound(spec, sizedNotionalUsd)
  const leverage = drawPositionLeverage(random, leverageCap(spec, sizedNotionalUsd))
  const entryPrice = drawEntryPrice(random, market, {
    contract,
    side,
    leverage,
    mmr: maintenanceRate,
    tickSize: spec.tickSize
  })
  const margin =
    marginMode === 'isolated'
      ? isolatedMargin(random, { contract, size, entryPrice, leverage })
      : null
  const row: SampleRow = {
    account,
    venue: spec.venue,
    symbol: spec.symbol,
    contract,
    side,
    size,
    entryPrice,
    marginMode,
    margin,
    leverage,
    mmr: spec.explicitMmr ? spec.maintenanceRate : null,
    maintenanceAmount: null,
    walletBalance: null,
    markPrice: market.price
  }
  return { row, maintenanceRate }
}

function isolatedMargin(
  random: Random,
  position: Pick<SampleRow, 'contract' | 'size' | 'entryPrice' | 'leverage'>
): number {
  const { contract, size, entryPrice, leverage } = position
  const topUp = random.next() < EXTRA_MARGIN_SHARE ? 0.1 + 0.9 * random.next() : 0
  const margin = initialMargin(contract, size, entryPrice, leverage) * (1 + topUp)
  return roundToStep(margin, marginStep(contract), Math.ceil)
}
