import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { CsvError, parse } from 'csv-parse/sync'
import { headerKey } from '../../engine/import/mapping/headerKey'
import { parseDecimal, parseFraction, parseLeverage } from '../../engine/import/numberNotation'
import {
  tierMeasureOf,
  tierRecordsOf,
  type TierBounds,
  type TierRow
} from '../../engine/import/tiers/tierRows'
import { buildTierTable, TierTableError, type TierTable } from '../../engine/margin/tierTable'
import { createTierRegistry, type TierRegistry } from '../../engine/margin/tierRegistry'

type TierColumn =
  | 'symbol'
  | 'floor'
  | 'cap'
  | 'sizeFloor'
  | 'sizeCap'
  | 'contractsFloor'
  | 'contractsCap'
  | 'contractValue'
  | 'rate'
  | 'amount'
  | 'maxLeverage'

/** Column names of our own files and of the venues' tier endpoints, by header key. */
const TIER_COLUMNS: Readonly<Record<string, TierColumn>> = Object.fromEntries(
  (
    [
      ['symbol', ['symbol', 'instId', 'instFamily', 'coin', 'market']],
      ['floor', ['notional_floor', 'notionalFloor', 'floor', 'min_notional']],
      ['cap', ['notional_cap', 'notionalCap', 'cap', 'max_notional', 'riskLimitValue']],
      ['sizeFloor', ['size_floor', 'min_size']],
      ['sizeCap', ['size_cap', 'max_size']],
      // OKX's position tiers count contracts: minSz/maxSz, with the instrument's ctVal.
      ['contractsFloor', ['contracts_floor', 'minSz']],
      ['contractsCap', ['contracts_cap', 'maxSz']],
      ['contractValue', ['contract_value', 'ctVal']],
      [
        'rate',
        [
          'maintenance_margin_rate',
          'maintMarginRatio',
          'maintenanceMargin',
          'mmr',
          'maintenance_margin_ratio'
        ]
      ],
      ['amount', ['maintenance_amount', 'cum', 'mmDeduction', 'maintenance_deduction']],
      ['maxLeverage', ['max_leverage', 'maxLeverage', 'initialLeverage', 'maxLever']]
    ] as const
  ).flatMap(([column, names]) => names.map((name) => [headerKey(name), column]))
)

interface ParsedRow {
  record: Record<string, string>
  info: { lines: number }
}

function readRows(path: string): ParsedRow[] {
  try {
    return parse(readFileSync(path, 'utf8'), {
      columns: (header: string[]) =>
        header.map((name) => TIER_COLUMNS[headerKey(name)] ?? `extra:${name}`),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true
    }) as ParsedRow[]
  } catch (error) {
    if (error instanceof CsvError) throw new TierTableError(`tier table ${path}: ${error.message}`)
    throw error
  }
}

function cellNumber(
  row: ParsedRow,
  column: TierColumn,
  read: (text: string) => number | null,
  where: string
): number | null {
  const text = row.record[column]
  if (text === undefined || text === '') return null
  const value = read(text)
  if (value === null) {
    throw new TierTableError(
      `${where}, line ${row.info.lines}: ${column} is not a number: "${text}"`
    )
  }
  return value
}

/** The columns each kind of tier bound is read from. */
const BOUND_COLUMNS: Readonly<Record<TierBounds, readonly [TierColumn, TierColumn]>> = {
  notional: ['floor', 'cap'],
  size: ['sizeFloor', 'sizeCap'],
  contracts: ['contractsFloor', 'contractsCap']
}

/** How a table writes its bounds, from its columns: one way per table, so none is ignored. */
function boundsOf(rows: readonly ParsedRow[], where: string): TierBounds {
  const first = rows[0]
  if (!first) return 'notional'
  const given = (Object.keys(BOUND_COLUMNS) as TierBounds[]).filter((bounds) =>
    BOUND_COLUMNS[bounds].some((column) => first.record[column] !== undefined)
  )
  if (given.length === 0) {
    throw new TierTableError(
      `${where}: needs tier bounds: notional_floor or notional_cap, size_floor or size_cap, or contracts_floor or contracts_cap (OKX's minSz/maxSz) with contract_value (ctVal)`
    )
  }
  if (given.length > 1) {
    throw new TierTableError(
      `${where}: gives tier bounds in more than one unit (${given.join(' and ')}): a table counts notional, size or contracts`
    )
  }
  return given[0]
}

