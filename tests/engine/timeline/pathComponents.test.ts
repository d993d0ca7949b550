import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../src/engine/math/random'
import { gapLogPath } from '../../../src/engine/timeline/path/gapPath'
import { drawGbmJumpStep, gbmJumps } from '../../../src/engine/timeline/path/gbmJumps'
import { liquidityPath } from '../../../src/engine/timeline/path/liquidityPath'
import { rampLogPath } from '../../../src/engine/timeline/path/rampPath'
import { replayLogPath } from '../../../src/engine/timeline/path/replayPath'
import { scheduledLogPath } from '../../../src/engine/timeline/path/scheduledLogPath'
import { shockRecoveryLogPath } from '../../../src/engine/timeline/path/shockRecoveryPath'
import { pathSeed } from '../../../src/engine/timeline/pathSeed'

const prices = (log: Float64Array, start = 100): number[] =>
  Array.from(log, (value) => start * Math.exp(value))

describe('deterministic price paths', () => {
  it('a gap moves the price at its step and holds it', () => {
    const path = prices(gapLogPath({ atStep: 2, move: -0.1 }, 5))
    expect(path[0]).toBe(100)
    expect(path[1]).toBe(100)
    for (const price of path.slice(2)) expect(price).toBeCloseTo(90, 10)
  })

  it('a ramp is linear in price from its first step to its last, then holds', () => {
    const path = prices(rampLogPath({ fromStep: 1, toStep: 5, move: 0.2 }, 8))
    expect(path.map((p) => Number(p.toFixed(10)))).toEqual([100, 100, 105, 110, 115, 120, 120, 120])
  })

  it('a shock recovers the promised share of itself with its half-life', () => {
    const path = prices(
      shockRecoveryLogPath({ atStep: 1, move: -0.2, recovered: 0.5, halfLifeSeconds: 60 }, 40, 60)
    )
    expect(path[0]).toBe(100)
    expect(path[1]).toBeCloseTo(80, 10)
    // Halfway between the shocked 80 and the settled 90 after one half-life, in log terms.
    expect(Math.log(path[2])).toBeCloseTo((Math.log(80) + Math.log(90)) / 2, 10)
    expect(path[39]).toBeCloseTo(90, 6)
  })

  it('a replay follows its series on the step grid, relative to its first price or absolute', () => {
    const csv = 'timestamp,price\n0,200\n120,220\n240,180'
    const relative = prices(
      replayLogPath({ csv, timestampUnit: 's', mode: 'relative' }, 6, 60, 100),
      100
    )
    expect(relative.map((p) => Number(p.toFixed(8)))).toEqual([100, 105, 110, 100, 90, 90])
    const absolute = prices(
      replayLogPath({ csv, timestampUnit: 's', mode: 'absolute' }, 3, 120, 100),
      100
    )
    expect(absolute.map((p) => Number(p.toFixed(8)))).toEqual([200, 220, 180])
  })

  it('components compose by multiplying their moves', () => {
    const log = scheduledLogPath(
      [
        { kind: 'gap', atStep: 1, move: -0.1 },
        { kind: 'gap', atStep: 2, move: -0.1 }
      ],
      3,
      60,
      100
    )
    expect(prices(log)[2]).toBeCloseTo(81, 10)
  })
})

describe('liquidityPath', () => {
  it('withdraws depth at once and refills it with its half-life; withdrawals compound', () => {
    const factor = liquidityPath(
      [
        { atStep: 1, withdraw: 0.5, refillHalfLifeSeconds: 60 },
        { atStep: 3, withdraw: 0.5, refillHalfLifeSeconds: null }
      ],
      5,
      60
    )
    expect(factor[0]).toBe(1)
    expect(factor[1]).toBe(0.5)
    expect(factor[2]).toBe(0.75)
    expect(factor[3]).toBeCloseTo(0.875 * 0.5, 12)
    expect(factor[4]).toBeCloseTo(0.9375 * 0.5, 12)
  })
})

describe('GBM with jumps', () => {
  it('draws log returns with the promised drift and volatility per step', () => {
    const step = gbmJumps(
      { drift: 0, volatility: 0.05, jumpsPerDay: 0, jumpMean: 0, jumpVolatility: 0 },
      86_400
    )
    const random = createRandom(3)
    const draws = Array.from({ length: 20_000 }, () => drawGbmJumpStep(step, random))
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length
    expect(mean).toBeCloseTo(-(0.05 ** 2) / 2, 2)
    expect(Math.sqrt(variance)).toBeCloseTo(0.05, 2)
  })

  it('adds jumps at their rate: the mean move is rate * jump mean', () => {
    const step = gbmJumps(
      { drift: 0, volatility: 0, jumpsPerDay: 2, jumpMean: -0.01, jumpVolatility: 0 },
      86_400
    )
    const random = createRandom(5)
    const draws = Array.from({ length: 20_000 }, () => drawGbmJumpStep(step, random))
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(-0.02, 3)
  })

  it('is the same sequence for the same seed', () => {
    const step = gbmJumps(
      { drift: 0.01, volatility: 0.03, jumpsPerDay: 5, jumpMean: 0, jumpVolatility: 0.02 },
      60
    )
    const draw = (seed: number) => {
      const random = createRandom(seed)
      return Array.from({ length: 100 }, () => drawGbmJumpStep(step, random))
    }
    expect(draw(9)).toEqual(draw(9))
    expect(draw(9)).not.toEqual(draw(10))
  })
})

describe('pathSeed', () => {
  it('gives every path of a run its own seed, and runs their own sets', () => {
    const seeds = new Set<number>()
    for (let path = 0; path < 10_000; path++) seeds.add(pathSeed(7, path))
    expect(seeds.size).toBe(10_000)
    expect(pathSeed(7, 3)).toBe(pathSeed(7, 3))
    expect(pathSeed(7, 3)).not.toBe(pathSeed(8, 3))
    for (const seed of seeds)
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true)
  })
})
