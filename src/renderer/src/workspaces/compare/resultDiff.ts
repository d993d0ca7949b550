import { impactLabel } from '../../impactLabel'
import type { RunResults } from '../runResults'

export type MetricFormat = 'price' | 'money' | 'percent' | 'count'

export interface ResultRow {
  metric: string
  format: MetricFormat
  a: number | null
  b: number | null
  /** b − a, when both have it. */
  delta: number | null
}

export interface ResultDiff {
  rows: ResultRow[]
  /** Set when the two runs were not asked the same question, so their numbers differ by design. */
  caveat: string | null
}

const describe = (run: RunResults): string =>
  `${run.shock > 0 ? '+' : '−'}${Math.abs(run.shock * 100).toFixed(2)}% on ${run.underlying}, ${impactLabel(run.result?.impact ?? { ...run.impact })}`

/** The headline numbers of two workspaces' last runs, side by side with their difference. */
export function diffResults(a: RunResults | null, b: RunResults | null): ResultDiff {
  const pick = (run: RunResults | null, read: (run: RunResults) => number | null | undefined) => {
    const value = run ? read(run) : null
    return value === undefined || value === null || !Number.isFinite(value) ? null : value
  }
  const row = (
    metric: string,
    format: MetricFormat,
    read: (run: RunResults) => number | null | undefined
  ): ResultRow => {
    const left = pick(a, read)
    const right = pick(b, read)
    return {
      metric,
      format,
      a: left,
      b: right,
      delta: left !== null && right !== null ? right - left : null
    }
  }
  const rows = [
    row('Final price', 'price', (run) => run.result?.summary.finalPrice),
    row('Total move', 'percent', (run) => run.result?.summary.totalMove),
    row('Liquidated longs', 'money', (run) => run.result?.long.notional),
    row('Liquidated shorts', 'money', (run) => run.result?.short.notional),
    row('Positions liquidated', 'count', (run) => run.result?.summary.liquidatedCount),
    row('Shortfall beyond margin', 'money', (run) => run.result?.shortfall),
    row('Lending bad debt', 'money', (run) => run.result?.lending.badDebt),
    row('Critical shock', 'percent', (run) => run.sweep?.critical?.shock)
  ]
  let caveat: string | null = null
  if (a?.result && b?.result && describe(a) !== describe(b))
    caveat = `A ran ${describe(a)}; B ran ${describe(b)}: the numbers answer different questions`
  else if (!a?.result || !b?.result)
    caveat = `${!a?.result ? 'A' : 'B'} has no saved run: open it and run the shock, then save`
  return { rows, caveat }
}
