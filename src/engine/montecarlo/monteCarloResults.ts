import { metricsWidth } from './pathMetrics'
import type { PathBatch } from './simulatePaths'

/**
 * Every path's outcome at its index, however the paths were split and in whatever order the
 * batches came back: what makes the summary the same for one worker or many.
 */
export interface MonteCarloResults {
  paths: number
  markets: number
  steps: number
  /** `metricsWidth(markets)` numbers per path. */
  metrics: Float64Array
  /** Per market: step-major, `paths` prices per step. */
  prices: Float32Array[]
  done: Uint8Array
  completed: number
}

export function createMonteCarloResults(
  paths: number,
  markets: number,
  steps: number
): MonteCarloResults {
  return {
    paths,
    markets,
    steps,
    metrics: new Float64Array(paths * metricsWidth(markets)),
    prices: Array.from({ length: markets }, () => new Float32Array(steps * paths)),
    done: new Uint8Array(paths),
    completed: 0
  }
}

export function addPathBatch(results: MonteCarloResults, batch: PathBatch): void {
  const { paths, steps } = results
  const { from, count } = batch
  results.metrics.set(batch.metrics, from * metricsWidth(results.markets))
  results.prices.forEach((prices, m) => {
    for (let t = 0; t < steps; t++) {
      const at = (m * steps + t) * count
      prices.set(batch.prices.subarray(at, at + count), t * paths + from)
    }
  })
  for (let j = from; j < from + count; j++) {
    if (results.done[j] === 0) results.completed++
    results.done[j] = 1
  }
}

/** The indices of the paths that finished, ascending. */
export function completedPaths(results: MonteCarloResults): Uint32Array {
  const indices = new Uint32Array(results.completed)
  let k = 0
  for (let j = 0; j < results.paths; j++) if (results.done[j] === 1) indices[k++] = j
  return indices
}
