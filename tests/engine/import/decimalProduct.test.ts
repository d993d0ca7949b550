import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimalProduct } from '../../../src/engine/import/mapping/decimalProduct'

describe('decimalProduct', () => {
  it('multiplies contracts by a contract size as written, not as binary doubles', () => {
    expect(12 * 0.1).not.toBe(1.2)
    expect(decimalProduct(12, 0.1)).toBe(1.2)
    expect(decimalProduct(3, 0.1)).toBe(0.3)
    expect(decimalProduct(-40, 0.01)).toBe(-0.4)
    expect(decimalProduct(0.07, 100)).toBe(7)
    expect(decimalProduct(3, 1e-7)).toBe(3e-7)
    expect(decimalProduct(2.5e21, 4)).toBe(1e22)
    expect(decimalProduct(0, -5)).toBe(0)
  })

  it('equals the exact product of the decimals, rounded to a double once', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 10 }))
    fc.assert(
      fc.property(decimal, decimal, ([digitsA, placesA], [digitsB, placesB]) => {
        const a = Number(`${digitsA}e-${placesA}`)
        const b = Number(`${digitsB}e-${placesB}`)
        const exact = Number(`${BigInt(digitsA) * BigInt(digitsB)}e-${placesA + placesB}`)
        expect(decimalProduct(a, b)).toBe(exact)
      })
    )
  })
})
