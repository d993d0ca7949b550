import type { MarginMode } from '../book/positionRow'
import type { Random } from '../math/random'
import { crossWalletBalance } from './crossWalletBalance'
import { drawPosition, type SampleRow } from './drawPosition'
import { TRADER_PROFILES } from './positionNotional'
import { drawAccountLeverage } from './sampleLeverage'
import type { VenueGroup, VenueInstrument } from './venueGroups'

/**
 * Cross accounts hold about 2.4 positions and isolated ones about 1.3, so 9% of accounts being
 * cross puts about 15% of rows in cross accounts.
 */
const CROSS_ACCOUNT_SHARE = 0.09
/** Indexed by position count: most isolated traders hold one position. */
const ISOLATED_POSITION_COUNT_WEIGHTS = [0, 72, 20, 8]
const PROFILE_SHARES = TRADER_PROFILES.map((profile) => profile.share)

/**
 * One trader's positions, at most `maxRows`: one venue and contract kind, one position per symbol
 * (one-way mode), all isolated or all in one cross wallet whose balance every row repeats.
 */
export function drawAccount(
  random: Random,
  groups: readonly VenueGroup[],
  account: string,
  maxRows: number
): SampleRow[] {
  const group = groups[random.weighted(groups.map((candidate) => candidate.weight))]
  const marginMode: MarginMode = random.next() < CROSS_ACCOUNT_SHARE ? 'cross' : 'isolated'
  const profile = TRADER_PROFILES[random.weighted(PROFILE_SHARES)]
  const wanted =
    marginMode === 'cross' ? 2 + random.int(5) : random.weighted(ISOLATED_POSITION_COUNT_WEIGHTS)
  const count = Math.min(wanted, group.instruments.length, maxRows)
  const positions = pickInstruments(random, group.instruments, count).map((instrument) =>
    drawPosition(random, instrument, profile, account, marginMode)
  )
  if (marginMode === 'isolated') return positions.map((position) => position.row)
  const walletBalance = crossWalletBalance(positions, drawAccountLeverage(random))
  return positions.map((position) => ({ ...position.row, walletBalance }))
}

/** Distinct instruments drawn by weight without replacement (Efraimidis–Spirakis keys). */
function pickInstruments(
  random: Random,
  instruments: readonly VenueInstrument[],
  count: number
): VenueInstrument[] {
  return instruments
    .map((instrument) => ({ instrument, key: Math.log(random.next()) / instrument.spec.weight }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((keyed) => keyed.instrument)
}
