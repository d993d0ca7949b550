import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortIndicesByKey } from '../../../src/engine/math/sortIndicesByKey'

/** The definition: a stable sort of the indices by key, ties in index order. */
function byComparator(keys: Float64Array): number[] {
  return Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b)
}

describe('sortIndicesByKey', () => {
  it('orders indices as a stable comparator sort does, for any finite keys', () => {
    const key = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, 61800, 61800.5, Number.MAX_VALUE, -Infinity, Infinity)
    )
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (values) => {
        const keys = Float64Array.from(values)
        expect(Array.from(sortIndicesByKey(keys))).toEqual(byComparator(keys))
      }),
      { numRuns: 500 }
    )
  })

  it('ties -0 with 0, puts NaN last, and leaves the keys as they were', () => {
    const keys = Float64Array.of(NaN, 0, -0, -5, 3, NaN, 0)
    expect(Array.from(sortIndicesByKey(keys))).toEqual([3, 1, 2, 6, 4, 0, 5])
    expect(Object.is(keys[2], -0)).toBe(true)
    expect(Number.isNaN(keys[0])).toBe(true)
  })

  it('sorts keys that differ only in their lowest bits', () => {
    const base = 1.5
    const keys = Float64Array.from([3, 1, 2, 0].map((ulps) => base + ulps * Number.EPSILON))
    expect(Array.from(sortIndicesByKey(keys))).toEqual([3, 1, 2, 0])
  })
})
