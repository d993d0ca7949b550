import type { ScenarioRun } from '../../../shared/scenarioRunTypes'

/**
 * Where point p of a run sits on the step axis: its last step, where its levels were read. A
 * heatmap column spans half a step either side of the point's steps.
 */
export const pointStep = (run: Pick<ScenarioRun, 'stride' | 'steps'>, p: number): number =>
  Math.min(run.steps - 1, (p + 1) * run.stride - 1)

const pad = (value: number): string => String(Math.floor(value)).padStart(2, '0')

/**
 * Time since the start: `m:ss` within the first hour, `3h25` within two days, `3d 2h00` beyond,
 * so an axis of a 15-second or an hourly scenario reads naturally and never ambiguously.
 */
export function clock(seconds: number): string {
  const sign = seconds < 0 ? '−' : ''
  const s = Math.abs(seconds)
  if (s < 3600) return `${sign}${Math.floor(s / 60)}:${pad(s % 60)}`
  if (s < 2 * 86_400) return `${sign}${Math.floor(s / 3600)}h${pad((s % 3600) / 60)}`
  return `${sign}${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h${pad((s % 3600) / 60)}`
}

/** A step as the scrubber names it, by the time it starts: `step 120 · 30:00`. */
export const stepLabel = (step: number, stepSeconds: number): string =>
  `step ${step.toLocaleString('en-US')} · ${clock(step * stepSeconds)}`

const NICE_SECONDS = [
  1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 21_600, 43_200, 86_400, 172_800,
  604_800
]

/** A tick spacing on a clock (15 s, 5 min, 1 h, 1 d...) giving about `ticks` ticks over `total` seconds. */
export function niceTimeInterval(total: number, ticks = 6): number {
  const wanted = total / ticks
  return NICE_SECONDS.find((seconds) => seconds >= wanted) ?? NICE_SECONDS[NICE_SECONDS.length - 1]
}
