/**
 * A shock at `atStep`, then a recovery of `recovered` of it, approached with a half-life: the
 * classic flash crash shape, where the price comes back part of the way and settles there.
 */
export function shockRecoveryLogPath(
  component: { atStep: number; move: number; recovered: number; halfLifeSeconds: number },
  steps: number,
  stepSeconds: number
): Float64Array {
  const { atStep, move, recovered, halfLifeSeconds } = component
  const shocked = Math.log1p(move)
  const settled = Math.log1p(move * (1 - recovered))
  const path = new Float64Array(steps)
  for (let t = atStep; t < steps; t++) {
    const left = 0.5 ** (((t - atStep) * stepSeconds) / halfLifeSeconds)
    path[t] = settled + (shocked - settled) * left
  }
  return path
}
