import { buildLiquidationLadder, type LiquidationLadder } from '../engine/cascade/liquidationLadder'
import { INVERSE } from '../engine/book/columns'
import { AAVE_V3_RULES } from '../engine/lending/closeFactor'
import { lendingUnits } from '../engine/lending/lendingCascade'
import { computeLiquidationTable, type LiquidationTable } from '../engine/margin/liquidationTable'
import { underlyingOf } from '../engine/market/underlyingOf'
import type { ImpactModel } from '../engine/impact/impactModel'
import { ENGINE_VERSION } from '../engine/version'
import { stringOption, type OptionSpec, type ParsedArgs } from './args'
import type { LoadedBook } from './bookSource'
import { CliError } from './cliError'

export const MARKET_OPTIONS: OptionSpec = { market: { type: 'string' } }

export const MARKET_HELP = `  --market M            the market to shock (BTC, ETH, or a symbol like BTCUSDT); default: the
                        market of the only --price given, else the one with the most notional`

export interface MarketAnalysis {
  table: LiquidationTable
  underlying: string
  startPrice: number
  /** Built on first use: each is a sort of the book's liquidation prices. */
  ladder(direction: -1 | 1): LiquidationLadder
}

/** Notional at the mark by underlying, to pick the market that matters most. */
function notionalByUnderlying(loaded: LoadedBook): Map<string, number> {
  const { book, prices } = loaded
  const underlyings = book.symbols.names.map(underlyingOf)
  const marks = underlyings.map((underlying) => prices.get(underlying) ?? 0)
  // Summed by symbol code first: a map entry per position would box a million numbers.
  const bySymbol = new Float64Array(underlyings.length)
  for (let i = 0; i < book.length; i++) {
    const symbol = book.symbol[i]
    bySymbol[symbol] += book.contract[i] === INVERSE ? book.size[i] : book.size[i] * marks[symbol]
  }
  const totals = new Map<string, number>()
  underlyings.forEach((underlying, symbol) =>
    totals.set(underlying, (totals.get(underlying) ?? 0) + bySymbol[symbol])
  )
  return totals
}

/**
 * The market to shock, its liquidation table and ladders. With one `direction` (a shock of known
 * sign), only the isolated positions that direction liquidates are solved.
 */
export function analyseMarket(
  loaded: LoadedBook,
  args: ParsedArgs,
  direction?: -1 | 1
): MarketAnalysis {
  const asked = stringOption(args, 'market')
  const totals = notionalByUnderlying(loaded)
  const underlying = asked
    ? underlyingOf(asked)
    : (loaded.pricedMarket ?? [...totals].sort((a, b) => b[1] - a[1])[0]?.[0])
  if (!underlying) throw new CliError('the book has no positions to shock')
  const startPrice = loaded.prices.get(underlying)
  if (startPrice === undefined) {
    const known = [...totals.keys()].join(', ')
    throw new CliError(
      `--market ${asked}: no market ${underlying} in the book (markets: ${known}); or give --price ${underlying}=<price>`
    )
  }
  // The cascade moves one market: the other markets' positions need no liquidation price.
  // A fall liquidates longs, a rise shorts.
  const isolatedSide = direction === undefined ? undefined : direction < 0 ? 1 : -1
  const table = computeLiquidationTable(loaded.book, loaded.registry, loaded.prices, {
    underlying,
    isolatedSide
  })
  const built = new Map<number, LiquidationLadder>()
  const ladder = (wanted: -1 | 1): LiquidationLadder => {
    if (direction !== undefined && wanted !== direction)
      throw new Error(`the table was solved for a ${direction < 0 ? 'fall' : 'rise'} only`)
    let found = built.get(wanted)
    if (!found) {
      const lending = lendingUnits(loaded.lending, underlying, wanted, loaded.prices, AAVE_V3_RULES)
      built.set(
        wanted,
        (found = buildLiquidationLadder(loaded.book, table, underlying, wanted, lending))
      )
    }
    return found
  }
  return { table, underlying, startPrice, ladder }
}

/** The fields every market command's JSON starts with (docs/cli.md, "Common fields"). */
export function marketReport(
  command: string,
  loaded: LoadedBook,
  analysis: MarketAnalysis,
  model: ImpactModel
) {
  return {
    command,
    engineVersion: ENGINE_VERSION,
    source: loaded.source,
    import: loaded.imports,
    market: { underlying: analysis.underlying, startPrice: analysis.startPrice },
    impact: model.describe()
  }
}

export const issuesOf = (
  loaded: LoadedBook,
  table: LiquidationTable
): { id: string; reason: string }[] =>
  table.issues.map((issue) => ({ id: loaded.book.ids[issue.index], reason: issue.reason }))
