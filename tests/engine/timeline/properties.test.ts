import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { groupLendingLegs } from '../../../src/engine/lending/lendingBook'
import { metricsWidth, pathMetricIndex } from '../../../src/engine/montecarlo/pathMetrics'
import { simulatePaths } from '../../../src/engine/montecarlo/simulatePaths'
import { parseScenario } from '../../../src/engine/timeline/parseScenario'
import { PathState } from '../../../src/engine/timeline/pathState'
import { runTimeline } from '../../../src/engine/timeline/timelineRun'
import { timelineTotals } from '../../../src/engine/timeline/timelineTotals'
import { position } from '../margin/helpers'
import { runHand, START } from './fixtures'

const venues = ['binance', 'okx', 'bybit'] as const

const positionArb = fc.record({
  side: fc.constantFrom(1 as const, -1 as const),
  size: fc.double({ min: 0.01, max: 500, noNaN: true }),
  entryOffset: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  leverage: fc.integer({ min: 2, max: 100 }),
  mmr: fc.constantFrom(0, 0.005, 0.02),
  cross: fc.nat({ max: 9 }),
  venue: fc.constantFrom(...venues)
})

const bookArb = fc.array(positionArb, { minLength: 1, maxLength: 40 }).map((specs) =>
  specs.map((spec, i): PositionRow => {
    const entryPrice = START * (1 + spec.entryOffset)
    const cross = spec.cross < 3
    return position({
      id: `p${i}`,
      account: cross ? `x${spec.cross}-${spec.venue}` : `a${i}`,
      venue: spec.venue,
      symbol: i % 2 === 0 ? 'XYZUSDT' : 'XYZ-USDT-SWAP',
      side: spec.side,
      size: spec.size,
      entryPrice,
      marginMode: cross ? 'cross' : 'isolated',
      margin: cross ? null : (spec.size * entryPrice) / spec.leverage,
      mmr: spec.mmr,
      walletBalance: cross ? 20_000 / (spec.cross + 1) : null
    })
  })
)

/** Borrowers of USDC against XYZ, at health factors from 1.01 to 2. */
const lendingArb = fc
  .array(
    fc.record({
      health: fc.double({ min: 1.01, max: 2, noNaN: true }),
      amount: fc.double({ min: 1, max: 1000, noNaN: true })
    }),
    { maxLength: 5 }
  )
  .map((borrowers) =>
    groupLendingLegs(
      borrowers.flatMap(({ health, amount }, i) => [
        {
          account: `L${i}`,
          protocol: i % 2 ? 'aave-v3' : 'compound-v3',
          asset: 'XYZ',
          role: 'collateral' as const,
          amount,
          liquidationThreshold: 0.8,
          liquidationBonus: 0.05
        },
        {
          account: `L${i}`,
          protocol: i % 2 ? 'aave-v3' : 'compound-v3',
          asset: 'USDC',
          role: 'debt' as const,
          amount: (amount * START * 0.8) / health,
          liquidationThreshold: null,
          liquidationBonus: null
        }
      ])
    )
  )

const stepArb = fc.integer({ min: 0, max: 19 })
const componentArb = fc.oneof(
  fc.record({
    kind: fc.constant('gap'),
    atStep: stepArb,
    move: fc.double({ min: -0.4, max: 0.4, noNaN: true })
  }),
  fc.record({
    kind: fc.constant('ramp'),
    fromStep: fc.constant(0),
    toStep: fc.integer({ min: 1, max: 20 }),
    move: fc.double({ min: -0.4, max: 0.4, noNaN: true })
  }),
  fc.record({
    kind: fc.constant('shock-recovery'),
    atStep: stepArb,
    move: fc.double({ min: -0.4, max: 0.4, noNaN: true }),
    recovered: fc.double({ min: 0, max: 1, noNaN: true }),
    halfLifeSeconds: fc.integer({ min: 10, max: 3600 })
  }),
  fc.record({
    kind: fc.constant('gbm'),
    volatility: fc.double({ min: 0, max: 0.5, noNaN: true }),
    jumpsPerDay: fc.integer({ min: 0, max: 200 }),
    jumpMean: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
    jumpVolatility: fc.double({ min: 0, max: 0.05, noNaN: true })
  })
)

