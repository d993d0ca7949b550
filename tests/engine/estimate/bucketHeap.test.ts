import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BucketHeap } from '../../../src/engine/estimate/bucketHeap'

describe('BucketHeap', () => {
  it('pops buckets in key order, largest first or smallest first', () => {
    fc.assert(
      fc.property(
        // -0 and 0 are one key to the heap and to the sort, in either order, but not to toEqual.
        fc.array(
          fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((key) => key + 0),
          { maxLength: 60 }
        ),
        fc.constantFrom(1 as const, -1 as const),
        (keys, order) => {
          const heap = new BucketHeap(keys, order)
          keys.forEach((_, k) => heap.push(k))
          const popped: number[] = []
          while (heap.size > 0) popped.push(keys[heap.pop()])
          expect(popped).toEqual([...keys].sort((a, b) => order * (b - a)))
        }
      )
    )
  })
})
