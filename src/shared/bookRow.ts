/** The book as the grid sees it: stored fields, computed risk columns, and which may be edited. */

export const STORED_COLUMNS = [
  'id',
  'account',
  'venue',
  'symbol',
  'contract',
  'side',
  'size',
  'entryPrice',
  'marginMode',
  'margin',
  'leverage',
  'mmr',
  'maintenanceAmount',
  'walletBalance'
] as const

/** Derived in main from the liquidation table; never edited. */
export const COMPUTED_COLUMNS = [
  'markPrice',
  'notional',
  'liquidationPrice',
  'bankruptcyPrice',
  'distance',
  'marginRatio'
] as const

export const BOOK_COLUMNS = [...STORED_COLUMNS, ...COMPUTED_COLUMNS] as const

export type StoredColumn = (typeof STORED_COLUMNS)[number]
export type ComputedColumn = (typeof COMPUTED_COLUMNS)[number]
export type BookColumn = (typeof BOOK_COLUMNS)[number]

/** Columns holding words rather than numbers: filtered as text, sorted by name. */
export const TEXT_COLUMNS = [
  'id',
  'account',
  'venue',
  'symbol',
  'contract',
  'side',
  'marginMode'
] as const satisfies readonly BookColumn[]

export type TextColumn = (typeof TEXT_COLUMNS)[number]
export type NumberColumn = Exclude<BookColumn, TextColumn>

export const isTextColumn = (column: BookColumn): column is TextColumn =>
  (TEXT_COLUMNS as readonly string[]).includes(column)

/** Each stored column under the name the importer and its error messages use. */
export const CSV_FIELD_OF: Record<StoredColumn, string> = {
  id: 'id',
  account: 'account',
  venue: 'venue',
  symbol: 'symbol',
  contract: 'contract',
  side: 'side',
  size: 'size',
  entryPrice: 'entry_price',
  marginMode: 'margin_mode',
  margin: 'margin',
  leverage: 'leverage',
  mmr: 'mmr',
  maintenanceAmount: 'maintenance_amount',
  walletBalance: 'wallet_balance'
}

/**
 * One position as the grid shows it. Numbers that do not exist (no liquidation price, a margin
 * left to the leverage) are null rather than NaN, so rows survive JSON as well as IPC.
 */
export interface BookRow {
  id: string
  account: string
  venue: string
  symbol: string
  contract: 'linear' | 'inverse'
  side: 'long' | 'short'
  size: number
  entryPrice: number
  marginMode: 'isolated' | 'cross'
  margin: number | null
  leverage: number | null
  mmr: number | null
  maintenanceAmount: number | null
  walletBalance: number | null
  /** The price the risk is measured at: the market's, else the row's own mark. */
  markPrice: number | null
  /** Quote notional at the mark. */
  notional: number | null
  liquidationPrice: number | null
  bankruptcyPrice: number | null
  /** Fraction of the mark the price must move to liquidate; 0 = liquidatable now. */
  distance: number | null
  /** Equity over maintenance margin at the mark. */
  marginRatio: number | null
  /** Why the position has no liquidation price, when it has none for a reason. */
  issue: string | null
}

export const NUMBER_COLUMNS: readonly NumberColumn[] = BOOK_COLUMNS.filter(
  (column): column is NumberColumn => !isTextColumn(column)
)
