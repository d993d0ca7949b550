import { describe, expect, it } from 'vitest'
import { prepareTimeline } from '../../../src/engine/timeline/prepareTimeline'
import { runTimeline } from '../../../src/engine/timeline/timelineRun'
import { resolveScenario } from '../../../src/main/simulation/scenarioFiles'
import { sampleSource } from './fixtures'

describe('heatmap recording', () => {
  it('keeps a row every N steps, each the same as the full recording at that step', () => {
    const { scenario } = resolveScenario('flash-crash')
    const prepared = prepareTimeline({ ...scenario, steps: 31 }, sampleSource(1500))
    const run = (every: number) =>
      runTimeline(prepared.plan, prepared.timelineBook, { ...scenario.heatmap, every })
    const full = run(1).markets[0].profile
    const sparse = run(4).markets[0].profile
    const bins = full.edges.length - 1
    expect(sparse.every).toBe(4)
    expect(sparse.long.length).toBe(8 * bins)
    // Rows at steps 3, 7, ..., 27 and the last step, 30.
    const steps = [3, 7, 11, 15, 19, 23, 27, 30]
    const row = (values: Float64Array, r: number) =>
      Array.from(values.subarray(r * bins, (r + 1) * bins))
    steps.forEach((t, r) => {
      expect(row(sparse.long, r)).toEqual(row(full.long, t))
      expect(row(sparse.short, r)).toEqual(row(full.short, t))
    })
    // The gap at step 20 liquidates longs: the rows before and after it differ.
    expect(row(sparse.long, 4)).not.toEqual(row(sparse.long, 5))
    expect(Array.from(sparse.below)).toEqual(Array.from(full.below))
  })
})