const scenarioArb = fc
  .record({
    seed: fc.nat(),
    path: fc.array(componentArb, { maxLength: 3 }),
    withdraw: fc.double({ min: 0, max: 0.9, noNaN: true }),
    oracleLagSteps: fc.integer({ min: 0, max: 3 }),
    depth: fc.double({ min: 1e3, max: 1e7, noNaN: true }),
    throughput: fc.option(fc.double({ min: 100, max: 1e6, noNaN: true }), { nil: null }),
    fund: fc.double({ min: 0, max: 1e5, noNaN: true }),
    fee: fc.double({ min: 0, max: 0.02, noNaN: true }),
    sliceAbove: fc.option(fc.double({ min: 100, max: 1e5, noNaN: true }), { nil: null })
  })
  .map((s) =>
    parseScenario({
      version: 1,
      name: 'property',
      seed: s.seed,
      steps: 20,
      stepSeconds: 60,
      markets: [
        {
          underlying: 'XYZ',
          impact: { kind: 'linear', depthPerPercent: s.depth },
          path: s.path,
          liquidity: [{ atStep: 1, withdraw: s.withdraw, refillHalfLifeSeconds: 600 }],
          oracleLagSteps: s.oracleLagSteps
        }
      ],
      mechanics: {
        throughputPerStep: s.throughput,
        insuranceFund: s.fund,
        liquidationFee: s.fee,
        sliceAbove: s.sliceAbove
      }
    })
  )

const RUNS = 120

describe('timeline invariants (fast-check)', () => {
  it('creates or loses nothing: liquidated + ADL + remaining = open interest, unit by unit', () => {
    fc.assert(
      fc.property(bookArb, scenarioArb, lendingArb, (rows, scenario, lending) => {
        const { run, prepared } = runHand(rows, scenario, lending)
        const market = run.markets[0]
        const { units } = prepared.timelineBook.markets[0]
        const a = market.accounting
        const scale = Math.max(1, a.openInterest)
        expect(Math.abs(a.liquidated + a.deleveraged + a.remaining - a.openInterest)).toBeLessThan(
          1e-9 * scale
        )
        let remaining = 0
        for (let u = 0; u < units.count; u++) {
          const left = units.quantity[u] - market.unitLiquidated[u] - market.unitDeleveraged[u]
          expect(left).toBeGreaterThanOrEqual(-1e-9 * units.quantity[u])
          remaining += left
        }
        expect(Math.abs(remaining - a.remaining)).toBeLessThan(1e-9 * scale)
        const deleveraged = market.unitDeleveraged.reduce((sum, q) => sum + q, 0)
        expect(deleveraged).toBeCloseTo(a.deleveraged, 6)
      }),
      { numRuns: RUNS }
    )
  })

  it('never lets an insurance fund go negative, nor a queue, nor a number escape to NaN', () => {
    fc.assert(
      fc.property(bookArb, scenarioArb, lendingArb, (rows, scenario, lending) => {
        const { run } = runHand(rows, scenario, lending)
        expect(run.markets[0].lendingCount.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
          lending.length
        )
        for (const fund of run.insuranceFund) expect(fund).toBeGreaterThanOrEqual(0)
        const market = run.markets[0]
        for (let t = 0; t < run.steps; t++) {
          expect(market.queueLong[t] + market.queueShort[t]).toBeGreaterThanOrEqual(-1e-6)
          for (const series of [
            market.price,
            market.fundamental,
            market.dislocation,
            market.longNotional,
            market.shortNotional,
            market.perpBadDebt,
            market.deleveragedNotional
          ])
            expect(Number.isFinite(series[t])).toBe(true)
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('is deterministic per seed, bit for bit, and Monte Carlo path 0 is the detailed path', () => {
    fc.assert(
      fc.property(bookArb, scenarioArb, lendingArb, (rows, scenario, lending) => {
        const first = runHand(rows, scenario, lending)
        const second = runHand(rows, scenario, lending)
        expect(second.run).toEqual(first.run)
        const { plan, timelineBook } = first.prepared
        const batch = simulatePaths(new PathState(plan, timelineBook), 0, 1)
        const totals = timelineTotals(first.run)
        const liquidated = batch.metrics[pathMetricIndex('liquidatedNotional')]
        const market = totals.markets[0]
        expect(liquidated).toBeCloseTo(market.longNotional + market.shortNotional, 6)
        expect(batch.metrics[pathMetricIndex('badDebt')]).toBeCloseTo(totals.badDebt, 6)
        expect(Array.from(batch.prices)).toEqual(
          Array.from(first.run.markets[0].price, Math.fround)
        )
      }),
      { numRuns: 60 }
    )
  })

  it('gives path i the same outcome however the paths are split', () => {
    fc.assert(
      fc.property(bookArb, scenarioArb, (rows, scenario) => {
        const { plan, timelineBook } = runHand(rows, scenario).prepared
        const state = new PathState(plan, timelineBook)
        const whole = simulatePaths(state, 0, 4)
        const head = simulatePaths(state, 0, 1)
        const tail = simulatePaths(state, 1, 3)
        const width = metricsWidth(1)
        expect(Array.from(head.metrics)).toEqual(Array.from(whole.metrics.subarray(0, width)))
        expect(Array.from(tail.metrics)).toEqual(Array.from(whole.metrics.subarray(width)))
        const detailed = runTimeline(plan, timelineBook, scenario.heatmap, 3).markets[0].price
        const column = Array.from({ length: plan.steps }, (_, t) => whole.prices[t * 4 + 3])
        expect(column).toEqual(Array.from(detailed, Math.fround))
      }),
      { numRuns: 40 }
    )
  })
})
