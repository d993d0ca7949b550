import { STEP_FLOWS, STEP_LEVELS, type ScenarioRun } from '../../src/shared/scenarioRunTypes'
import { parseScenario } from '../../src/engine/timeline/parseScenario'

/**
 * A small hand-made run: 4 points of one step each on BTC (start 100), 2 heatmap bins
 * (90-100, 100-110). Liquidations peak at point 2; point 3 has perp bad debt.
 */
export function sampleRun(runId = 1, more: Partial<ScenarioRun> = {}): ScenarioRun {
  const points = 4
  const series = Object.fromEntries(
    [...STEP_FLOWS, ...STEP_LEVELS].map((name) => [name, new Float64Array(points)])
  ) as ScenarioRun['markets'][number]['series']
  series.price.set([100, 98, 92, 95])
  series.fundamental.set([100, 99, 96, 96])
  series.longNotional.set([0, 1e6, 5e6, 2e6])
  series.shortNotional.set([0, 0, 0, 1e5])
  series.openInterestNotional.set([10e6, 9e6, 4e6, 2e6])
  series.perpBadDebt.set([0, 0, 0, 3e4])
  series.lendingBadDebt.set([0, 0, 1e4, 1e4])
  return {
    runId,
    bookVersion: 1,
    scenario: parseScenario({
      version: 1,
      name: 'Sample drop',
      steps: points,
      stepSeconds: 60,
      markets: [{ underlying: 'BTC' }]
    }),
    skippedMarkets: [],
    steps: points,
    stepSeconds: 60,
    stride: 1,
    points,
    markets: [
      {
        underlying: 'BTC',
        startPrice: 100,
        impact: { kind: 'linear', depthPerPercent: 1e6 },
        series,
        profile: {
          edges: Float64Array.from([90, 100, 110]),
          // Point-major, 2 bins per point: [below 100, above 100].
          long: Float32Array.from([6e6, 0, 5e6, 0, 0, 0, 0, 0]),
          short: Float32Array.from([0, 2e6, 0, 2e6, 0, 2e6, 0, 1.9e6])
        },
        totals: {
          longNotional: 8e6,
          shortNotional: 1e5,
          longCount: 40,
          shortCount: 1,
          lendingNotional: 0,
          deleveragedNotional: 5e5,
          lendingBadDebt: 1e4,
          perpBadDebt: 3e4,
          insurancePaid: 2e5,
          minPrice: 92,
          maxPrice: 100,
          maxEndogenousDrawdown: 0.0417
        },
        accounting: { openInterest: 100, liquidated: 80, deleveraged: 5, remaining: 15 }
      }
    ],
    insuranceFund: Float64Array.from([1e6, 1e6, 8e5, 8e5]),
    insuranceFundStart: 1e6,
    venues: [{ venue: 'binance', notional: 8.1e6, count: 41, fundStart: 1e6, fundEnd: 8e5 }],
    totals: {
      liquidatedNotional: 8.1e6,
      badDebt: 4e4,
      deleveragedNotional: 5e5,
      insurancePaid: 2e5
    },
    elapsedMs: 12,
    ...more
  }
}
