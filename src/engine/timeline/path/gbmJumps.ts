import type { Random } from '../../math/random'

const SECONDS_PER_DAY = 86_400
/** Jump counts past this in one step have vanishing probability for any sane rate. */
const MAX_JUMPS = 1000

/** One step of geometric Brownian motion with compound-Poisson jumps, in log terms. */
export interface GbmJumps {
  drift: number
  diffusion: number
  /** Expected jumps per step, and the log move of one jump. */
  jumpRate: number
  jumpMean: number
  jumpVolatility: number
}

export function gbmJumps(
  component: {
    drift: number
    volatility: number
    jumpsPerDay: number
    jumpMean: number
    jumpVolatility: number
  },
  stepSeconds: number
): GbmJumps {
  const days = stepSeconds / SECONDS_PER_DAY
  const { volatility } = component
  return {
    drift: (component.drift - (volatility * volatility) / 2) * days,
    diffusion: volatility * Math.sqrt(days),
    jumpRate: component.jumpsPerDay * days,
    jumpMean: component.jumpMean,
    jumpVolatility: component.jumpVolatility
  }
}

/** A step's log return: the diffusion's normal draw, then (with a jump rate) a Poisson count. */
export function drawGbmJumpStep(step: GbmJumps, random: Random): number {
  let value = step.drift + step.diffusion * random.normal()
  if (step.jumpRate === 0) return value
  const u = random.next()
  let probability = Math.exp(-step.jumpRate)
  let cumulative = probability
  let jumps = 0
  while (u > cumulative && jumps < MAX_JUMPS) {
    jumps++
    probability *= step.jumpRate / jumps
    cumulative += probability
  }
  if (jumps > 0)
    value += jumps * step.jumpMean + Math.sqrt(jumps) * step.jumpVolatility * random.normal()
  return value
}
