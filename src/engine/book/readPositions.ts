/**
 * Positions already read and checked cell by cell, held column-wise (an import worker's batch), so
 * the book assembler takes each without a row object: a row per position cost a large import a
 * boxed number per field and a string per name. Position `k`'s numbers are
 * `numbers[k * READ_NUMBERS + READ_SIZE ...]`, NaN where the cell was blank. Venue and symbol are
 * codes into names the source keeps; a code always stands for the same name.
 */
export interface ReadPositions {
  readonly side: Int8Array
  /** 1 for an inverse contract, 0 for a linear one. */
  readonly inverse: Uint8Array
  /** 1 for cross margin, 0 for isolated. */
  readonly cross: Uint8Array
  readonly venue: Uint32Array
  readonly symbol: Uint32Array
  readonly numbers: Float64Array
  venueName(code: number): string
  symbolName(code: number): string
  id(k: number): string
  account(k: number): string
}

export const READ_NUMBERS = 8
export const READ_SIZE = 0
export const READ_ENTRY_PRICE = 1
export const READ_MARGIN = 2
export const READ_LEVERAGE = 3
export const READ_MMR = 4
export const READ_MAINTENANCE_AMOUNT = 5
export const READ_MARK_PRICE = 6
export const READ_WALLET_BALANCE = 7
