import { describe, expect, it } from 'vitest'
import { buildBook } from '../../../src/engine/book/book'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { buildLiquidationLadder } from '../../../src/engine/cascade/liquidationLadder'
import { runCascade } from '../../../src/engine/cascade/runCascade'
import { gainProfile, sweepShocks } from '../../../src/engine/cascade/sweep'
import { createLinearImpact } from '../../../src/engine/impact/linearImpact'
import { position } from '../margin/helpers'

/** Longs liquidating every 0.1 between 80 and 90 (a wall), none above 90. */
function wallBook() {
  const rows = Array.from({ length: 101 }, (_, i) => {
    const lp = 80 + i * 0.1
    return position({
      id: `w${i}`,
      venue: 'generic',
      symbol: 'XYZUSDT',
      size: 1000,
      entryPrice: 100,
      margin: 1000 * (100 - lp),
      mmr: 0
    })
  })
  const book = buildBook(rows)
  const table = computeLiquidationTable(book, createTierRegistry([]), new Map([['XYZ', 100]]))
  return {
    fall: buildLiquidationLadder(book, table, 'XYZ', -1),
    rise: buildLiquidationLadder(book, table, 'XYZ', 1)
  }
}

describe('sweep', () => {
  const ladders = wallBook()
  const model = createLinearImpact({ depthPerPercent: 50_000 })

  it('gives one point per shock, each the same as a single cascade', () => {
    const sweep = sweepShocks({ ladders, startPrice: 100, model, from: 0, to: -0.2, step: 0.005 })
    expect(sweep.points).toHaveLength(41)
    expect(sweep.points[0].shock).toBe(0)
    expect(sweep.points[40].shock).toBeCloseTo(-0.2, 12)
    const single = runCascade({
      ladder: ladders.fall,
      startPrice: 100,
      shock: sweep.points[25].shock,
      model
    }).summary
    expect(sweep.points[25].finalPrice).toBe(single.finalPrice)
    expect(sweep.points[25].liquidatedNotional).toBe(single.liquidatedNotional)
  })

  it('finds the cliff: nothing moves until the shock reaches the wall, then the wall falls through', () => {
    const sweep = sweepShocks({
      ladders,
      startPrice: 100,
      model,
      from: 0,
      to: -0.2,
      step: 0.005,
      threshold: { kind: 'endogenous-move', value: 0.05 }
    })
    expect(sweep.points.filter((p) => p.shock > -0.099).every((p) => p.endogenousMove === 0)).toBe(
      true
    )
    // at a 10% shock the price reaches 90: each 0.1 unit crossed adds 1000*~90 = $90k, a 1.8% move
    expect(sweep.critical).not.toBeNull()
    expect(sweep.critical!.shock).toBeCloseTo(-0.1, 6)
    expect(sweep.points[20].finalPrice).toBeLessThan(80)
  })

  it('marks the wall as a runaway zone where the local gain is at least 1', () => {
    // deep enough that the wall's flow never floors the price at 0: ~$0.85M per bin, a 1.7% move
    const deep = createLinearImpact({ depthPerPercent: 500_000 })
    const gain = gainProfile(ladders.fall, 100, deep, -0.3, 0.01)
    expect(gain.prices[0]).toBe(100)
    expect(gain.gains.slice(0, 8).every((g) => g === 0)).toBe(true)
    expect(gain.runawayZones).toHaveLength(1)
    expect(gain.runawayZones[0].from).toBeCloseTo(90, 9)
    expect(gain.runawayZones[0].to).toBeCloseTo(80, 9)
    expect(gain.runawayZones[0].peakGain).toBeGreaterThanOrEqual(1)
  })

  it('has no critical shock when the threshold is never met, and refuses bad ranges', () => {
    const sweep = sweepShocks({
      ladders,
      startPrice: 100,
      model,
      from: 0,
      to: -0.05,
      step: 0.01,
      threshold: { kind: 'notional', value: 1 }
    })
    expect(sweep.critical).toBeNull()
    expect(() =>
      sweepShocks({ ladders, startPrice: 100, model, from: 0, to: -0.05, step: 0 })
    ).toThrow(/positive --step/)
    expect(() =>
      sweepShocks({ ladders, startPrice: 100, model, from: 0, to: -0.5, step: 1e-7 })
    ).toThrow(/too many/)
  })
})
