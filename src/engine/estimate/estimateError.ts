/** The inputs of an estimated book cannot be used together (no overlap, a mix not summing to 1). */
export class EstimateError extends Error {
  override name = 'EstimateError'
}
