import { sortIndicesByKey } from '../math/sortIndicesByKey'
import type { MarginTerms } from './marginTerms'

/**
 * Where a group's excess line changes as v rises, sorted by v: at `values[k]` one member moves up
 * a tier, and the line's slope and constant change by `slopes[k]` and `constants[k]`. Members
 * valued at entry and size tables have none: their tier does not move with the price.
 */
export interface TierSteps {
  values: Float64Array
  slopes: Float64Array
  constants: Float64Array
}

export function tierSteps(terms: readonly MarginTerms[]): TierSteps {
  let count = 0
  for (const term of terms) if (movesWithPrice(term)) count += term.table.floors.length - 1
  const values = new Float64Array(count)
  const slopes = new Float64Array(count)
  const constants = new Float64Array(count)
  let k = 0
  for (const term of terms) {
    if (!movesWithPrice(term)) continue
    const { floors, rates, amounts } = term.table
    const weight = term.notionalWeight
    for (let tier = 1; tier < floors.length; tier++) {
      values[k] = floors[tier] / weight
      // Into `tier` from the one below: maintenance takes the new rate (and amount).
      slopes[k] = weight * (rates[tier - 1] - rates[tier])
      constants[k] = term.family === 'notional' ? amounts[tier] - amounts[tier - 1] : 0
      k++
    }
  }
  const order = sortIndicesByKey(values)
  const sorted: TierSteps = {
    values: new Float64Array(count),
    slopes: new Float64Array(count),
    constants: new Float64Array(count)
  }
  for (let j = 0; j < count; j++) {
    const i = order[j]
    sorted.values[j] = values[i]
    sorted.slopes[j] = slopes[i]
    sorted.constants[j] = constants[i]
  }
  return sorted
}

const movesWithPrice = (term: MarginTerms): boolean =>
  term.family !== 'entry' && term.table.measure !== 'size' && term.notionalWeight > 0

/** The first index whose value is at or above `v` (`orAbove`), or strictly above it. */
export function firstIndexFrom(values: Float64Array, v: number, orAbove: boolean): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid] < v || (!orAbove && values[mid] === v)) lo = mid + 1
    else hi = mid
  }
  return lo
}
