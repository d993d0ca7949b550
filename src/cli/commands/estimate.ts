import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import type { Writable } from 'node:stream'
import { estimateBand } from '../../engine/estimate/estimateBand'
import { estimateBook } from '../../engine/estimate/estimateBook'
import { EstimateError } from '../../engine/estimate/estimateError'
import { LEVERAGE_MIXES } from '../../engine/estimate/estimateAssumptions'
import type { CandleSeries } from '../../engine/estimate/marketSeries'
import { formatPositionCsvLine, positionCsvHeader } from '../../engine/sample/formatCanonicalCsv'
import { loadCandlesFile } from '../../main/marketData/candleFile'
import { loadOpenInterestFile } from '../../main/marketData/openInterestFile'
import { flag, stringOption } from '../args'
import { CliError } from '../cliError'
import type { Command } from '../command'
import { assumptionsFromArgs, binCount } from '../estimateArgs'
import { Output } from '../output'

async function writeTo(
  path: string | undefined,
  stdout: Writable,
  write: (out: Output) => Promise<void>
) {
  const stream = path ? createWriteStream(path) : stdout
  const failed = new Promise<never>((_, reject) => stream.once('error', reject))
  const out = new Output(stream)
  await Promise.race([write(out).then(() => out.flush()), failed])
  if (path) {
    stream.end()
    await finished(stream)
  }
}

function required(args: Parameters<Command['run']>[0], name: string): string {
  const value = stringOption(args, name)
  if (!value)
    throw new CliError(`estimate: --${name} FILE is required; see cascade estimate --help`)
  return value
}

function priceRange(candles: CandleSeries): { low: number; high: number } {
  let low = Infinity
  let high = 0
  for (let i = 0; i < candles.low.length; i++) {
    low = Math.min(low, candles.low[i])
    high = Math.max(high, candles.high[i])
  }
  // Liquidation levels of the surviving positions lie around the traded range.
  return { low: low * 0.5, high: high * 1.5 }
}

/** JSON has no typed arrays and no NaN. */
const plain = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))
  )

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'an estimated book from price candles and open interest history, as canonical CSV',
  usage: `cascade estimate --candles FILE --oi FILE [--mix NAME|LIST] [--out FILE] [options]

  --candles FILE        price candles: Binance klines (with or without header), Bybit klines or any
                        timestamp,open,high,low,close[,volume,taker_buy_volume] export
  --oi FILE             open interest history: Binance futures metrics (create_time,symbol,
                        sum_open_interest,...), Bybit openInterest, or timestamp,open_interest
  --oi-unit base|quote  read the open interest as base units or quote value (default: from the header)
  --symbol S            the market (default: the open interest file's symbol column)
  --venue V             the venue of the estimated positions (default: estimated)
  --mix NAME|LIST       leverage mix: low, mid (default), high, or 5x:0.3,10x:0.4,25x:0.3
  --long-share taker|F  split new open interest by taker buy share (default) or a fixed long share
  --entry typical|open|close  the price a bar's new positions opened at (default: typical)
  --mmr RATE            maintenance margin rate of the estimated positions (default 0.5%)
  --keep-liquidated     keep positions whose liquidation price the candles crossed
  --out FILE            where to write (default: standard output)
  --band                instead of a book: liquidation notional per price bin for the low, mid and
                        high mixes and their envelope, as JSON
  --bins N              price bins of --band (default 50)

The assumptions and what the inference did (opened, closed, liquidated open interest) go to
standard error, or into the JSON of --band.`,
  options: {
    candles: { type: 'string' },
    oi: { type: 'string' },
    'oi-unit': { type: 'string' },
    symbol: { type: 'string' },
    venue: { type: 'string' },
    mix: { type: 'string' },
    'long-share': { type: 'string' },
    entry: { type: 'string' },
    mmr: { type: 'string' },
    'keep-liquidated': { type: 'boolean' },
    out: { type: 'string' },
    band: { type: 'boolean' },
    bins: { type: 'string' }
  },
  async run(args, io) {
    const unit = stringOption(args, 'oi-unit')
    if (unit !== undefined && unit !== 'base' && unit !== 'quote')
      throw new CliError(`--oi-unit: base or quote, got "${unit}"`)
    const candles = loadCandlesFile(required(args, 'candles'))
    const openInterest = loadOpenInterestFile(required(args, 'oi'), unit)
    const assumptions = assumptionsFromArgs(args, openInterest.symbol)
    try {
      if (flag(args, 'band')) {
        const band = estimateBand(candles, openInterest, assumptions, LEVERAGE_MIXES, {
          ...priceRange(candles),
          count: binCount(args)
        })
        await writeTo(stringOption(args, 'out'), io.stdout, (out) =>
          out.line(JSON.stringify(plain({ command: 'estimate', assumptions, band })))
        )
        return 0
      }
      const { rows, summary } = estimateBook(candles, openInterest, assumptions)
      await writeTo(stringOption(args, 'out'), io.stdout, async (out) => {
        await out.line(positionCsvHeader())
        for (const row of rows) await out.line(formatPositionCsvLine(row))
      })
      io.stderr.write(
        `${JSON.stringify(plain({ assumptions, summary, positions: rows.length }))}\n`
      )
      return 0
    } catch (error) {
      if (error instanceof EstimateError) throw new CliError(`estimate: ${error.message}`)
      throw error
    }
  }
}
