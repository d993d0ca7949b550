import { selectQuantiles } from './selectQuantiles'

/** Price percentiles per step over the paths: `values[i][t]` is percentile `percentiles[i]` at step t. */
export interface FanChart {
  percentiles: number[]
  values: number[][]
}

export function fanChart(
  prices: Float32Array,
  paths: number,
  steps: number,
  completed: Uint32Array,
  percentiles: readonly number[]
): FanChart {
  const values = percentiles.map(() => new Array<number>(steps))
  const column = new Float32Array(completed.length)
  for (let t = 0; t < steps; t++) {
    const base = t * paths
    for (let k = 0; k < completed.length; k++) column[k] = prices[base + completed[k]]
    selectQuantiles(column, percentiles).forEach((value, i) => (values[i][t] = value))
  }
  return { percentiles: [...percentiles], values }
}
