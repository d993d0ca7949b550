import type { PathComponent } from '../scenarioSchema'
import { gapLogPath } from './gapPath'
import { rampLogPath } from './rampPath'
import { replayLogPath } from './replayPath'
import { shockRecoveryLogPath } from './shockRecoveryPath'

/**
 * The sum of a market's deterministic components, as the log of the fundamental over the start
 * price per step: the part of every path that no seed changes (GBM components are drawn per path).
 */
export function scheduledLogPath(
  components: readonly PathComponent[],
  steps: number,
  stepSeconds: number,
  startPrice: number
): Float64Array {
  const total = new Float64Array(steps)
  for (const component of components) {
    let part: Float64Array | null = null
    if (component.kind === 'gap') part = gapLogPath(component, steps)
    else if (component.kind === 'ramp') part = rampLogPath(component, steps)
    else if (component.kind === 'shock-recovery')
      part = shockRecoveryLogPath(component, steps, stepSeconds)
    else if (component.kind === 'replay')
      part = replayLogPath(component, steps, stepSeconds, startPrice)
    if (part) for (let t = 0; t < steps; t++) total[t] += part[t]
  }
  return total
}
