import type { MarginTerms } from './marginTerms'
import { positionTier } from './positionTier'
import { firstIndexFrom, tierSteps } from './tierSteps'

/**
 * Positions liquidated together, against one balance: a single isolated position (balance = its
 * margin), or a cross account's positions on one market (balance = wallet plus everything the
 * account holds elsewhere, at its marks). Excess = equity - maintenance; liquidation where it hits 0.
 */
export interface MarginGroup {
  terms: readonly MarginTerms[]
  balance: number
}

interface Line {
  slope: number
  constant: number
}

/** Equity - maintenance is linear in v between tier boundaries; this is its line around `v`. */
export function excessLine(group: MarginGroup, v: number, withMaintenance = true): Line {
  let slope = 0
  let constant = group.balance
  const terms = group.terms
  // Indexed loops here and below: this runs millions of times, and an iterator is an allocation.
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]
    slope += term.equitySlope
    constant += term.equityConstant
    if (!withMaintenance) continue
    const { table } = term
    if (term.family === 'entry') {
      const tier = positionTier(table, term.entryNotional, term.notionalWeight)
      constant -= term.entryNotional * table.rates[tier] - table.amounts[tier]
      continue
    }
    const tier = positionTier(table, term.notionalWeight * v, term.notionalWeight)
    slope -= term.notionalWeight * table.rates[tier]
    if (term.family === 'notional') constant += table.amounts[tier]
  }
  return { slope, constant }
}

export function excessAt(group: MarginGroup, v: number): number {
  const line = excessLine(group, v)
  return line.slope * v + line.constant
}

export function maintenanceAt(group: MarginGroup, v: number): number {
  const withMaintenance = excessLine(group, v)
  const without = excessLine(group, v, false)
  return (without.slope - withMaintenance.slope) * v + (without.constant - withMaintenance.constant)
}

/**
 * Values of v where some member changes tier, ascending. Entry-valued members and size tables
 * have none: their tier does not move with the price, so each keeps one line and its maintenance
 * simply adds to the account's.
 */
function tierBoundaries(group: MarginGroup): number[] {
  const boundaries: number[] = []
  const terms = group.terms
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]
    if (term.family === 'entry' || term.table.measure === 'size' || term.notionalWeight <= 0)
      continue
    const floors = term.table.floors
    for (let j = 1; j < floors.length; j++) boundaries.push(floors[j] / term.notionalWeight)
  }
  return sortAscending(boundaries)
}

/** Past this many values an insertion sort's n² comparisons cost more than a typed sort. */
const INSERTION_SORT_MAX = 64

/**
 * Sorts in place. Most groups hold one or two tables' worth of boundaries, sorted by insertion:
 * Array.prototype.sort allocated a work array on each of a million calls. A cross account of
 * thousands of positions has hundreds of thousands, which insertion would take seconds over.
 */
function sortAscending(values: number[]): number[] {
  if (values.length > INSERTION_SORT_MAX) {
    const sorted = Float64Array.from(values).sort()
    for (let i = 0; i < values.length; i++) values[i] = sorted[i]
    return values
  }
  for (let i = 1; i < values.length; i++) {
    const value = values[i]
    let j = i - 1
    while (j >= 0 && values[j] > value) {
      values[j + 1] = values[j]
      j--
    }
    values[j + 1] = value
  }
  return values
}

/**
 * The first v, walking from `start` in `direction` (-1 down, +1 up), where the excess reaches 0;
 * NaN when it never does for v > 0. With `sign` -1 it finds where the excess climbs back to 0. Walks tier segments, solving each line exactly, so tiers are
 * re-solved wherever the root lands and jumps at boundaries (flat-tier venues) are caught.
 */
export function firstRootFrom(
  group: MarginGroup,
  start: number,
  direction: -1 | 1,
  withMaintenance = true,
  sign: -1 | 1 = 1
): number {
  if (withMaintenance && group.terms.length > STEP_FROM_MEMBERS)
    return firstRootBySteps(group, start, direction, sign)
  const boundaries = withMaintenance ? tierBoundaries(group) : []
  let v = start
  for (;;) {
    let next = direction < 0 ? 0 : Infinity
    if (direction < 0) {
      for (let j = boundaries.length - 1; j >= 0; j--)
        if (boundaries[j] < v) {
          next = boundaries[j]
          break
        }
    } else {
      for (let j = 0; j < boundaries.length; j++)
        if (boundaries[j] > v) {
          next = boundaries[j]
          break
        }
    }
    const probe = Number.isFinite(next) ? (v + next) / 2 : v + Math.max(1, v)
    const found = rootInSegment(excessLine(group, probe, withMaintenance), v, next, direction, sign)
    if (found !== undefined) return found
    v = next
  }
}

/**
 * The walk's answer in the segment from v to `next` on `line`: v when the excess is already 0
 * there, the root when the line reaches 0 before `next`, NaN when no segment lies beyond; else
 * undefined, and the walk goes on.
 */
function rootInSegment(
  line: Line,
  v: number,
  next: number,
  direction: -1 | 1,
  sign: -1 | 1
): number | undefined {
  if (sign * (line.slope * v + line.constant) <= 0) return v
  if (line.slope !== 0) {
    const root = -line.constant / line.slope
    if (direction * (root - v) >= 0 && direction * (next - root) >= 0)
      return root > 0 && Number.isFinite(root) ? root : NaN
  }
  if (!Number.isFinite(next) || next <= 0) return NaN
  return undefined
}

/** Past this many members a walk steps its line at each boundary, not re-adding every member. */
const STEP_FROM_MEMBERS = 64

/**
 * firstRootFrom for a large group, such as a market maker's cross account of thousands of
 * positions: its walk crosses many boundaries, and adding up every member's line at each one
 * took seconds. At a boundary only the members crossing it change tier, so the line moves by
 * their steps; it is added up in full again after as many steps as members, so rounding stays
 * where the full sum leaves it.
 */
function firstRootBySteps(
  group: MarginGroup,
  start: number,
  direction: -1 | 1,
  sign: -1 | 1
): number {
  const { values, slopes, constants } = tierSteps(group.terms)
  let v = start
  let line: Line | null = null
  let stepped = 0
  for (;;) {
    // The nearest boundary beyond v, and the steps at it, values[from, to).
    let next: number
    let from: number
    let to: number
    if (direction < 0) {
      to = firstIndexFrom(values, v, true)
      next = to > 0 ? values[to - 1] : 0
      from = to > 0 ? firstIndexFrom(values, next, true) : to
    } else {
      from = firstIndexFrom(values, v, false)
      next = from < values.length ? values[from] : Infinity
      to = from < values.length ? firstIndexFrom(values, next, false) : from
    }
    const probe = Number.isFinite(next) ? (v + next) / 2 : v + Math.max(1, v)
    // The last segment is summed in full: stepped rounding would turn a line that never reaches
    // zero (slope exactly 0) into a root far out.
    const last = !(next > 0 && Number.isFinite(next))
    if (line === null || stepped >= group.terms.length || last) {
      line = excessLine(group, probe)
      stepped = 0
    }
    const found = rootInSegment(line, v, next, direction, sign)
    if (found !== undefined) return found
    // Across `next` its members change tier: up on the way up, back down on the way down.
    for (let k = from; k < to; k++) {
      line.slope += direction * slopes[k]
      line.constant += direction * constants[k]
    }
    stepped += to - from
    v = next
  }
}
