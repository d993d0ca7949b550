import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A tier table read straight from resources/tiers, independent of the engine's own loader. */
export interface TierFile {
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

/** Hyperliquid files give max leverage only: the rate is half the initial margin at it. */
export function readTierFile(venue: string, symbol: string): TierFile {
  const [header, ...lines] = readFileSync(tierFilePath(venue, symbol), 'utf8').trim().split(/\r?\n/)
  const columns = header.toLowerCase().split(',')
  const floorColumn = columns.indexOf('notional_floor')
  const rateColumn = columns.indexOf('maintenance_margin_rate')
  const leverageColumn = columns.indexOf('max_leverage')
  const cells = lines.map((line) => line.split(',').map(Number))
  return {
    floors: cells.map((row) => row[floorColumn]),
    rates: cells.map((row) => (rateColumn >= 0 ? row[rateColumn] : 1 / (2 * row[leverageColumn])))
  }
}

/** The rate of the tier holding this notional (in the table's unit: the coin for inverse tables). */
export function tierRateAt(table: TierFile, notional: number): number {
  let rate = table.rates[0]
  for (let i = 0; i < table.floors.length && table.floors[i] <= notional; i++) rate = table.rates[i]
  return rate
}
