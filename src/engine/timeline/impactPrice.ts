import type { ForcedFlow, ImpactModel } from '../impact/impactModel'

/**
 * The market price: the fundamental, pushed by the forced flow still in memory. Depth at a
 * `liquidity` factor of normal is the same as the flow divided by it, for every impact model.
 */
export function impactPrice(
  model: ImpactModel,
  fundamental: number,
  memoryNotional: number,
  memoryQuantity: number,
  liquidity: number,
  scratch: ForcedFlow
): number {
  if (memoryNotional === 0 && memoryQuantity === 0) return fundamental
  scratch.notional = Math.abs(memoryNotional) / liquidity
  scratch.quantity = Math.abs(memoryQuantity) / liquidity
  return model.priceAfter(fundamental, memoryNotional < 0 ? -1 : 1, scratch)
}
