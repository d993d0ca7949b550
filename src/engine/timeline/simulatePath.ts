import { createRandom } from '../math/random'
import { advanceFundamentals } from './advanceFundamentals'
import type { PathObserver } from './pathObserver'
import { pathSeed } from './pathSeed'
import { emptyRunSettlement } from './settleFills'
import type { PathState } from './pathState'
import { stepMarket, type StepScratch } from './stepMarket'

/**
 * Runs path `index` of the plan on `state` (reset first), step by step, market by market in
 * scenario order. The result depends on the plan, the book and the index only.
 */
export function simulatePath(state: PathState, index: number, observer: PathObserver): void {
  const { plan } = state
  state.reset()
  const random = createRandom(pathSeed(plan.seed, index))
  const scratch: StepScratch = {
    observer,
    flow: { notional: 0, quantity: 0 },
    segment: { m: 0, s: 0, venue: 0, side: 1, lending: false, sliceFraction: plan.sliceFraction },
    settle: {
      m: 0,
      t: 0,
      observer,
      venues: plan.venues,
      perpVenues: state.book.perpVenues,
      run: emptyRunSettlement()
    }
  }
  for (let t = 0; t < plan.steps; t++) {
    advanceFundamentals(plan, state, random, t)
    for (let m = 0; m < plan.markets.length; m++) stepMarket(plan, state, m, t, scratch)
    observer.stepEnd(t, state)
  }
}
