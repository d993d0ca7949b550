import { describe, expect, it } from 'vitest'
import { summarizeMonteCarlo } from '../../../src/engine/montecarlo/summarizeMonteCarlo'
import { findRunawayZones } from '../../../src/engine/montecarlo/runawayZones'
import { prepareTimeline } from '../../../src/engine/timeline/prepareTimeline'
import { runTimeline } from '../../../src/engine/timeline/timelineRun'
import { binTimelineRun, strideFor } from '../../../src/main/services/scenarioRunView'
import { MonteCarloPool } from '../../../src/main/simulation/monteCarloPool'
import { runMonteCarlo } from '../../../src/main/simulation/runMonteCarlo'
import { resolveScenario } from '../../../src/main/simulation/scenarioFiles'
import { toSharedArrays } from '../../../src/main/simulation/sharedArrays'
import { sampleSource } from '../../engine/timeline/fixtures'

const { scenario } = resolveScenario('flash-crash')
const prepared = prepareTimeline({ ...scenario, steps: 80 }, sampleSource(2000))
const job = { book: prepared.timelineBook, inputs: prepared.inputs, paths: 24 }
const summarize = (results: Parameters<typeof summarizeMonteCarlo>[0]) =>
  summarizeMonteCarlo(results, findRunawayZones(prepared.ladders, prepared.plan, 0.5, 0.01), {
    levels: [0.95, 0.99],
    percentiles: [0.05, 0.5, 0.95]
  })

describe('runMonteCarlo', () => {
  it('gives the same results on one worker and on two, whatever the batches', async () => {
    const one = await runMonteCarlo(job, { workers: 1 })
    const two = await runMonteCarlo(job, { workers: 2, batchSize: 5 })
    expect(one.cancelled).toBe(false)
    expect(two.workers).toBe(2)
    expect(two.results.completed).toBe(24)
    expect(Array.from(two.results.metrics)).toEqual(Array.from(one.results.metrics))
    expect(summarize(two.results)).toEqual(summarize(one.results))
  })

  it('reports progress batch by batch', async () => {
    const seen: number[] = []
    await runMonteCarlo(job, {
      workers: 2,
      batchSize: 6,
      onProgress: (progress) => {
        expect(progress.total).toBe(24)
        seen.push(progress.completed)
      }
    })
    expect(seen).toEqual([6, 12, 18, 24])
  })

  it('stops when cancelled and keeps the paths that finished', async () => {
    const controller = new AbortController()
    const run = await runMonteCarlo(
      { ...job, paths: 2000 },
      {
        workers: 2,
        batchSize: 4,
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.completed >= 8) controller.abort()
        }
      }
    )
    expect(run.cancelled).toBe(true)
    expect(run.results.completed).toBeGreaterThanOrEqual(8)
    expect(run.results.completed).toBeLessThan(2000)
    const summary = summarize(run.results)
    expect(summary.complete).toBe(false)
    expect(summary.completedPaths).toBe(run.results.completed)
  })

  it('does not start when cancelled before it begins', async () => {
    const run = await runMonteCarlo(job, { signal: AbortSignal.abort() })
    expect(run).toMatchObject({ cancelled: true, workers: 0 })
    expect(run.results.completed).toBe(0)
  })
})

describe('MonteCarloPool', () => {
  it('runs one job after another on the same workers, a cancelled one included', async () => {
    const pool = await MonteCarloPool.start(2)
    try {
      const first = await pool.run(job)
      const controller = new AbortController()
      const cancelled = await pool.run(
        { ...job, paths: 400 },
        { batchSize: 2, signal: controller.signal, onProgress: () => controller.abort() }
      )
      expect(cancelled.cancelled).toBe(true)
      // Batches of the cancelled run still arriving are told apart from the next run's.
      const again = await pool.run(job)
      expect(Array.from(again.results.metrics)).toEqual(Array.from(first.results.metrics))
      await expect(Promise.all([pool.run(job), pool.run(job)])).rejects.toThrow(/already going/)
    } finally {
      await pool.close()
    }
    await expect(pool.run(job)).rejects.toThrow(/closed/)
  })
})

describe('MonteCarloPool.runTimeline', () => {
  const timelineJob = (steps: number) => {
    const long = prepareTimeline({ ...scenario, steps }, sampleSource(2000))
    return {
      book: long.timelineBook,
      inputs: long.inputs,
      heatmap: { ...long.scenario.heatmap, every: strideFor(steps) }
    }
  }

  it('bins the detailed path on a worker exactly as main would, between Monte Carlo runs', async () => {
    const pool = await MonteCarloPool.start(1)
    const short = timelineJob(80)
    try {
      const first = await pool.runTimeline(short)
      if (first.cancelled) throw new Error('not cancelled, yet cancelled')
      const onMain = runTimeline(prepared.plan, prepared.timelineBook, short.heatmap)
      expect(first.binned).toEqual(binTimelineRun(prepared.plan, onMain))

      const controller = new AbortController()
      const steps: number[] = []
      const stopped = await pool.runTimeline(timelineJob(100_000), {
        signal: controller.signal,
        onProgress: (stepsDone) => {
          steps.push(stepsDone)
          controller.abort()
        }
      })
      expect(stopped).toEqual({ cancelled: true })
      expect(steps).toHaveLength(1)
      expect(steps[0]).toBeGreaterThan(0)
      expect(steps[0]).toBeLessThan(100_000)

      const monteCarlo = await pool.run(job)
      expect(monteCarlo.results.completed).toBe(job.paths)
      expect(await pool.runTimeline(short)).toEqual(first)
      await expect(Promise.all([pool.runTimeline(short), pool.run(job)])).rejects.toThrow(
        /already going/
      )
    } finally {
      await pool.close()
    }
    await expect(pool.runTimeline(short)).rejects.toThrow(/closed/)
  })

  it('fails with the worker’s reason, and the pool runs on', async () => {
    const pool = await MonteCarloPool.start(1)
    try {
      const short = timelineJob(80)
      await expect(
        pool.runTimeline({ ...short, heatmap: { ...short.heatmap, every: 2 } })
      ).rejects.toThrow(/^timeline worker: .*the heatmap must be recorded every 1 steps/)
      expect((await pool.runTimeline(short)).cancelled).toBe(false)
    } finally {
      await pool.close()
    }
  })
})

describe('toSharedArrays', () => {
  it('moves typed arrays into shared memory and keeps everything else', () => {
    const value = { a: Float64Array.of(1, 2), list: [Uint16Array.of(3)], name: 'x', n: 4 }
    const shared = toSharedArrays(value)
    expect(shared.a.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(shared.list[0].buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(Array.from(shared.a)).toEqual([1, 2])
    expect(shared.list[0]).toBeInstanceOf(Uint16Array)
    expect(shared).toMatchObject({ name: 'x', n: 4 })
  })
})
