/** A linear ramp of the price by `move` from `fromStep` to `toStep`, held after. */
export function rampLogPath(
  component: { fromStep: number; toStep: number; move: number },
  steps: number
): Float64Array {
  const { fromStep, toStep, move } = component
  const path = new Float64Array(steps)
  for (let t = fromStep + 1; t < steps; t++) {
    const done = Math.min(1, (t - fromStep) / (toStep - fromStep))
    path[t] = Math.log1p(move * done)
  }
  return path
}
