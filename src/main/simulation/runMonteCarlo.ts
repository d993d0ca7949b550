import { availableParallelism } from 'node:os'
import { createMonteCarloResults } from '../../engine/montecarlo/monteCarloResults'
import {
  MonteCarloPool,
  type MonteCarloJob,
  type MonteCarloRun,
  type MonteCarloRunOptions
} from './monteCarloPool'

/**
 * One run on a pool of its own: `workers` threads (default: one per core, never more than there
 * are paths), started for the run and ended after it. `elapsedMs` counts the start-up too.
 */
export async function runMonteCarlo(
  job: MonteCarloJob,
  options: MonteCarloRunOptions & { workers?: number } = {}
): Promise<MonteCarloRun> {
  const started = performance.now()
  if (options.signal?.aborted) {
    const { markets, scenario } = job.inputs
    const results = createMonteCarloResults(job.paths, markets.length, scenario.steps)
    return { results, cancelled: true, workers: 0, elapsedMs: 0 }
  }
  const pool = await MonteCarloPool.start(
    Math.min(options.workers ?? availableParallelism(), job.paths)
  )
  try {
    const run = await pool.run(job, options)
    return { ...run, elapsedMs: performance.now() - started }
  } finally {
    await pool.close()
  }
}
