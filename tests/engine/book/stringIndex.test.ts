import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StringIndex } from '../../../src/engine/book/stringIndex'

type Operation =
  { kind: 'add'; name: string } | { kind: 'get'; name: string } | { kind: 'removeLast' }

// Few distinct short names, so repeats and hash-slot neighbours are common.
const nameArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'P', '0', '1'), maxLength: 5 })
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: nameArb.map((name) => ({ kind: 'add' as const, name })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'removeLast' as const }) },
  { weight: 2, arbitrary: nameArb.map((name) => ({ kind: 'get' as const, name })) }
)

describe('StringIndex', () => {
  it('agrees with a Map through adds, lookups, repeats and removals of the last name, in order or not, across grows', () => {
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
          if (operation.kind === 'get') {
            const code = model.indexOf(operation.name)
            expect(index.get(operation.name)).toBe(code >= 0 ? code : undefined)
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

describe('StringIndex with names in order', () => {
  it('keeps no table while names come in order, and finds them all once one does not', () => {
    const index = new StringIndex()
    const names = Array.from({ length: 5_000 }, (_, i) => `p${i + 1}`)
    names.forEach((name, code) => expect(index.tryAdd(name)).toBe(code))
    expect(index.get('p5001')).toBeUndefined()
    index.removeLast()
    expect(index.tryAdd('p5000')).toBe(4_999)
    // Out of order from here: 'p10' comes before 'p5000'.
    expect(index.tryAdd('p10')).toBe(-1 - 9)
    names.forEach((name, code) => expect(index.get(name)).toBe(code))
    expect(index.tryAdd('p0')).toBe(5_000)
    expect(index.get('p0')).toBe(5_000)
  })
})
