import { basename, join } from 'node:path'
import { appendPosition, createBook } from '../engine/book/book'
import type { Book } from '../engine/book/columns'
import { groupLendingLegs, type LendingPosition } from '../engine/lending/lendingBook'
import { underlyingOf } from '../engine/market/underlyingOf'
import { tierCoverage, type TierRegistry } from '../engine/margin/tierRegistry'
import { SAMPLE_MARKETS } from '../engine/sample/sampleMarkets'
import { samplePositions } from '../engine/sample/samplePositions'
import { sampleLendingLegs } from '../engine/sample/sampleLendingLegs'
import { importLendingFile, importPositionFiles } from '../main/import/importFiles'
import type { ImportSummary } from '../main/import/importSummary'
import type { ImpactSpec } from '../engine/impact/createImpactModel'
import { loadTierSources } from '../main/marketData/tierFiles'
import { resourcesDir } from '../main/resourcesDir'
import { loadSampleWorkspace, type SampleWorkspace } from '../main/sampleWorkspace'
import { flag, listOption, stringOption, type OptionSpec, type ParsedArgs } from './args'
import { CliError } from './cliError'
import { MAPPING_HELP, MAPPING_OPTIONS, mappingOptions, mergeMode } from './mappingArgs'
import { parsePriceAssignment } from './quantities'

export const BOOK_OPTIONS: OptionSpec = {
  sample: { type: 'boolean' },
  lending: { type: 'string' },
  tiers: { type: 'string', multiple: true },
  price: { type: 'string', multiple: true },
  ...MAPPING_OPTIONS
}

export const BOOK_HELP = `  FILE...               positions CSVs (canonical columns, see README, or a venue's export with
                        --preset), merged into one book; or
  --sample              the built-in sample book instead of a file
  --lending FILE        lending legs CSV (account,protocol,asset,role,amount,liquidation_threshold,liquidation_bonus)
  --price MARKET=P      market price, repeatable (BTC=61800 or BTCUSDT=61800); default: the file's mark_price
  --tiers DIR|VENUE=FILE  extra tier tables, overriding the shipped ones: a folder of <venue>/<SYMBOL>.csv,
                        or one venue's table with a symbol column (binance=brackets.csv); repeatable
${MAPPING_HELP}`

export interface LoadedBook {
  source: string
  book: Book
  lending: LendingPosition[]
  imports: { positions: ImportSummary | null; lending: ImportSummary | null }
  prices: Map<string, number>
  /** The market named by the only --price given, the natural one to shock. */
  pricedMarket: string | null
  registry: TierRegistry
  sample: SampleWorkspace | null
  /** Liquidity models per underlying: the sample workspace's, the defaults for the same markets in any book. */
  defaultImpact: ReadonlyMap<string, ImpactSpec>
}

export async function loadBookSource(command: string, args: ParsedArgs): Promise<LoadedBook> {
  const useSample = flag(args, 'sample')
  const files = args.positionals
  if (useSample === files.length > 0) {
    throw new CliError(
      `${command}: give a positions FILE or --sample (not both; several FILEs merge into one book); see cascade ${command} --help`
    )
  }
  const registry = loadTierSources(join(resourcesDir(), 'tiers'), ...listOption(args, 'tiers'))
  const mapping = await mappingOptions(args)
  const workspace = loadSampleWorkspace()
  const sample = useSample ? workspace : null
  let book: Book
  let positionsSummary: ImportSummary | null = null
  if (sample) {
    book = createBook(sample.positions.rows)
    for (const row of samplePositions(sample.positions)) appendPosition(book, row)
  } else {
    const imported = await importPositionFiles(files, {
      ...mapping.positions,
      merge: mergeMode(args),
      canResolveMaintenance: tierCoverage(registry)
    })
    book = imported.book
    positionsSummary = combinedSummary(imported.files, imported.notes)
  }
  const lendingFile = stringOption(args, 'lending')
  let lending: LendingPosition[] = []
  let lendingSummary: ImportSummary | null = null
  if (lendingFile) {
    const imported = await importLendingFile(lendingFile, mapping.lending)
    lending = groupLendingLegs(imported.legs)
    lendingSummary = imported.summary
  } else if (sample) {
    lending = groupLendingLegs(sampleLendingLegs(sample.lending))
  }
  return {
    source: sample
      ? `built-in sample (${sample.positions.rows} positions, seed ${sample.positions.seed})`
      : files.join(', '),
    book,
    lending,
    imports: { positions: positionsSummary, lending: lendingSummary },
    prices: marketPrices(book, listOption(args, 'price'), sample !== null),
    pricedMarket: onlyPricedMarket(listOption(args, 'price')),
    registry,
    sample,
    defaultImpact: workspace.impact
  }
}

