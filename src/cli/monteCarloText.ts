import type { Distribution } from '../engine/montecarlo/distribution'
import type { MonteCarloSummary } from '../engine/montecarlo/summarizeMonteCarlo'
import { count, money, percent, price, table } from './format'
import type { Output } from './output'

const FAN_ROWS = 10

type Format = (value: number) => string

const LABELS: [keyof MonteCarloSummary['metrics'], string, Format][] = [
  ['liquidatedNotional', 'liquidated', money],
  ['liquidatedLong', '  long', money],
  ['liquidatedShort', '  short', money],
  ['deleveragedNotional', 'ADL', money],
  ['badDebt', 'bad debt', money],
  ['lendingBadDebt', '  lending', money],
  ['perpBadDebt', '  perps', money],
  ['insurancePaid', 'funds paid', money],
  ['insuranceFundEnd', 'funds left', money],
  ['maxEndogenousDrawdown', 'max endogenous drawdown', (v) => percent(-v)],
  ['maxDislocation', 'max |dislocation|', (v) => percent(v).replace('+', '')],
  ['peakQueue', 'peak queue', money]
]

function row(label: string, d: Distribution, format: Format, levels: readonly number[]): string[] {
  const p = (q: number): string => format(d.percentiles.find((x) => x.p === q)?.value ?? NaN)
  const tail = levels.flatMap((level) => {
    const risk = d.tail.find((x) => x.level === level)
    return risk ? [format(risk.valueAtRisk), format(risk.expectedShortfall)] : ['', '']
  })
  return [label, format(d.mean), p(0.5), ...tail]
}

/** The Monte Carlo summary: loss distributions with VaR/ES, runaway zones, the fan chart. */
export async function printMonteCarlo(
  out: Output,
  summary: MonteCarloSummary,
  context: {
    underlyings: string[]
    focus: number
    steps: number
    workers: number
    seconds: number
    levels: readonly number[]
  }
): Promise<void> {
  const state = summary.complete
    ? ''
    : ` (cancelled: ${count(summary.completedPaths)} of ${count(summary.requestedPaths)} paths finished)`
  await out.line(
    `Monte Carlo: ${count(summary.completedPaths)} paths on ${context.workers} worker(s) in ${context.seconds.toFixed(1)} s${state}`
  )
  await out.line()
  const levels = context.levels
  const header = [
    '',
    'mean',
    'median',
    ...levels.flatMap((l) => [`VaR ${l * 100}%`, `ES ${l * 100}%`])
  ]
  const rows = LABELS.map(([key, label, format]) =>
    row(label, summary.metrics[key], format, levels)
  )
  for (const text of table(header, rows)) await out.line(text)
  const zones = summary.markets.flatMap((market) => market.zones)
  if (zones.length > 0) {
    await out.line()
    await out.line(
      'Runaway zones at the start (reflexivity gain >= 1) and how often the price reached / crossed them:'
    )
    for (const zone of zones) {
      await out.line(
        `  ${context.underlyings[zone.market]} ${zone.direction < 0 ? 'fall' : 'rise'} ${price(zone.from)} to ${price(zone.to)} (peak gain ${zone.peakGain.toFixed(2)}): reached ${percent(zone.reached).replace('+', '')}, crossed ${percent(zone.crossed).replace('+', '')}`
      )
    }
  }
  const fan = summary.markets[context.focus].fan
  await out.line()
  await out.line(`Fan chart of ${context.underlyings[context.focus]} (price percentiles by step):`)
  const stride = Math.max(1, Math.ceil(context.steps / FAN_ROWS))
  const fanRows: string[][] = []
  for (let t = stride - 1; t < context.steps; t += stride)
    fanRows.push([String(t), ...fan.values.map((series) => price(series[t]))])
  if (fanRows[fanRows.length - 1]?.[0] !== String(context.steps - 1))
    fanRows.push([
      String(context.steps - 1),
      ...fan.values.map((series) => price(series[context.steps - 1]))
    ])
  const fanHeader = ['step', ...fan.percentiles.map((p) => `p${Math.round(p * 100)}`)]
  for (const text of table(fanHeader, fanRows)) await out.line(text)
}
