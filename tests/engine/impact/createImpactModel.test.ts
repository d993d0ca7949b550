import { describe, expect, it } from 'vitest'
import { createImpactModel, type ImpactSpec } from '../../../src/engine/impact/createImpactModel'
import { ImpactModelError } from '../../../src/engine/impact/impactModelError'
import { SQUARE_LAW_SNAPSHOT } from './snapshots'

describe('createImpactModel', () => {
  // one flow for all: 5e5 quote and 64 base, sold from ps = 100
  it.each<[string, ImpactSpec, number]>([
    ['linear', { kind: 'linear', depthPerPercent: 1e6 }, 99.5],
    ['sqrt', { kind: 'sqrt', dailyVolume: 5e7, dailyVolatility: 0.05, coefficient: 1 }, 99.5],
    ['amm', { kind: 'amm', baseReserve: 64 }, 25],
    ['book', { kind: 'book', snapshot: SQUARE_LAW_SNAPSHOT }, 92]
  ])('builds the %s model', (_name, spec, expected) => {
    const model = createImpactModel(spec)
    expect(model.kind).toBe(spec.kind)
    expect(model.priceAfter(100, -1, { notional: 5e5, quantity: 64 })).toBeCloseTo(expected, 9)
  })

  it('rejects an unknown kind', () => {
    const spec = { kind: 'magic' } as unknown as ImpactSpec
    expect(() => createImpactModel(spec)).toThrow(ImpactModelError)
    expect(() => createImpactModel(spec)).toThrow('unknown impact model kind "magic"')
  })

  it('passes bad parameters on to the model, which rejects them', () => {
    expect(() => createImpactModel({ kind: 'linear', depthPerPercent: -5 })).toThrow(
      'linear impact: depth per 1% must be a positive finite number, got -5'
    )
  })
})
