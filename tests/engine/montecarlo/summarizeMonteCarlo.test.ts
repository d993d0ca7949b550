import { describe, expect, it } from 'vitest'
import {
  addPathBatch,
  completedPaths,
  createMonteCarloResults
} from '../../../src/engine/montecarlo/monteCarloResults'
import {
  marketMetricIndex,
  metricsWidth,
  pathMetricIndex
} from '../../../src/engine/montecarlo/pathMetrics'
import { zoneReach, type RunawayZone } from '../../../src/engine/montecarlo/runawayZones'
import type { PathBatch } from '../../../src/engine/montecarlo/simulatePaths'
import { summarizeMonteCarlo } from '../../../src/engine/montecarlo/summarizeMonteCarlo'

const STEPS = 3
const width = metricsWidth(1)

/** A batch of synthetic paths: path j liquidates j, and its price bottoms at 100 - j. */
function batch(from: number, count: number): PathBatch {
  const metrics = new Float64Array(count * width)
  const prices = new Float32Array(STEPS * count)
  for (let k = 0; k < count; k++) {
    const j = from + k
    metrics[k * width + pathMetricIndex('liquidatedNotional')] = j
    metrics[k * width + marketMetricIndex(0, 'minPrice')] = 100 - j
    metrics[k * width + marketMetricIndex(0, 'maxPrice')] = 100 + j
    for (let t = 0; t < STEPS; t++) prices[t * count + k] = 100 - j * t
  }
  return { from, count, metrics, prices }
}

const zones: RunawayZone[] = [
  { market: 0, direction: -1, from: 95, to: 90, peakGain: 2 },
  { market: 0, direction: 1, from: 150, to: 160, peakGain: 1.5 }
]
const options = { levels: [0.9], percentiles: [0.1, 0.5, 0.9] }

describe('Monte Carlo results', () => {
  it('puts each batch at its paths, whatever order they come back in', () => {
    const inOrder = createMonteCarloResults(20, 1, STEPS)
    for (let from = 0; from < 20; from += 5) addPathBatch(inOrder, batch(from, 5))
    const shuffled = createMonteCarloResults(20, 1, STEPS)
    for (const from of [15, 0, 10, 5]) addPathBatch(shuffled, batch(from, 5))
    expect(shuffled).toEqual(inOrder)
    expect(summarizeMonteCarlo(shuffled, zones, options)).toEqual(
      summarizeMonteCarlo(inOrder, zones, options)
    )
  })

  it('summarises the finished paths only, and says the run is incomplete', () => {
    const results = createMonteCarloResults(20, 1, STEPS)
    addPathBatch(results, batch(10, 10))
    expect(Array.from(completedPaths(results))).toEqual(
      Array.from({ length: 10 }, (_, i) => 10 + i)
    )
    const summary = summarizeMonteCarlo(results, zones, options)
    expect(summary).toMatchObject({ requestedPaths: 20, completedPaths: 10, complete: false })
    expect(summary.metrics.liquidatedNotional.mean).toBe(14.5)
    expect(summary.metrics.liquidatedNotional.tail[0]).toEqual({
      level: 0.9,
      valueAtRisk: 19,
      expectedShortfall: 19
    })
    expect(summary.metrics.insuranceFundEnd.tail).toEqual([])
    expect(summary.markets[0].fan.values[1][STEPS - 1]).toBeCloseTo(100 - 14.5 * 2, 4)
  })

  it('gives the share of paths that reached and crossed each runaway zone', () => {
    const results = createMonteCarloResults(20, 1, STEPS)
    addPathBatch(results, batch(0, 20))
    const [fall, rise] = summarizeMonteCarlo(results, zones, options).markets[0].zones
    // Paths 5..19 reach 95 and 10..19 get through to 90; no path rises to 150.
    expect(fall).toMatchObject({ reached: 15 / 20, crossed: 10 / 20, peakGain: 2 })
    expect(rise).toMatchObject({ reached: 0, crossed: 0 })
  })
})

describe('zoneReach', () => {
  it('meets a fall zone from above and a rise zone from below', () => {
    const fall: RunawayZone = { market: 0, direction: -1, from: 95, to: 90, peakGain: 1 }
    expect(zoneReach(fall, 96, 120)).toEqual({ reached: false, crossed: false })
    expect(zoneReach(fall, 93, 120)).toEqual({ reached: true, crossed: false })
    expect(zoneReach(fall, 90, 120)).toEqual({ reached: true, crossed: true })
    const rise: RunawayZone = { market: 0, direction: 1, from: 105, to: 110, peakGain: 1 }
    expect(zoneReach(rise, 50, 107)).toEqual({ reached: true, crossed: false })
  })
})
