import { cascadeDetails } from '../../engine/cascade/cascadeDetails'
import { runCascade } from '../../engine/cascade/runCascade'
import { AAVE_V3_RULES } from '../../engine/lending/closeFactor'
import { lendingOutcome } from '../../engine/lending/lendingCascade'
import { analyseMarket, issuesOf, MARKET_HELP, MARKET_OPTIONS, marketReport } from '../analysis'
import { flag, stringOption } from '../args'
import { BOOK_HELP, BOOK_OPTIONS, loadBookSource } from '../bookSource'
import { CliError } from '../cliError'
import type { Command } from '../command'
import { count, money, percent, price, table } from '../format'
import { IMPACT_HELP, IMPACT_OPTIONS, impactModelFor } from '../impactOptions'
import { printImportSummary, rejectedExitCode } from '../importReport'
import { Output } from '../output'
import { parseMove } from '../quantities'

const ROUNDS_SHOWN = 40

export const shockCommand: Command = {
  name: 'shock',
  summary: 'apply an exogenous price shock and run the liquidation cascade to its fixed point',
  usage: `cascade shock (FILE | --sample) --shock -8% [options]

${BOOK_HELP}
  --shock MOVE          the exogenous move: -8% (or -0.08) for a fall, +5% for a rise
${MARKET_HELP}
${IMPACT_HELP}
  --json                the full result as JSON (documented in docs/cli.md)`,
  options: {
    ...BOOK_OPTIONS,
    ...MARKET_OPTIONS,
    ...IMPACT_OPTIONS,
    shock: { type: 'string' },
    json: { type: 'boolean' }
  },
  async run(args, io) {
    const shockText = stringOption(args, 'shock')
    if (shockText === undefined) throw new CliError('shock: give --shock, e.g. --shock -8%')
    const shock = parseMove('shock', shockText)
    if (shock <= -1)
      throw new CliError(`--shock: a fall of 100% or more leaves no price, got ${shockText}`)
    const loaded = await loadBookSource('shock', args)
    const direction = shock > 0 ? 1 : -1
    const analysis = analyseMarket(loaded, args, direction)
    const model = impactModelFor(args, loaded.defaultImpact, analysis.underlying)
    const ladder = analysis.ladder(direction)
    const run = runCascade({ ladder, startPrice: analysis.startPrice, shock, model })
    // Who was liquidated, by id and account, is only in the JSON report.
    const details = cascadeDetails(loaded.book, analysis.table, ladder, run, {
      perPosition: flag(args, 'json')
    })
    const lending = lendingOutcome(loaded.lending, ladder, run, loaded.prices, AAVE_V3_RULES)
    const out = new Output(io.stdout)
    if (flag(args, 'json')) {
      await out.line(
        JSON.stringify({
          ...marketReport('shock', loaded, analysis, model),
          summary: run.summary,
          liquidated: {
            long: details.long,
            short: details.short,
            byVenue: details.byVenue,
            byAccount: details.byAccount,
            ids: details.liquidatedIds
          },
          bankruptcyShortfall: details.bankruptcyShortfall,
          lending,
          rounds: run.rounds,
          issues: issuesOf(loaded, analysis.table)
        })
      )
    } else {
      const s = run.summary
      await printImportSummary(out, loaded)
      await out.line(
        `Market ${s.underlying}: start ${price(s.startPrice)}, shock ${percent(s.exogenousMove)} to ${price(s.shockedPrice)}`
      )
      await out.line(
        `Impact model: ${Object.entries(model.describe())
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`
      )
      await out.line()
      await out.line(
        `Final price      ${price(s.finalPrice)}   (total ${percent(s.totalMove)}, of which endogenous ${percent(s.endogenousMove)})`
      )
      await out.line(`Amplification    ${s.amplification.toFixed(3)}x`)
      await out.line(
        `Liquidated       ${count(details.long.count)} long ${money(details.long.notional)}, ${count(details.short.count)} short ${money(details.short.notional)}`
      )
      await out.line(`Shortfall        ${money(details.bankruptcyShortfall)} beyond margin`)
      await out.line(
        `Lending          ${count(lending.liquidatedCount)} liquidated, ${money(lending.repaidDebt)} repaid, bad debt ${money(lending.badDebt)}`
      )
      await out.line(`Rounds           ${count(s.roundCount)}`)
      await out.line()
      const rounds = run.rounds
        .slice(0, ROUNDS_SHOWN)
        .map((r) => [
          String(r.round),
          price(r.priceBefore),
          price(r.priceAfter),
          count(r.liquidatedCount),
          money(r.liquidatedNotional),
          money(r.cumulativeNotional),
          r.byVenue.map((v) => `${v.venue} ${money(v.notional)}`).join(', ')
        ])
      for (const text of table(
        [
          'round',
          'price before',
          'price after',
          'liquidated',
          'notional',
          'cumulative',
          'by venue'
        ],
        rounds
      ))
        await out.line(text)
      if (run.rounds.length > ROUNDS_SHOWN)
        await out.line(`... ${run.rounds.length - ROUNDS_SHOWN} more rounds (--json has them all)`)
      await out.line()
      const venues = details.byVenue.map((v) => [v.venue, count(v.count), money(v.notional)])
      for (const text of table(['venue', 'positions', 'notional'], venues)) await out.line(text)
      const issues = issuesOf(loaded, analysis.table)
      if (issues.length > 0) {
        await out.line()
        await out.line(`${issues.length} position(s) without a liquidation price:`)
        for (const issue of issues.slice(0, 20)) await out.line(`  ${issue.reason}`)
      }
    }
    await out.flush()
    return rejectedExitCode(loaded, io)
  }
}
