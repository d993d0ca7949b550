import type { MarketState, PathState } from './pathState'

/** Watches a path as it runs, step by step. */
export interface PathObserver {
  /** Market `m` has settled step `t`; its step results are in `market`, per venue in `path`. */
  marketStep(m: number, t: number, market: MarketState, path: PathState): void
  /** Every market has settled step `t`. */
  stepEnd(t: number, path: PathState): void
  /** Set by a detailed run only: Monte Carlo never pays for per-position detail. */
  readonly units: UnitObserver | null
}

export interface UnitObserver {
  filled(m: number, slot: number, quantity: number): void
  /** ADL closed `quantity` of unit `unit` at `price`, the bankrupt position's bankruptcy price. */
  deleveraged(m: number, t: number, unit: number, quantity: number, price: number): void
}
