import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FlowDirection, ForcedFlow, ImpactModel } from '../../../src/engine/impact/impactModel'

const SELL: FlowDirection = -1
const BUY: FlowDirection = 1
const directions = [SELL, BUY] as const

/** Log-uniform over [10^lowest, 10^(highest + 1)): raw doubles would be mostly below 1. */
function magnitude(lowest: number, highest: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: lowest, max: highest }))
    .map(([mantissa, exponent]) => mantissa * 10 ** exponent)
}

const postShockPrice = magnitude(-6, 8)
// Zero, dust and whole-market sizes.
const amount = fc.oneof(fc.constant(0), magnitude(-8, 12))
const flow = fc.record({ notional: amount, quantity: amount })
const anyFinitePositive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true })
const anyFiniteAmount = fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true })

const ZERO: ForcedFlow = { notional: 0, quantity: 0 }

/** The pair of flows ordered component by component, so the second holds at least the first. */
function ordered(a: ForcedFlow, b: ForcedFlow): [ForcedFlow, ForcedFlow] {
  return [
    { notional: Math.min(a.notional, b.notional), quantity: Math.min(a.quantity, b.quantity) },
    { notional: Math.max(a.notional, b.notional), quantity: Math.max(a.quantity, b.quantity) }
  ]
}

/** The behaviour every impact model owes the cascade engine, whatever its formula. */
export function testImpactContract(name: string, make: () => ImpactModel): void {
  describe(`impact model contract: ${name}`, () => {
    it('returns the post-shock price exactly when there is no flow', () => {
      const model = make()
      fc.assert(
        fc.property(postShockPrice, (ps) => {
          for (const direction of directions) expect(model.priceAfter(ps, direction, ZERO)).toBe(ps)
        })
      )
    })

    it('moves the price monotonically with the flow: down for sells, up for buys', () => {
      const model = make()
      fc.assert(
        fc.property(postShockPrice, flow, flow, (ps, a, b) => {
          const [less, more] = ordered(a, b)
          expect(model.priceAfter(ps, SELL, more)).toBeLessThanOrEqual(
            model.priceAfter(ps, SELL, less)
          )
          expect(model.priceAfter(ps, BUY, more)).toBeGreaterThanOrEqual(
            model.priceAfter(ps, BUY, less)
          )
        })
      )
    })

    it('stays monotone for flows a hair apart', () => {
      const model = make()
      const step = fc.double({ min: 0, max: 1e-6, noNaN: true })
      fc.assert(
        fc.property(postShockPrice, flow, step, (ps, less, relative) => {
          const more = {
            notional: less.notional * (1 + relative),
            quantity: less.quantity * (1 + relative)
          }
          expect(model.priceAfter(ps, SELL, more)).toBeLessThanOrEqual(
            model.priceAfter(ps, SELL, less)
          )
          expect(model.priceAfter(ps, BUY, more)).toBeGreaterThanOrEqual(
            model.priceAfter(ps, BUY, less)
          )
        })
      )
    })

    it('keeps sells within [0, ps] and buys at or above ps', () => {
      const model = make()
      fc.assert(
        fc.property(postShockPrice, flow, (ps, forced) => {
          const sold = model.priceAfter(ps, SELL, forced)
          expect(sold).toBeGreaterThanOrEqual(0)
          expect(sold).toBeLessThanOrEqual(ps)
          expect(model.priceAfter(ps, BUY, forced)).toBeGreaterThanOrEqual(ps)
        })
      )
    })

    it('stays finite for huge flows', () => {
      const model = make()
      const huge = { notional: 1e15, quantity: 1e15 }
      for (const ps of [1e-6, 1, 61_800, 1e9]) {
        const sold = model.priceAfter(ps, SELL, huge)
        const bought = model.priceAfter(ps, BUY, huge)
        expect(Number.isFinite(sold)).toBe(true)
        expect(sold).toBeGreaterThanOrEqual(0)
        expect(Number.isFinite(bought)).toBe(true)
        expect(bought).toBeGreaterThanOrEqual(ps)
      }
    })

    it('stays finite for any finite inputs, down to the smallest and up to the largest double', () => {
      const model = make()
      fc.assert(
        fc.property(
          anyFinitePositive,
          anyFiniteAmount,
          anyFiniteAmount,
          (ps, notional, quantity) => {
            for (const direction of directions) {
              const price = model.priceAfter(ps, direction, { notional, quantity })
              expect(Number.isFinite(price)).toBe(true)
              expect(price).toBeGreaterThanOrEqual(0)
            }
          }
        )
      )
    })

    it('is deterministic: the same inputs give the same price, from any instance', () => {
      const first = make()
      const second = make()
      fc.assert(
        fc.property(
          postShockPrice,
          flow,
          fc.constantFrom(...directions),
          (ps, forced, direction) => {
            const price = first.priceAfter(ps, direction, forced)
            expect(Object.is(first.priceAfter(ps, direction, forced), price)).toBe(true)
            expect(Object.is(second.priceAfter(ps, direction, forced), price)).toBe(true)
          }
        )
      )
    })

    it('describes itself with its kind and plain, finite parameters', () => {
      const model = make()
      const description = model.describe()
      expect(description.kind).toBe(model.kind)
      for (const value of Object.values(description)) {
        expect(typeof value === 'string' || Number.isFinite(value)).toBe(true)
      }
      expect(JSON.parse(JSON.stringify(description))).toEqual(description)
    })
  })
}
