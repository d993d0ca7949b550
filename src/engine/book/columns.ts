import type { ContractKind, MarginMode, Side } from './positionRow'
import type { StringIndex } from './stringIndex'

export const LINEAR = 0
export const INVERSE = 1
export const ISOLATED = 0
export const CROSS = 1

/**
 * The position book, column-wise: one typed array per numeric field, string tables for names.
 * Arrays may be longer than `length` (spare capacity for appends); only `[0, length)` is live.
 * Optional numbers are NaN when absent.
 */
export interface Book {
  length: number
  ids: string[]
  account: Uint32Array
  venue: Uint16Array
  symbol: Uint16Array
  side: Int8Array
  contract: Uint8Array
  marginMode: Uint8Array
  size: Float64Array
  entryPrice: Float64Array
  margin: Float64Array
  leverage: Float64Array
  mmr: Float64Array
  maintenanceAmount: Float64Array
  markPrice: Float64Array
  accounts: StringIndex
  venues: StringIndex
  symbols: StringIndex
  /** Per account code: the cross wallet balance (NaN for accounts with no cross position). */
  walletBalance: Float64Array
  /** Unknown import columns, by column name, sparse by position index. */
  extra: Map<string, Map<number, string>>
}

/** The per-position numbers, in the order the book keeps them. */
export const NUMERIC_COLUMNS = [
  'size',
  'entryPrice',
  'margin',
  'leverage',
  'mmr',
  'maintenanceAmount',
  'markPrice'
] as const

/** Every per-position typed column: codes into the string tables and enums, then the numbers. */
export const POSITION_COLUMNS = [
  'account',
  'venue',
  'symbol',
  'side',
  'contract',
  'marginMode',
  ...NUMERIC_COLUMNS
] as const

export const sideOf = (code: number): Side => (code >= 0 ? 1 : -1)
export const contractOf = (code: number): ContractKind => (code === INVERSE ? 'inverse' : 'linear')
export const marginModeOf = (code: number): MarginMode => (code === CROSS ? 'cross' : 'isolated')
