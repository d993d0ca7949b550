import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * A tier table read straight from resources/tiers, independent of the engine's own loader.
 * `measure` says what the floors count: notional in the margin currency, or position size (base
 * coin for linear contracts; contract tables are turned into sizes with their contract value).
 */
export interface TierFile {
  measure: 'notional' | 'size'
  floors: number[]
  rates: number[]
}

const TIERS_DIR = fileURLToPath(new URL('../../../resources/tiers/', import.meta.url))

export function tierFilePath(venue: string, symbol: string): string {
  return `${TIERS_DIR}${venue}/${symbol}.csv`
}

export function hasTierFile(venue: string, symbol: string): boolean {
  return existsSync(tierFilePath(venue, symbol))
}

/**
 * Floors as the table's measure counts them. Bounds in contracts become sizes through the
 * contract value on each row. Where caps are given, a tier starts at the previous cap: OKX
 * numbers a floor one contract above the previous cap (3,001 after 3,000), but a size tier covers
 * every size above the previous cap, fractional contracts included.
 */
function floorsOf(columns: string[], cells: number[][]): Pick<TierFile, 'measure' | 'floors'> {
  const column = (name: string) => columns.indexOf(name)
  if (column('notional_floor') >= 0 || column('notional_cap') >= 0) {
    const floor = column('notional_floor')
    const cap = column('notional_cap')
    const floors =
      floor >= 0
        ? cells.map((row) => row[floor])
        : cells.map((_, i) => (i === 0 ? 0 : cells[i - 1][cap]))
    return { measure: 'notional', floors }
  }
  const contracts = column('contracts_floor') >= 0 || column('contracts_cap') >= 0
  const prefix = contracts ? 'contracts' : 'size'
  const floor = column(`${prefix}_floor`)
  const cap = column(`${prefix}_cap`)
  const value = column('contract_value')
  if (floor < 0 && cap < 0) throw new Error(`tier file columns ${columns.join(',')}: no floors`)
  if (contracts && value < 0) throw new Error('contract tier file without contract_value')
  const sizeOf = (row: number[], bound: number) => (contracts ? bound * row[value] : bound)
  const floors = cells.map((row, i) => {
    if (i === 0) return 0
    if (cap >= 0) return sizeOf(cells[i - 1], cells[i - 1][cap])
    return sizeOf(row, row[floor])
  })
  return { measure: 'size', floors }
}

/** Hyperliquid files give max leverage only: the rate is half the initial margin at it. */
export function readTierFile(venue: string, symbol: string): TierFile {
  const [header, ...lines] = readFileSync(tierFilePath(venue, symbol), 'utf8').trim().split(/\r?\n/)
  const columns = header.toLowerCase().split(',')
  const rateColumn = columns.indexOf('maintenance_margin_rate')
  const leverageColumn = columns.indexOf('max_leverage')
  const cells = lines.map((line) => line.split(',').map(Number))
  return {
    ...floorsOf(columns, cells),
    rates: cells.map((row) => (rateColumn >= 0 ? row[rateColumn] : 1 / (2 * row[leverageColumn])))
  }
}

/**
 * The rate of the tier holding a position of this notional (in the table's unit: the coin for
 * inverse tables) and size. Notional tiers start at their floor; size tiers cover sizes above
 * their floor up to and including their cap, as the venue (OKX) counts them.
 */
export function tierRateAt(table: TierFile, notional: number, size: number): number {
  const inTier =
    table.measure === 'size'
      ? (floor: number) => floor < size
      : (floor: number) => floor <= notional
  let rate = table.rates[0]
  for (let i = 0; i < table.floors.length && inTier(table.floors[i]); i++) rate = table.rates[i]
  return rate
}
