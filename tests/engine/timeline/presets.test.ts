import { describe, expect, it } from 'vitest'
import { prepareTimeline } from '../../../src/engine/timeline/prepareTimeline'
import { runTimeline } from '../../../src/engine/timeline/timelineRun'
import { timelineTotals } from '../../../src/engine/timeline/timelineTotals'
import { presetNames, resolveScenario } from '../../../src/main/simulation/scenarioFiles'
import { sampleSource } from './fixtures'

const PRESETS = [
  'depth-withdrawal',
  'flash-crash',
  'liquidity-crisis-oracle-lag',
  'short-squeeze',
  'slow-bleed',
  'stablecoin-depeg'
]

describe('preset scenarios', () => {
  it('ships the six presets of issue 4', () => {
    expect(presetNames()).toEqual(PRESETS)
  })

  it.each(PRESETS)('%s loads, runs on the sample book and keeps its accounts', (name) => {
    const { scenario } = resolveScenario(name)
    const prepared = prepareTimeline(scenario, sampleSource(3000))
    expect(prepared.skippedMarkets).toEqual([])
    const run = runTimeline(prepared.plan, prepared.timelineBook, scenario.heatmap)
    const totals = timelineTotals(run)
    const liquidated = totals.markets.reduce((sum, m) => sum + m.longNotional + m.shortNotional, 0)
    expect(liquidated).toBeGreaterThan(0)
    for (const market of run.markets) {
      const a = market.accounting
      expect(a.liquidated + a.deleveraged + a.remaining).toBeCloseTo(a.openInterest, 6)
    }
    for (const fund of run.insuranceFund) expect(fund).toBeGreaterThanOrEqual(0)
  })

  it('liquidate the side they are about: longs in a crash, shorts in a squeeze, borrowers in a depeg', () => {
    const side = (name: string) => {
      const { scenario } = resolveScenario(name)
      const prepared = prepareTimeline(scenario, sampleSource(3000))
      const totals = timelineTotals(
        runTimeline(prepared.plan, prepared.timelineBook, scenario.heatmap)
      )
      const sum = (key: 'longNotional' | 'shortNotional' | 'lendingCount') =>
        totals.markets.reduce((total, m) => total + m[key], 0)
      return {
        long: sum('longNotional'),
        short: sum('shortNotional'),
        lending: sum('lendingCount')
      }
    }
    const crash = side('flash-crash')
    expect(crash.long).toBeGreaterThan(crash.short)
    const squeeze = side('short-squeeze')
    expect(squeeze.short).toBeGreaterThan(squeeze.long)
    expect(side('stablecoin-depeg').lending).toBeGreaterThan(0)
  })
})
