/**
 * Rounds to a multiple of `step` and lands on the double nearest the decimal (61800.3, not
 * 61800.299999999996), so prices and sizes print as short decimals and read back unchanged.
 */
export function roundToStep(
  value: number,
  step: number,
  rounding: (x: number) => number = Math.round
): number {
  if (step >= 1) return rounding(value / step) * step
  const stepsPerUnit = Math.round(1 / step)
  return rounding(value * stepsPerUnit) / stepsPerUnit
}
