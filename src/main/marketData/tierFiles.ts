import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { CsvError, parse } from 'csv-parse/sync'
import {
  buildTierTable,
  TierTableError,
  type TierRecord,
  type TierTable
} from '../../engine/margin/tierTable'
import { createTierRegistry, type TierRegistry } from '../../engine/margin/tierRegistry'

interface ParsedRow {
  record: Record<string, string>
  info: { lines: number }
}

const optionalNumber = (text: string | undefined): number | null =>
  text === undefined || text.trim() === '' ? null : Number(text.trim())

/** Reads one `<venue>/<SYMBOL>.csv` tier table (see resources/tiers/README.md), validated. */
export function loadTierFile(path: string, venue: string, symbol: string): TierTable {
  let rows: ParsedRow[]
  try {
    rows = parse(readFileSync(path, 'utf8'), {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true
    }) as ParsedRow[]
  } catch (error) {
    if (error instanceof CsvError) throw new TierTableError(`tier table ${path}: ${error.message}`)
    throw error
  }
  const records: TierRecord[] = rows.map(({ record, info }) => {
    if (record.notional_floor === undefined) {
      throw new TierTableError(`tier table ${path}: needs a notional_floor column`)
    }
    return {
      line: info.lines,
      notionalFloor: Number(record.notional_floor),
      maintenanceMarginRate: optionalNumber(record.maintenance_margin_rate),
      maintenanceAmount: optionalNumber(record.maintenance_amount),
      maxLeverage: optionalNumber(record.max_leverage)
    }
  })
  return buildTierTable(venue, symbol, records)
}

/** Every table under `dir`, one folder per venue; later directories override earlier ones. */
export function loadTierRegistry(...dirs: string[]): TierRegistry {
  const tables: TierTable[] = []
  for (const dir of dirs) {
    for (const venue of readdirSync(dir)) {
      const venueDir = join(dir, venue)
      if (!statSync(venueDir).isDirectory()) continue
      for (const file of readdirSync(venueDir)) {
        if (!file.toLowerCase().endsWith('.csv')) continue
        tables.push(loadTierFile(join(venueDir, file), venue, basename(file, '.csv')))
      }
    }
  }
  return createTierRegistry(tables)
}
