/** An instant gap: from `atStep` on, the price sits `move` away from where it was. */
export function gapLogPath(
  component: { atStep: number; move: number },
  steps: number
): Float64Array {
  const path = new Float64Array(steps)
  path.fill(Math.log1p(component.move), component.atStep)
  return path
}
