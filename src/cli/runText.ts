import { count, price } from './format'
import { printImportSummary } from './importReport'
import { printMonteCarlo } from './monteCarloText'
import type { Output } from './output'
import type { RunReport } from './runReport'
import { clock, printTimelineTable, printTimelineTotals } from './timelineText'

/** `cascade run` as text: the scenario, the timeline table, the totals, the Monte Carlo summary. */
export async function printRun(out: Output, report: RunReport): Promise<void> {
  const { loaded, prepared, run, source, monteCarlo, focus, every } = report
  const { scenario, plan } = prepared
  const underlyings = scenario.markets.map((market) => market.underlying)
  await printImportSummary(out, loaded)
  await out.line(
    `Scenario: ${scenario.name} (${source}), seed ${scenario.seed}: ${count(scenario.steps)} steps of ${scenario.stepSeconds} s (${clock(scenario.steps * scenario.stepSeconds)})`
  )
  if (prepared.skippedMarkets.length > 0)
    await out.line(
      `Left out (not in the book, no startPrice): ${prepared.skippedMarkets.join(', ')}`
    )
  for (const market of plan.markets) {
    // The order-book model's fit details are in --json; one line per market here.
    const impact = Object.entries(market.model.describe())
      .filter(([key]) => !/Depth(Anchor|R2|Fit)/.test(key))
      .map(([key, value]) => `${key}=${value}`)
      .join(', ')
    await out.line(`  ${market.underlying.padEnd(6)} start ${price(market.startPrice)}; ${impact}`)
  }
  await out.line()
  await out.line(
    `Timeline of ${underlyings[focus]} (path ${run.path}${every > 1 ? `, a row per ${every} steps` : ''}):`
  )
  await printTimelineTable(out, run, focus, every)
  await out.line()
  await printTimelineTotals(out, run, {
    book: loaded.book,
    table: prepared.table,
    timelineBook: prepared.timelineBook
  })
  if (!monteCarlo) return
  await out.line()
  await printMonteCarlo(out, monteCarlo.summary, {
    underlyings,
    focus,
    steps: scenario.steps,
    workers: monteCarlo.workers,
    seconds: monteCarlo.seconds,
    levels: scenario.monteCarlo.levels
  })
}
