import type { Random } from '../math/random'
import { drawGbmJumpStep } from './path/gbmJumps'
import type { PathState } from './pathState'
import type { TimelinePlan } from './timelinePlan'

/**
 * Every market's fundamental price at step `t`: its deterministic path, its own random walk, and
 * `beta` times the driver's log move. Draws go market by market in scenario order, which fixes
 * the sequence a seed produces.
 */
export function advanceFundamentals(
  plan: TimelinePlan,
  state: PathState,
  random: Random,
  t: number
): void {
  const { markets } = plan
  for (let m = 0; m < markets.length; m++) {
    const { gbm } = markets[m]
    const market = state.markets[m]
    for (let c = 0; c < gbm.length; c++) market.stochasticLog += drawGbmJumpStep(gbm[c], random)
  }
  const driverLog =
    plan.driver < 0
      ? 0
      : markets[plan.driver].scheduledLog[t] + state.markets[plan.driver].stochasticLog
  for (let m = 0; m < markets.length; m++) {
    const market = markets[m]
    const own = market.scheduledLog[t] + state.markets[m].stochasticLog
    state.markets[m].fundamental = market.startPrice * Math.exp(own + market.beta * driverLog)
  }
}
