import { firstRootFrom } from './marginGroup'
import { positionTier } from './positionTier'
import type { TierTable } from './tierTable'
import type { VenueFamily } from './venueFamily'

/**
 * One position against its own margin, in the price variable v (see marginTerms):
 * excess(v) = balance + equitySlope*v + equityConstant - maintenance(v). The hot path for a
 * million isolated positions, so it works on numbers, not objects.
 */
export interface IsolatedPosition {
  balance: number
  equitySlope: number
  equityConstant: number
  notionalWeight: number
  entryNotional: number
  family: VenueFamily
  table: TierTable
}

/**
 * A position to write over, its number fields doubles from the start, as blankMarginTerms says
 * why. Written out in full: built by spreading blank terms, the solve ran about 1.2x as long.
 */
export const blankIsolatedPosition = (table: TierTable): IsolatedPosition => ({
  balance: NaN,
  equitySlope: NaN,
  equityConstant: NaN,
  notionalWeight: NaN,
  entryNotional: NaN,
  family: 'notional',
  table
})

/**
 * Maintenance margin at v, for the tier in force there: slope * v + constant. Two functions, not
 * one returning a pair: a pair is a fresh array per call, and a 1M-book solve made 400 MB of them.
 */
function maintenanceSlope(p: IsolatedPosition, tier: number): number {
  return p.family === 'entry' ? 0 : p.notionalWeight * p.table.rates[tier]
}

function maintenanceConstant(p: IsolatedPosition, tier: number): number {
  const { table } = p
  if (p.family === 'entry') return p.entryNotional * table.rates[tier] - table.amounts[tier]
  return p.family === 'notional' ? -table.amounts[tier] : 0
}

const tierOf = (p: IsolatedPosition, v: number): number =>
  positionTier(
    p.table,
    p.family === 'entry' ? p.entryNotional : p.notionalWeight * v,
    p.notionalWeight
  )

export function isolatedExcess(p: IsolatedPosition, v: number): number {
  const tier = tierOf(p, v)
  return (
    p.balance +
    (p.equitySlope - maintenanceSlope(p, tier)) * v +
    p.equityConstant -
    maintenanceConstant(p, tier)
  )
}

export function isolatedMaintenance(p: IsolatedPosition, v: number): number {
  const tier = tierOf(p, v)
  return maintenanceSlope(p, tier) * v + maintenanceConstant(p, tier)
}

/** Where one tier's excess line reaches 0, NaN when it does not at some v > 0. */
function tierLineRoot(p: IsolatedPosition, tier: number): number {
  const v =
    -(p.balance + p.equityConstant - maintenanceConstant(p, tier)) /
    (p.equitySlope - maintenanceSlope(p, tier))
  return v > 0 && Number.isFinite(v) ? v : NaN
}

/**
 * The v where the excess reaches 0, NaN if none with v > 0. The excess is monotone in v for one
 * position (maintenance rates are below 1), so the root is unique: solve the line of a tier,
 * move to the tier the solution lands in, and stop when it stays; when a flat-tier venue's jump
 * makes two neighbouring tiers each point at the other, the root is their boundary. A size table's
 * tier does not move with v, so the line of the tier the size is in gives the root at once.
 */
export function isolatedRoot(p: IsolatedPosition, start: number, withMaintenance = true): number {
  if (!withMaintenance) {
    const v = -(p.balance + p.equityConstant) / p.equitySlope
    return v > 0 && Number.isFinite(v) ? v : NaN
  }
  let tier = tierOf(p, start)
  if (p.table.measure === 'size') return tierLineRoot(p, tier)
  const floors = p.table.floors
  let previous = -1
  for (let step = 0; step <= 2 * floors.length + 2; step++) {
    const v = tierLineRoot(p, tier)
    if (Number.isNaN(v)) return NaN
    const landed = tierOf(p, v)
    if (landed === tier) return v
    if (landed === previous) return floors[Math.max(tier, previous)] / p.notionalWeight
    previous = tier
    tier = landed
  }
  return consistentTierRoot(p)
}

/**
 * Whether the excess can reach zero more than once. A venue that charges the tier's rate on the
 * whole notional (OKX) raises maintenance in a jump where the notional enters the next tier, so a
 * long can be below maintenance just above a band edge and above it again just below. Everywhere
 * else the excess is monotone in v and isolatedRoot's root the only one.
 */
export const hasSeveralRoots = (p: IsolatedPosition): boolean =>
  p.family === 'flat-tier' && p.table.measure === 'notional' && p.table.floors.length > 1

/**
 * The liquidation root of a position whose excess may reach zero more than once: the first the
 * price meets moving from the mark `start` in `direction` (against the position); when the
 * position is already below maintenance there, the nearest the other way, where it climbs back,
 * so that it reads as liquidatable now, as a monotone position's root does.
 */
export function isolatedRootFromMark(
  p: IsolatedPosition,
  start: number,
  direction: -1 | 1
): number {
  const group = { terms: [p], balance: p.balance }
  return isolatedExcess(p, start) > 0
    ? firstRootFrom(group, start, direction)
    : firstRootFrom(group, start, direction < 0 ? 1 : -1, true, -1)
}

/** The slow, sure way: the one tier whose line's root lies inside that tier. */
function consistentTierRoot(p: IsolatedPosition): number {
  for (let tier = 0; tier < p.table.floors.length; tier++) {
    const v = tierLineRoot(p, tier)
    if (!Number.isNaN(v) && tierOf(p, v) === tier) return v
  }
  return NaN
}
