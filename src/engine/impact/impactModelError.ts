/** A bad model parameter, reported when the model is built rather than mid-cascade. */
export class ImpactModelError extends Error {
  override name = 'ImpactModelError'
}

/** `value` as a number, or an ImpactModelError naming the model and the parameter. */
export function requirePositiveFinite(model: string, parameter: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value)
  throw new ImpactModelError(
    `${model}: ${parameter} must be a positive finite number, got ${shown}`
  )
}
