import { ENGINE_VERSION } from '../../engine/version'
import { INVERSE } from '../../engine/book/columns'
import { computeLiquidationTable } from '../../engine/margin/liquidationTable'
import { csvNumber, csvText } from '../../shared/csvCell'
import { issuesOf } from '../analysis'
import { flag } from '../args'
import { BOOK_HELP, BOOK_OPTIONS, loadBookSource } from '../bookSource'
import { CliError } from '../cliError'
import type { Command } from '../command'
import { percent, price, table } from '../format'
import { printImportSummary, rejectedExitCode } from '../importReport'
import { Output } from '../output'

const COLUMNS = [
  'id',
  'account',
  'venue',
  'symbol',
  'side',
  'liquidation_price',
  'bankruptcy_price',
  'distance_to_liquidation',
  'margin_ratio'
] as const

/** JSON has no NaN: a missing price (no liquidation at all) is null. */
const orNull = (value: number): number | null => (Number.isFinite(value) ? value : null)

export const liqCommand: Command = {
  name: 'liq',
  summary: 'liquidation price, bankruptcy price and distance to liquidation of every position',
  usage: `cascade liq (FILE | --sample) [--json | --csv] [options]

${BOOK_HELP}
  --csv                 one CSV row per position (rejected rows go to stderr)
  --json                positions, import summary and rejected rows as JSON (docs/cli.md)

distance_to_liquidation: the fraction of the mark price the market must move against the position
before it (its account, for cross margin) is liquidated; margin_ratio: equity over maintenance margin.`,
  options: { ...BOOK_OPTIONS, json: { type: 'boolean' }, csv: { type: 'boolean' } },
  async run(args, io) {
    if (flag(args, 'json') && flag(args, 'csv'))
      throw new CliError('liq: choose --json or --csv, not both')
    const loaded = await loadBookSource('liq', args)
    const { book } = loaded
    const liq = computeLiquidationTable(book, loaded.registry, loaded.prices)
    const out = new Output(io.stdout)
    const cells = (i: number) => ({
      id: book.ids[i],
      account: book.accounts.names[book.account[i]],
      venue: book.venues.names[book.venue[i]],
      symbol: book.symbols.names[book.symbol[i]],
      side: book.side[i] > 0 ? 'long' : 'short',
      contract: book.contract[i] === INVERSE ? 'inverse' : 'linear'
    })
    if (flag(args, 'csv')) {
      await out.line(COLUMNS.join(','))
      for (let i = 0; i < book.length; i++) {
        const c = cells(i)
        const numbers = [
          liq.liquidationPrice[i],
          liq.bankruptcyPrice[i],
          liq.distance[i],
          liq.marginRatio[i]
        ]
        await out.line(
          [c.id, c.account, c.venue, c.symbol, c.side]
            .map(csvText)
            .concat(numbers.map(csvNumber))
            .join(',')
        )
      }
      for (const summary of [loaded.imports.positions, loaded.imports.lending]) {
        for (const e of summary?.errors ?? [])
          io.stderr.write(
            `${summary?.file}:${e.line}${e.column ? ` (${e.column})` : ''}: ${e.reason}\n`
          )
      }
    } else if (flag(args, 'json')) {
      const positions = []
      for (let i = 0; i < book.length; i++) {
        positions.push({
          ...cells(i),
          markPrice: orNull(liq.markPrice[i]),
          liquidationPrice: orNull(liq.liquidationPrice[i]),
          bankruptcyPrice: orNull(liq.bankruptcyPrice[i]),
          distanceToLiquidation: orNull(liq.distance[i]),
          marginRatio: orNull(liq.marginRatio[i])
        })
      }
      await out.line(
        JSON.stringify({
          command: 'liq',
          engineVersion: ENGINE_VERSION,
          source: loaded.source,
          import: loaded.imports,
          prices: Object.fromEntries(loaded.prices),
          positions,
          issues: issuesOf(loaded, liq)
        })
      )
    } else {
      await printImportSummary(out, loaded)
      const rows: string[][] = []
      for (let i = 0; i < book.length; i++) {
        const c = cells(i)
        rows.push([
          c.id,
          c.account,
          c.venue,
          c.symbol,
          c.side,
          price(liq.liquidationPrice[i]),
          price(liq.bankruptcyPrice[i]),
          percent(liq.distance[i]),
          Number.isFinite(liq.marginRatio[i]) ? liq.marginRatio[i].toFixed(2) : '-'
        ])
      }
      for (const text of table(
        [
          'id',
          'account',
          'venue',
          'symbol',
          'side',
          'liq. price',
          'bankr. price',
          'distance',
          'margin ratio'
        ],
        rows
      ))
        await out.line(text)
      const issues = issuesOf(loaded, liq)
      for (const issue of issues) await out.line(`! ${issue.reason}`)
    }
    await out.flush()
    return rejectedExitCode(loaded, io)
  }
}
