import { csvNumber, csvText } from '../../../../shared/csvCell'
import { STEP_FLOWS, STEP_LEVELS, type ScenarioRun } from '../../../../shared/scenarioRunTypes'
import { pointStep } from '../../charts/timelineAxis'

/**
 * One market's timeline as CSV, a row per point: its last step and time, every series (flows
 * summed over the point's steps, levels at its last step), and every venue's fund added up.
 */
export function timelineCsv(run: ScenarioRun, market: number): string {
  const { underlying, series } = run.markets[market]
  const names = [...STEP_LEVELS, ...STEP_FLOWS]
  const header = ['market', 'step', 'seconds', ...names, 'insuranceFund'].map(csvText).join(',')
  const rows = Array.from({ length: run.points }, (_, p) => {
    const step = pointStep(run, p)
    return [
      csvText(underlying),
      csvNumber(step),
      csvNumber(step * run.stepSeconds),
      ...names.map((name) => csvNumber(series[name][p])),
      csvNumber(run.insuranceFund[p])
    ].join(',')
  })
  return [header, ...rows].join('\n') + '\n'
}
