import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StringIndex } from '../../../src/engine/book/stringIndex'

type Operation = { kind: 'add'; name: string } | { kind: 'removeLast' }

// Few distinct short names, so repeats and hash-slot neighbours are common.
const nameArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'P', '0', '1'), maxLength: 5 })
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: nameArb.map((name) => ({ kind: 'add' as const, name })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'removeLast' as const }) }
)

describe('StringIndex', () => {
  it('agrees with a Map through adds, repeats and removals of the last name, across grows', () => {
    fc.assert(
      fc.property(fc.array(operationArb, { maxLength: 400 }), (operations) => {
        const index = new StringIndex()
        const model: string[] = []
        for (const operation of operations) {
          if (operation.kind === 'removeLast') {
            index.removeLast()
            model.pop()
            continue
          }
          const known = model.indexOf(operation.name)
          const added = index.tryAdd(operation.name)
          if (known >= 0) expect(added).toBe(-1 - known)
          else expect(added).toBe(model.push(operation.name) - 1)
        }
        expect(index.names).toEqual(model)
        model.forEach((name, code) => expect(index.get(name)).toBe(code))
        for (const absent of ['zz', 'P0P0P0', ''].filter((name) => !model.includes(name)))
          expect(index.has(absent)).toBe(false)
      }),
      { numRuns: 300 }
    )
  })

  it('finds every one of a hundred thousand ids after the table has grown many times', () => {
    const index = new StringIndex()
    const ids = Array.from({ length: 100_000 }, (_, k) => `P${String(k).padStart(7, '0')}`)
    for (const id of ids) index.intern(id)
    expect(ids.every((id, code) => index.get(id) === code)).toBe(true)
    expect(index.tryAdd(ids[54_321])).toBe(-1 - 54_321)
    expect(index.get('P9999999')).toBeUndefined()
  })
})
