import { describe, expect, it } from 'vitest'
import { buildBook } from '../../../src/engine/book/book'
import { groupLendingLegs } from '../../../src/engine/lending/lendingBook'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { prepareTimeline } from '../../../src/engine/timeline/prepareTimeline'
import { runTimeline } from '../../../src/engine/timeline/timelineRun'
import { position } from '../margin/helpers'
import { at, runHand, START, total, xyzScenario } from './fixtures'

const DEEP = 1e12

/** One XYZ market with a gap of `move` at step 2 and the given mechanics and market fields. */
function gapScenario(
  move: number,
  market: Record<string, unknown> = {},
  mechanics: Record<string, unknown> = {},
  depth = DEEP,
  steps = 10
) {
  return xyzScenario({
    steps,
    markets: [
      {
        underlying: 'XYZ',
        impact: { kind: 'linear', depthPerPercent: depth },
        path: [{ kind: 'gap', atStep: 2, move }],
        ...market
      }
    ],
    mechanics
  })
}

const firstStepWith = (series: Float64Array): number => series.findIndex((value) => value > 0)

describe('timeline mechanics', () => {
  it('triggers on the oracle price, which lags by oracleLagSteps', () => {
    const rows = [at('a', 1, 95, 10)]
    const now = runHand(rows, gapScenario(-0.1)).run.markets[0]
    const late = runHand(rows, gapScenario(-0.1, { oracleLagSteps: 3 })).run.markets[0]
    expect(firstStepWith(now.longNotional)).toBe(2)
    expect(firstStepWith(late.longNotional)).toBe(5)
    expect(late.oracle[4]).toBe(START)
    expect(late.oracle[5]).toBeCloseTo(90, 9)
  })

  it('fills no more than the throughput per step; the rest waits in the queue', () => {
    const rows = [at('a', 1, 99, 10), at('b', 1, 98, 10), at('c', 1, 97, 10)]
    const { run } = runHand(rows, gapScenario(-0.1, {}, { throughputPerStep: 1500 }))
    const market = run.markets[0]
    const waiting = 990 + 980 + 970 - 1500
    expect(market.longNotional[2]).toBe(1500)
    expect(market.queueLong[2]).toBeCloseTo(waiting, 9)
    expect(market.longNotional[3]).toBeCloseTo(waiting, 9)
    expect(market.queueLong[3]).toBe(0)
    // A position counts once, when its liquidation starts.
    expect(Array.from(market.longCount.slice(2, 5))).toEqual([2, 1, 0])
  })

  it('liquidates a position above sliceAbove in slices, one per step', () => {
    const rows = [at('big', 1, 95, 100), at('small', 1, 96, 1)]
    const { run } = runHand(rows, gapScenario(-0.1, {}, { sliceAbove: 1000, sliceFraction: 0.25 }))
    const market = run.markets[0]
    const quantities = Array.from(market.longNotional.slice(2, 7), (notional) => notional)
    expect(quantities[0]).toBeCloseTo(96 + 25 * 95, 9)
    expect(quantities.slice(1)).toEqual([2375, 2375, 2375, 0])
    expect(market.longCount[2]).toBe(2)
  })

  it('pays the liquidation fee into the insurance fund from what margin is left', () => {
    // Maintenance 5%: liquidated at about 94.7, bankrupt at 90, so a fill near 94 leaves margin.
    const rows = [
      position({ id: 'm', symbol: 'XYZUSDT', size: 10, entryPrice: 100, margin: 100, mmr: 0.05 })
    ]
    const { run } = runHand(
      rows,
      gapScenario(-0.06, {}, { liquidationFee: 0.01, insuranceFund: 1000 })
    )
    const price = run.markets[0].price[2]
    expect(run.insuranceFund[2 * run.venues.length]).toBeCloseTo(1000 + 0.01 * 10 * price, 9)
  })

  it('pays losses beyond bankruptcy from the fund, then deleverages the best-ranked opposite positions', () => {
    const rows = [
      at('long', 1, 95, 100),
      // The winner (short from 120, 20x) ranks before the flat short whatever their order.
      at('flat', -1, 110, 50),
      at('winner', -1, 126, 50, { entryPrice: 120, margin: 300 })
    ]
    const { run, prepared } = runHand(rows, gapScenario(-0.1, {}, { insuranceFund: 50 }))
    const market = run.markets[0]
    const fill = market.price[2]
    const loss = 100 * (95 - fill)
    expect(run.insuranceFund[2 * run.venues.length]).toBe(0)
    expect(market.insurancePaid[2]).toBe(50)
    const wanted = (100 * (loss - 50)) / loss
    expect(market.deleveraged[2]).toBeCloseTo(wanted, 9)
    expect(market.deleveragedNotional[2]).toBeCloseTo(wanted * 95, 6)
    const units = prepared.timelineBook.markets[0].units
    const first = run.deleveragings[0]
    expect(units.ref[first.unit]).toBe(2)
    expect(first.quantity).toBe(50)
    expect(market.perpBadDebt[2]).toBe(0)
  })

  it('fills a position ADL took part of, over several steps, only for what ADL left of it', () => {
    const rows = [at('long', 1, 95, 100), at('short', -1, 110, 200)]
    const scenario = xyzScenario({
      markets: [
        {
          underlying: 'XYZ',
          impact: { kind: 'linear', depthPerPercent: DEEP },
          path: [
            { kind: 'gap', atStep: 2, move: -0.1 },
            { kind: 'gap', atStep: 5, move: 0.25 }
          ]
        }
      ],
      mechanics: { throughputPerStep: 5000 }
    })
    const { run, prepared } = runHand(rows, scenario)
    const market = run.markets[0]
    const short = prepared.timelineBook.markets[0].units.ref.indexOf(1)
    expect(market.unitDeleveraged[short]).toBeCloseTo(100, 9)
    expect(market.unitLiquidated[short]).toBeCloseTo(100, 9)
    expect(Array.from(market.shortNotional.slice(5, 9))).toEqual(
      [5000, 5000, 1000, 0].map((v) => expect.closeTo(v, 6))
    )
    expect(market.queueShort[5]).toBeCloseTo(6000, 6)
  })

  it('leaves bad debt when the fund is empty and nobody is left to deleverage', () => {
    const { run } = runHand([at('long', 1, 95, 100)], gapScenario(-0.1))
    const market = run.markets[0]
    expect(market.perpBadDebt[2]).toBeCloseTo(100 * (95 - market.price[2]), 9)
    expect(market.deleveraged[2]).toBe(0)
  })

  it('lets the dislocation decay with the impact half-life, and thin depth deepen it', () => {
    const rows = [at('a', 1, 95, 1000)]
    const market = (liquidity: unknown[]) =>
      runHand(rows, gapScenario(-0.1, { liquidity, impactHalfLifeSeconds: 60 }, {}, 1e6, 6)).run
        .markets[0]
    const normal = market([])
    for (let t = 3; t < 6; t++)
      expect(normal.dislocation[t] / normal.dislocation[t - 1]).toBeCloseTo(0.5, 9)
    const thin = market([{ atStep: 0, withdraw: 0.5 }])
    expect(thin.dislocation[2] / normal.dislocation[2]).toBeCloseTo(2, 12)
  })

  it('liquidates shorts on a rise, with forced buys that lift the price above the fundamental', () => {
    const { run } = runHand([at('s', -1, 105, 100)], gapScenario(0.1, {}, {}, 1e6))
    const market = run.markets[0]
    expect(market.shortNotional[2]).toBeCloseTo(100 * 105, 9)
    expect(market.dislocation[2]).toBeGreaterThan(0)
    expect(market.longNotional.every((value) => value === 0)).toBe(true)
  })

  it('marks liquidated borrowers to the price: lending bad debt rises and falls with it', () => {
    const lending = groupLendingLegs([
      {
        account: 'L',
        protocol: 'aave-v3',
        asset: 'WETH',
        role: 'collateral',
        amount: 10,
        liquidationThreshold: 0.83,
        liquidationBonus: 0.05
      },
      {
        account: 'L',
        protocol: 'aave-v3',
        asset: 'USDC',
        role: 'debt',
        amount: 21_000,
        liquidationThreshold: null,
        liquidationBonus: null
      }
    ])
    const scenario = xyzScenario({
      markets: [
        {
          underlying: 'ETH',
          startPrice: 2680,
          impact: { kind: 'linear', depthPerPercent: DEEP },
          path: [
            { kind: 'gap', atStep: 2, move: -0.1 },
            { kind: 'gap', atStep: 5, move: -0.4 },
            { kind: 'gap', atStep: 8, move: 0.8 }
          ]
        }
      ]
    })
    const prepared = prepareTimeline(scenario, {
      book: buildBook([]),
      registry: createTierRegistry([]),
      lending,
      prices: new Map(),
      defaultImpact: new Map()
    })
    const market = runTimeline(prepared.plan, prepared.timelineBook, scenario.heatmap).markets[0]
    expect(market.lendingCount[2]).toBe(1)
    expect(market.lendingBadDebt[2]).toBe(0)
    // Half the debt repaid with 5% bonus at 21000 / 8.3: 10.5k owed against 5.64 ETH left.
    const left = 10 - (10_500 * 1.05 * 8.3) / 21_000
    expect(market.lendingBadDebt[5]).toBeCloseTo(10_500 - left * market.price[5], 6)
    expect(market.lendingBadDebt[8]).toBe(0)
  })

  it('liquidates a borrower once, on whichever market reaches it first', () => {
    const lending = groupLendingLegs([
      {
        account: 'L',
        protocol: 'aave-v3',
        asset: 'WETH',
        role: 'collateral',
        amount: 10,
        liquidationThreshold: 0.8,
        liquidationBonus: 0.05
      },
      {
        account: 'L',
        protocol: 'aave-v3',
        asset: 'DAI',
        role: 'debt',
        amount: 20_000,
        liquidationThreshold: null,
        liquidationBonus: null
      }
    ])
    const scenario = xyzScenario({
      markets: [
        {
          underlying: 'ETH',
          startPrice: 2600,
          impact: { kind: 'linear', depthPerPercent: DEEP },
          path: [{ kind: 'gap', atStep: 2, move: -0.2 }]
        },
        {
          underlying: 'DAI',
          startPrice: 1,
          impact: { kind: 'linear', depthPerPercent: DEEP },
          path: [{ kind: 'gap', atStep: 2, move: 0.2 }]
        }
      ]
    })
    const prepared = prepareTimeline(scenario, {
      book: buildBook([]),
      registry: createTierRegistry([]),
      lending,
      prices: new Map(),
      defaultImpact: new Map()
    })
    const run = runTimeline(prepared.plan, prepared.timelineBook, scenario.heatmap)
    expect(total(run.markets[0].lendingCount)).toBe(1)
    expect(total(run.markets[1].lendingCount)).toBe(0)
    expect(total(run.markets[1].queueShort)).toBe(0)
  })
})