function tierRow(row: ParsedRow, bounds: TierBounds, where: string): TierRow {
  const [floor, cap] = BOUND_COLUMNS[bounds]
  return {
    line: row.info.lines,
    floor: cellNumber(row, floor, parseDecimal, where),
    cap: cellNumber(row, cap, parseDecimal, where),
    rate: cellNumber(row, 'rate', parseFraction, where),
    amount: cellNumber(row, 'amount', parseDecimal, where),
    maxLeverage: cellNumber(row, 'maxLeverage', parseLeverage, where),
    contractValue: cellNumber(row, 'contractValue', parseDecimal, where)
  }
}

function tableOf(rows: readonly ParsedRow[], venue: string, symbol: string): TierTable {
  const where = `tier table ${venue}/${symbol}`
  const bounds = boundsOf(rows, where)
  return buildTierTable(
    venue,
    symbol,
    tierRecordsOf(
      rows.map((row) => tierRow(row, bounds, where)),
      where,
      bounds
    ),
    tierMeasureOf(bounds)
  )
}

/** Reads one `<venue>/<SYMBOL>.csv` tier table (see resources/tiers/README.md), validated. */
export function loadTierFile(path: string, venue: string, symbol: string): TierTable {
  return tableOf(readRows(path), venue, symbol)
}

/**
 * Reads a venue's tier tables for many symbols from one file with a symbol column (the shape of
 * Binance's leverage brackets, Bybit's risk limits or OKX's position tiers flattened to CSV), one
 * table per symbol, tiers in file order, each validated.
 */
export function loadVenueTierFile(path: string, venue: string): TierTable[] {
  const rows = readRows(path)
  if (rows.length > 0 && rows[0].record.symbol === undefined) {
    throw new TierTableError(`tier table ${path}: a venue file needs a symbol column`)
  }
  const bySymbol = new Map<string, ParsedRow[]>()
  for (const row of rows) {
    const symbol = row.record.symbol
    if (symbol === '')
      throw new TierTableError(`tier table ${path}, line ${row.info.lines}: the symbol is blank`)
    const list = bySymbol.get(symbol) ?? []
    list.push(row)
    bySymbol.set(symbol, list)
  }
  if (bySymbol.size === 0) throw new TierTableError(`tier table ${path}: no tiers`)
  return [...bySymbol].map(([symbol, symbolRows]) => tableOf(symbolRows, venue, symbol))
}

function tablesInDir(dir: string): TierTable[] {
  const tables: TierTable[] = []
  for (const venue of readdirSync(dir)) {
    const venueDir = join(dir, venue)
    if (!statSync(venueDir).isDirectory()) continue
    for (const file of readdirSync(venueDir)) {
      if (!file.toLowerCase().endsWith('.csv')) continue
      tables.push(loadTierFile(join(venueDir, file), venue, basename(file, '.csv')))
    }
  }
  return tables
}

/** Every table under `dir`, one folder per venue; later directories override earlier ones. */
export function loadTierRegistry(...dirs: string[]): TierRegistry {
  return createTierRegistry(dirs.flatMap(tablesInDir))
}

const VENUE_FILE = /^([A-Za-z][\w.-]*)=(.+)$/

/**
 * Tier tables from folders (`<venue>/<SYMBOL>.csv` inside) and venue files (`binance=brackets.csv`,
 * a symbol column inside), in order: a later source overrides an earlier one's symbols.
 */
export function loadTierSources(...sources: string[]): TierRegistry {
  return createTierRegistry(
    sources.flatMap((source) => {
      const venueFile = VENUE_FILE.exec(source)
      return venueFile
        ? loadVenueTierFile(venueFile[2], venueFile[1].toLowerCase())
        : tablesInDir(source)
    })
  )
}
