import type { LiquidityEvent } from '../scenarioSchema'

/**
 * The market's depth per step as a factor of normal depth: each withdrawal takes its share at
 * once, then refills toward normal with its half-life; overlapping withdrawals compound.
 */
export function liquidityPath(
  events: readonly LiquidityEvent[],
  steps: number,
  stepSeconds: number
): Float64Array {
  const factor = new Float64Array(steps).fill(1)
  for (const { atStep, withdraw, refillHalfLifeSeconds } of events) {
    for (let t = atStep; t < steps; t++) {
      const left =
        refillHalfLifeSeconds === null
          ? 1
          : 0.5 ** (((t - atStep) * stepSeconds) / refillHalfLifeSeconds)
      factor[t] *= 1 - withdraw * left
    }
  }
  return factor
}