/**
 * One summary for several files, as the reports print a single positions import: counts add up,
 * each rejected row names its file.
 */
function combinedSummary(
  files: readonly ImportSummary[],
  mergeNotes: readonly string[]
): ImportSummary {
  if (files.length === 1 && mergeNotes.length === 0) return files[0]
  const named = (summary: ImportSummary, text: string) => `${basename(summary.file)}: ${text}`
  const notes = [
    ...files.flatMap((summary) => (summary.notes ?? []).map((note) => named(summary, note))),
    ...mergeNotes
  ]
  return {
    file: files.map((summary) => summary.file).join(', '),
    delimiter: files[0].delimiter,
    read: files.reduce((sum, summary) => sum + summary.read, 0),
    imported: files.reduce((sum, summary) => sum + summary.imported, 0),
    rejected: files.reduce((sum, summary) => sum + summary.rejected, 0),
    errors: files.flatMap((summary) =>
      summary.errors.map((error) => ({ ...error, reason: named(summary, error.reason) }))
    ),
    extraColumns: [...new Set(files.flatMap((summary) => summary.extraColumns))],
    ...(notes.length > 0 ? { notes } : {})
  }
}

function onlyPricedMarket(assignments: readonly string[]): string | null {
  return assignments.length === 1 ? underlyingOf(parsePriceAssignment(assignments[0]).market) : null
}

/** --price first, then the sample markets, then the most common mark_price per underlying. */
function marketPrices(
  book: Book,
  assignments: readonly string[],
  isSample: boolean
): Map<string, number> {
  const prices = new Map<string, number>()
  if (isSample) for (const market of SAMPLE_MARKETS) prices.set(market.underlying, market.price)
  const marks = new Map<string, Map<number, number>>()
  const underlyings = book.symbols.names.map(underlyingOf)
  const count = (symbol: number, mark: number, times: number): void => {
    const underlying = underlyings[symbol]
    const counts = marks.get(underlying) ?? new Map<number, number>()
    counts.set(mark, (counts.get(mark) ?? 0) + times)
    marks.set(underlying, counts)
  }
  // Counted in runs of one mark per symbol: a map update per position would box a million marks.
  const runMark = new Float64Array(underlyings.length)
  const runLength = new Float64Array(underlyings.length)
  for (let i = 0; i < book.length; i++) {
    const mark = book.markPrice[i]
    if (!(mark > 0)) continue
    const symbol = book.symbol[i]
    if (mark === runMark[symbol]) runLength[symbol]++
    else {
      // Markets keep the order they first appear in, as the output lists them.
      if (!marks.has(underlyings[symbol])) marks.set(underlyings[symbol], new Map())
      if (runLength[symbol] > 0) count(symbol, runMark[symbol], runLength[symbol])
      runMark[symbol] = mark
      runLength[symbol] = 1
    }
  }
  runLength.forEach((times, symbol) => {
    if (times > 0) count(symbol, runMark[symbol], times)
  })
  for (const [underlying, counts] of marks) {
    if (prices.has(underlying)) continue
    const [mostCommon] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]
    prices.set(underlying, mostCommon)
  }
  for (const text of assignments) {
    const { market, price } = parsePriceAssignment(text)
    prices.set(underlyingOf(market), price)
  }
  return prices
}
