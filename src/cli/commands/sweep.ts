import { sweepShocks } from '../../engine/cascade/sweep'
import type { CascadeThreshold } from '../../shared/cascadeTypes'
import { analyseMarket, issuesOf, MARKET_HELP, MARKET_OPTIONS, marketReport } from '../analysis'
import { flag, stringOption, type ParsedArgs } from '../args'
import { BOOK_HELP, BOOK_OPTIONS, loadBookSource } from '../bookSource'
import { CliError } from '../cliError'
import type { Command } from '../command'
import { count, money, percent, price, table } from '../format'
import { IMPACT_HELP, IMPACT_OPTIONS, impactModelFor } from '../impactOptions'
import { printImportSummary, rejectedExitCode } from '../importReport'
import { Output } from '../output'
import { parseMove, parsePositive } from '../quantities'

const DEFAULT_THRESHOLD: CascadeThreshold = { kind: 'endogenous-move', value: 0.05 }

function threshold(args: ParsedArgs): CascadeThreshold {
  const move = stringOption(args, 'threshold')
  const notional = stringOption(args, 'threshold-notional')
  if (move !== undefined && notional !== undefined)
    throw new CliError('sweep: give --threshold or --threshold-notional, not both')
  if (notional !== undefined)
    return { kind: 'notional', value: parsePositive('threshold-notional', notional) }
  if (move !== undefined)
    return { kind: 'endogenous-move', value: Math.abs(parseMove('threshold', move)) }
  return DEFAULT_THRESHOLD
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary:
    'the amplification curve over a range of shocks, the critical shock and the reflexivity gain',
  usage: `cascade sweep (FILE | --sample) [--from 0%] [--to -30%] [--step 0.5%] [options]

${BOOK_HELP}
  --from MOVE, --to MOVE, --step MOVE
                        the shocks to run (default 0% to -30% by 0.5%); a positive --to sweeps rises
  --threshold MOVE      critical shock: the smallest whose cascade adds this endogenous move (default 5%)
  --threshold-notional N  ... or liquidates this much quote notional
${MARKET_HELP}
${IMPACT_HELP}
  --json                the curve, critical shock and gain profile as JSON (docs/cli.md)`,
  options: {
    ...BOOK_OPTIONS,
    ...MARKET_OPTIONS,
    ...IMPACT_OPTIONS,
    from: { type: 'string' },
    to: { type: 'string' },
    step: { type: 'string' },
    threshold: { type: 'string' },
    'threshold-notional': { type: 'string' },
    json: { type: 'boolean' }
  },
  async run(args, io) {
    const from = parseMove('from', stringOption(args, 'from') ?? '0%')
    const to = parseMove('to', stringOption(args, 'to') ?? '-30%')
    const step = Math.abs(parseMove('step', stringOption(args, 'step') ?? '0.5%'))
    if (Math.min(from, to) <= -1) throw new CliError('sweep: shocks must stay above -100%')
    if (step === 0) throw new CliError('--step: must not be 0')
    const limit = threshold(args)
    const loaded = await loadBookSource('sweep', args)
    const analysis = analyseMarket(loaded, args)
    const model = impactModelFor(args, loaded.defaultImpact, analysis.underlying)
    const sweep = sweepShocks({
      ladders: { fall: analysis.ladder(-1), rise: analysis.ladder(1) },
      startPrice: analysis.startPrice,
      model,
      from,
      to,
      step,
      threshold: limit
    })
    const out = new Output(io.stdout)
    if (flag(args, 'json')) {
      await out.line(
        JSON.stringify({
          ...marketReport('sweep', loaded, analysis, model),
          ...sweep,
          issues: issuesOf(loaded, analysis.table)
        })
      )
    } else {
      await printImportSummary(out, loaded)
      await out.line(
        `Market ${sweep.underlying}: start ${price(sweep.startPrice)}; ${count(sweep.points.length)} shocks from ${percent(from)} to ${percent(to)}`
      )
      const critical = sweep.critical
      const limitText =
        limit.kind === 'notional'
          ? `${money(limit.value)} liquidated`
          : `${percent(limit.value)} endogenous move`
      await out.line(
        critical
          ? `Critical shock   ${percent(critical.shock, 3)} (first to reach ${limitText}; final price ${price(critical.finalPrice)})`
          : `Critical shock   none in this range reaches ${limitText}`
      )
      const zones = sweep.gain.runawayZones
      await out.line(
        zones.length > 0
          ? `Runaway zones    ${zones.map((z) => `${price(z.from)} to ${price(z.to)} (peak gain ${z.peakGain.toFixed(2)})`).join('; ')}`
          : 'Runaway zones    none: the local reflexivity gain stays below 1'
      )
      await out.line()
      const rows = sweep.points.map((p) => [
        percent(p.shock),
        price(p.finalPrice),
        percent(p.totalMove),
        percent(p.endogenousMove),
        `${p.amplification.toFixed(3)}x`,
        count(p.liquidatedCount),
        money(p.liquidatedNotional),
        count(p.roundCount)
      ])
      for (const text of table(
        [
          'shock',
          'final price',
          'total',
          'endogenous',
          'amplif.',
          'liquidated',
          'notional',
          'rounds'
        ],
        rows
      )) {
        await out.line(text)
      }
    }
    await out.flush()
    return rejectedExitCode(loaded, io)
  }
}
