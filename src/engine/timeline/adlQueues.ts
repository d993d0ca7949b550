import { sortIndicesByKey } from '../math/sortIndicesByKey'
import type { PerpUnits } from './timelineBook'

/** ADL list of a side and venue: longs' lists first, then shorts'. */
export const adlListOf = (side: number, venue: number, venues: number): number =>
  (side > 0 ? 0 : 1) * venues + venue

/**
 * Units grouped by (side, venue) list, each list by descending score, ties in unit order: one
 * stable sort by score, then a stable distribution into the lists. Each unit learns its rank,
 * and each rank holds the unit's quantity and slot, so ADL walks memory in order. Needs the
 * units' slots placed.
 */
export function adlQueues(
  units: PerpUnits,
  scores: Float64Array,
  venues: number
): {
  adlStart: Uint32Array
  adlOrder: Uint32Array
  adlQuantity: Float64Array
  adlSlot: Int32Array
} {
  const byScore = sortIndicesByKey(Float64Array.from(scores, (score) => -score))
  const adlStart = new Uint32Array(2 * venues + 1)
  for (let u = 0; u < units.count; u++)
    adlStart[adlListOf(units.side[u], units.venue[u], venues) + 1]++
  for (let l = 0; l < 2 * venues; l++) adlStart[l + 1] += adlStart[l]
  const cursor = adlStart.slice(0, 2 * venues)
  const adlOrder = new Uint32Array(units.count)
  const adlQuantity = new Float64Array(units.count)
  const adlSlot = new Int32Array(units.count)
  for (const u of byScore) {
    const rank = cursor[adlListOf(units.side[u], units.venue[u], venues)]++
    adlOrder[rank] = u
    adlQuantity[rank] = units.quantity[u]
    adlSlot[rank] = units.slot[u]
    units.adlRank[u] = rank
  }
  return { adlStart, adlOrder, adlQuantity, adlSlot }
}
