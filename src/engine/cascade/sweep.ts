import type {
  CascadeThreshold,
  CriticalShock,
  GainProfile,
  SweepPoint,
  SweepSummary
} from '../../shared/cascadeTypes'
import type { ImpactModel } from '../impact/impactModel'
import { crossedCount, type LiquidationLadder } from './liquidationLadder'
import { CascadeInputError, runCascade } from './runCascade'

export interface SweepInput {
  /** The ladder for falls and the one for rises; a sweep uses whichever its shocks need. */
  ladders: { fall: LiquidationLadder; rise: LiquidationLadder }
  startPrice: number
  model: ImpactModel
  /** Shocks as signed fractions. */
  from: number
  to: number
  step: number
  threshold?: CascadeThreshold
}

const REFINE_STEPS = 30

export function sweepShocks(input: SweepInput): SweepSummary {
  const { from, to, step, startPrice, model, ladders } = input
  if (!(step > 0) || !Number.isFinite(from) || !Number.isFinite(to)) {
    throw new CascadeInputError(
      `sweep: need finite --from and --to and a positive --step, got ${from}, ${to}, ${step}`
    )
  }
  const count = Math.floor(Math.abs(to - from) / step + 1e-9) + 1
  if (count > 100_000)
    throw new CascadeInputError(`sweep: ${count} points is too many; use a larger step`)
  const sign = to >= from ? 1 : -1
  const at = (shock: number): SweepPoint => sweepPoint(ladders, startPrice, model, shock)
  const points: SweepPoint[] = []
  for (let j = 0; j < count; j++) points.push(at(from + sign * j * step))
  const ladder = to < 0 || (to === 0 && from < 0) ? ladders.fall : ladders.rise
  return {
    underlying: ladder.underlying,
    startPrice,
    points,
    critical: input.threshold ? criticalShock(points, input.threshold, at) : null,
    gain: gainProfile(ladder, startPrice, model, Math.abs(to) >= Math.abs(from) ? to : from, step)
  }
}

function sweepPoint(
  ladders: SweepInput['ladders'],
  startPrice: number,
  model: ImpactModel,
  shock: number
): SweepPoint {
  const ladder = shock > 0 ? ladders.rise : ladders.fall
  const { summary } = runCascade({ ladder, startPrice, shock, model }, { detail: false })
  return {
    shock,
    finalPrice: summary.finalPrice,
    totalMove: summary.totalMove,
    endogenousMove: summary.endogenousMove,
    amplification: summary.amplification,
    liquidatedCount: summary.liquidatedCount,
    liquidatedNotional: summary.liquidatedNotional,
    roundCount: summary.roundCount
  }
}

const meets = (point: SweepPoint, threshold: CascadeThreshold): boolean =>
  threshold.kind === 'notional'
    ? point.liquidatedNotional >= threshold.value
    : Math.abs(point.endogenousMove) >= threshold.value

/** The first sweep point past the threshold, then bisection between it and the point before. */
function criticalShock(
  points: SweepPoint[],
  threshold: CascadeThreshold,
  at: (shock: number) => SweepPoint
): CriticalShock | null {
  const first = points.findIndex((p) => meets(p, threshold))
  if (first < 0) return null
  let hit = points[first]
  if (first > 0) {
    let safe = points[first - 1].shock
    for (let i = 0; i < REFINE_STEPS; i++) {
      const mid = at((safe + hit.shock) / 2)
      if (meets(mid, threshold)) hit = mid
      else safe = mid.shock
    }
  }
  return { threshold, shock: hit.shock, finalPrice: hit.finalPrice }
}

/**
 * Where on the price axis the book feeds on itself: moving the price one bin further crosses the
 * liquidations in that bin, and their flow (impact measured from the start price) moves it by
 * `gain` bins. A gain of 1 or more is a runaway zone: once there, the price does not stop by itself.
 */
export function gainProfile(
  ladder: LiquidationLadder,
  startPrice: number,
  model: ImpactModel,
  reach: number,
  step: number
): GainProfile {
  const direction = ladder.direction
  const bins = Math.max(1, Math.ceil(Math.abs(reach) / step - 1e-9))
  const prices: number[] = []
  for (let j = 0; j <= bins; j++) prices.push(Math.max(0, startPrice * (1 + direction * j * step)))
  const pushed = prices.map((price) => {
    const crossed = crossedCount(ladder, price)
    const flow = { notional: ladder.cumNotional[crossed], quantity: ladder.cumQuantity[crossed] }
    return model.priceAfter(startPrice, direction, flow)
  })
  const gains: number[] = []
  for (let j = 0; j < bins; j++) {
    const width = Math.abs(prices[j + 1] - prices[j])
    gains.push(width > 0 ? Math.abs(pushed[j + 1] - pushed[j]) / width : 0)
  }
  const runawayZones: GainProfile['runawayZones'] = []
  for (let j = 0; j < bins; j++) {
    if (gains[j] < 1) continue
    const last = runawayZones[runawayZones.length - 1]
    if (last && last.to === prices[j]) {
      last.to = prices[j + 1]
      last.peakGain = Math.max(last.peakGain, gains[j])
    } else runawayZones.push({ from: prices[j], to: prices[j + 1], peakGain: gains[j] })
  }
  return { prices, gains, runawayZones }
}
