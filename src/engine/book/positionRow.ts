export type Side = 1 | -1
export type ContractKind = 'linear' | 'inverse'
export type MarginMode = 'isolated' | 'cross'

/**
 * One position as a row, the shape import produces and edits use. Units follow the contract:
 * `size` is base quantity for linear contracts and quote contract value (USD) for inverse ones;
 * `margin`, `maintenanceAmount` and `walletBalance` are in the margin currency (quote for linear,
 * the coin for inverse). `null` means "not given": derived or looked up later.
 */
export interface PositionRow {
  id: string
  account: string
  venue: string
  symbol: string
  contract: ContractKind
  side: Side
  size: number
  entryPrice: number
  marginMode: MarginMode
  /** Isolated margin; derived from size, entry and leverage when absent. */
  margin: number | null
  leverage: number | null
  /** Overrides the venue tier table when given. */
  mmr: number | null
  maintenanceAmount: number | null
  /** The cross account's balance, the same on every row of the account. */
  walletBalance: number | null
  markPrice: number | null
  /** Columns the canonical layout does not know, kept as they came. */
  extra?: Record<string, string>
}

/** A row to fill field by field: readers that reuse one row for every record start from this. */
export const blankPositionRow = (): PositionRow => ({
  id: '',
  account: '',
  venue: '',
  symbol: '',
  contract: 'linear',
  side: 1,
  size: 0,
  entryPrice: 0,
  marginMode: 'isolated',
  margin: null,
  leverage: null,
  mmr: null,
  maintenanceAmount: null,
  walletBalance: null,
  markPrice: null
})
