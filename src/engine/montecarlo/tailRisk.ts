export interface TailRisk {
  level: number
  /** The smallest of the worst (1 - level) share of outcomes. */
  valueAtRisk: number
  /** The mean of the worst (1 - level) share of outcomes. */
  expectedShortfall: number
}

/**
 * Value at risk and expected shortfall of a loss (higher is worse) at `level`, from ascending
 * values: the tail is the ceil(n * (1 - level)) largest outcomes, at least one, so ES >= VaR.
 */
export function tailRisk(sorted: ArrayLike<number>, level: number): TailRisk {
  const n = sorted.length
  if (n === 0) return { level, valueAtRisk: NaN, expectedShortfall: NaN }
  const tail = Math.max(1, Math.ceil(n * (1 - level) - 1e-9))
  let sum = 0
  for (let i = n - tail; i < n; i++) sum += sorted[i]
  return { level, valueAtRisk: sorted[n - tail], expectedShortfall: sum / tail }
}
