import type { MonteCarloSummary } from '../../engine/montecarlo/summarizeMonteCarlo'
import type { PreparedTimeline } from '../../engine/timeline/prepareTimeline'
import type { MonteCarloView } from '../../shared/monteCarloTypes'
import { strideFor } from './scenarioRunView'

/** Each point's last step of a per-step series. */
function everyStride(values: readonly number[], stride: number): number[] {
  const out: number[] = []
  for (let p = 0; p * stride < values.length; p++)
    out.push(values[Math.min(values.length - 1, (p + 1) * stride - 1)])
  return out
}

/** A Monte Carlo summary as the renderer draws it: fan charts binned like the timeline's series. */
export function monteCarloView(
  prepared: Pick<PreparedTimeline, 'scenario' | 'plan'>,
  summary: MonteCarloSummary,
  meta: { runId: number; bookVersion: number; workers: number; elapsedMs: number }
): MonteCarloView {
  const { scenario, plan } = prepared
  const stride = strideFor(plan.steps)
  return {
    ...meta,
    scenario,
    requestedPaths: summary.requestedPaths,
    completedPaths: summary.completedPaths,
    complete: summary.complete,
    steps: plan.steps,
    stepSeconds: plan.stepSeconds,
    stride,
    levels: [...scenario.monteCarlo.levels],
    percentiles: [...scenario.monteCarlo.percentiles],
    metrics: summary.metrics,
    markets: summary.markets.map((market, m) => ({
      underlying: plan.markets[m].underlying,
      startPrice: plan.markets[m].startPrice,
      metrics: market.metrics,
      fan: {
        percentiles: market.fan.percentiles,
        values: market.fan.values.map((values) => everyStride(values, stride))
      },
      zones: market.zones.map(({ direction, from, to, peakGain, reached, crossed }) => ({
        direction,
        from,
        to,
        peakGain,
        reached,
        crossed
      }))
    }))
  }
}
