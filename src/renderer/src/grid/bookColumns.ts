import type { BookColumn, StoredColumn } from '../../../shared/bookRow'
import { STORED_COLUMNS } from '../../../shared/bookRow'
import { leverage, money, multiple, percent, price } from '../format'

export interface ColumnSpec {
  column: BookColumn
  header: string
  width: number
  /** Shown until the user hides it in the column chooser. */
  visible: boolean
  format?: (value: number | null) => string
  /** Shown as a percentage, so filter values are typed in percent too. */
  percent?: boolean
  /** The words a cell accepts: edited with a drop-down instead of free text. */
  choices?: readonly string[]
  tooltip?: string
}

/** Made once: `toLocaleString` with options would build a formatter for every cell. */
const plainFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 })
const plain = (value: number | null): string => (value === null ? '—' : plainFormat.format(value))
const percentOf = (digits: number) => (value: number | null) => percent(value, digits)
const ratio = (value: number | null): string => (value === null ? '∞' : multiple(value, 2))

/** The grid's columns in order: stored fields are editable, computed ones follow every edit. */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  { column: 'id', header: 'ID', width: 112, visible: true },
  { column: 'venue', header: 'Venue', width: 96, visible: true },
  { column: 'symbol', header: 'Symbol', width: 112, visible: true },
  { column: 'side', header: 'Side', width: 66, visible: true, choices: ['long', 'short'] },
  { column: 'size', header: 'Size', width: 92, visible: true, format: plain },
  { column: 'entryPrice', header: 'Entry', width: 92, visible: true, format: price },
  {
    column: 'liquidationPrice',
    header: 'Liq. price',
    width: 96,
    visible: true,
    format: price,
    tooltip: 'Where the position (a cross account: the whole account) is liquidated'
  },
  {
    column: 'distance',
    header: 'To liq.',
    width: 76,
    visible: true,
    format: percentOf(2),
    percent: true,
    tooltip: 'How far the price must move to liquidate, as a share of the mark'
  },
  {
    column: 'marginRatio',
    header: 'Margin ratio',
    width: 94,
    visible: true,
    format: ratio,
    tooltip: 'Equity over maintenance margin at the mark'
  },
  {
    column: 'bankruptcyPrice',
    header: 'Bankr. price',
    width: 96,
    visible: true,
    format: price,
    tooltip: 'Where the margin is gone: past it, losses fall on the venue'
  },
  { column: 'markPrice', header: 'Mark', width: 88, visible: true, format: price },
  { column: 'notional', header: 'Notional', width: 84, visible: true, format: money },
  { column: 'leverage', header: 'Lev.', width: 58, visible: true, format: leverage },
  { column: 'margin', header: 'Margin', width: 88, visible: true, format: plain },
  {
    column: 'marginMode',
    header: 'Mode',
    width: 76,
    visible: true,
    choices: ['isolated', 'cross']
  },
  { column: 'account', header: 'Account', width: 96, visible: true },
  {
    column: 'contract',
    header: 'Contract',
    width: 80,
    visible: false,
    choices: ['linear', 'inverse']
  },
  {
    column: 'mmr',
    header: 'MMR',
    width: 66,
    visible: false,
    format: percentOf(2),
    tooltip: 'Maintenance margin rate; blank means the venue tier table applies'
  },
  { column: 'maintenanceAmount', header: 'Maint. amt', width: 90, visible: false, format: plain },
  { column: 'walletBalance', header: 'Wallet', width: 96, visible: false, format: plain }
]

export const isStoredColumn = (column: string): column is StoredColumn =>
  (STORED_COLUMNS as readonly string[]).includes(column)

/** The risk band a distance to liquidation falls in, for colouring. */
export function riskBand(distance: number | null): 'now' | 'high' | 'mid' | 'watch' | null {
  if (distance === null) return null
  if (distance <= 0) return 'now'
  if (distance < 0.025) return 'high'
  if (distance < 0.05) return 'mid'
  if (distance < 0.1) return 'watch'
  return null
}
