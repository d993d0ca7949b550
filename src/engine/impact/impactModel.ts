/** -1: forced sells push the price down; +1: forced buys push it up. */
export type FlowDirection = -1 | 1

/**
 * Cumulative forced flow since the shock, both >= 0: quote notional (each order valued at its
 * position's liquidation price) and base quantity. Models read the unit their formula is in.
 */
export interface ForcedFlow {
  notional: number
  quantity: number
}

export interface ImpactModel {
  readonly kind: 'linear' | 'sqrt' | 'amm' | 'book'
  /** Price after the cumulative forced flow, measured from the post-shock price `ps` (not chained round by round). */
  priceAfter(ps: number, direction: FlowDirection, flow: ForcedFlow): number
  /** Parameters for reports and the JSON output (plain numbers/strings). */
  describe(): Record<string, number | string>
}
