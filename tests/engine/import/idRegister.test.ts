import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StringIndex } from '../../../src/engine/book/stringIndex'
import { IdRegister } from '../../../src/engine/import/idRegister'

describe('IdRegister', () => {
  it('answers as a string index does, for ids in order, out of order and given back', () => {
    const step = fc.oneof(
      {
        arbitrary: fc.constantFrom('p1', 'p2', 'p9', 'p10', 'p11', 'P0000001', 'P0000002', 'a', ''),
        weight: 4
      },
      { arbitrary: fc.constant(null), weight: 1 }
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const taken: string[] = []
        const register = new IdRegister(taken)
        const reference = new StringIndex()
        let lastTakenNew = false
        for (const id of steps) {
          if (id === null) {
            // A give-back only ever follows the take of a new id.
            if (!lastTakenNew) continue
            register.giveBack()
            reference.removeLast()
            taken.pop()
            lastTakenNew = false
            continue
          }
          const code = register.take(id)
          expect(code).toBe(reference.tryAdd(id))
          lastTakenNew = code >= 0
          if (lastTakenNew) taken.push(id)
        }
      }),
      { numRuns: 1000 }
    )
  })

  it('finds a repeat after the order breaks, with the code it was first taken under', () => {
    const taken: string[] = []
    const register = new IdRegister(taken)
    for (const id of ['p8', 'p9', 'p10']) {
      expect(register.take(id)).toBe(taken.length)
      taken.push(id)
    }
    expect(register.take('p9')).toBe(-1 - 1)
    expect(register.take('p3')).toBe(3)
  })
})
