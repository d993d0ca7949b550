import { blankPositionRow, type PositionRow } from '../../engine/book/positionRow'
import { choiceOf } from '../../engine/import/choiceCells'
import { NON_NEGATIVE, POSITIVE, type Bound } from '../../engine/import/numberCells'
import { parseDecimal, parseFraction, parseLeverage } from '../../engine/import/numberNotation'
import type { PositionField, PositionHeader } from '../../engine/import/positionColumns'
import {
  CONTRACTS,
  DEFAULT_VENUE,
  LEVERAGE,
  MAINTENANCE_RATE,
  MARGIN_MODES,
  SIDES
} from '../../engine/import/positionRecord'
import { ByteWords } from './byteWords'
import type { PlainFields } from './csvRecord'
import { plainDecimalAt } from './plainDecimal'
import { isTrimmedByte } from './plainCsvRecords'
import { latin1Text } from './latin1Text'

/** A cell the plain reading leaves to readPosition (unreadable, out of bounds, not listed). */
const LEAVE = Symbol('leave')

/**
 * Where a plainly read record's id and account are: the account cell, or the id's when the account
 * is blank (an isolated row stands for itself). As [idStart, idEnd, accountStart, accountEnd].
 */
export function positionNameBytes(
  record: PlainFields,
  header: PositionHeader,
  into: Int32Array
): Int32Array {
  const id = header.columns.id!
  const account = header.columns.account ?? -1
  into[0] = record.starts[id]
  into[1] = record.ends[id]
  const named = account >= 0 && !isBlank(record, account)
  into[2] = named ? record.starts[account] : into[0]
  into[3] = named ? record.ends[account] : into[1]
  return into
}

/** A cell's bounds; an absent column (-1) reads as a blank cell. */
const startOf = (record: PlainFields, column: number): number =>
  column < 0 ? 0 : record.starts[column]
const endOf = (record: PlainFields, column: number): number =>
  column < 0 ? 0 : record.ends[column]
const isBlank = (record: PlainFields, column: number): boolean =>
  startOf(record, column) === endOf(record, column)

/** Whether the cell reads the same trimmed, so its bytes are its text. */
function isTrimmed(record: PlainFields, column: number): boolean {
  const start = startOf(record, column)
  const end = endOf(record, column)
  return (
    start === end || (!isTrimmedByte(record.bytes[start]) && !isTrimmedByte(record.bytes[end - 1]))
  )
}

/** A number cell: null when blank, LEAVE when unreadable or out of bounds. */
function numberAt(
  record: PlainFields,
  column: number,
  bound: Bound,
  parse: (text: string) => number | null
): number | null | typeof LEAVE {
  const start = startOf(record, column)
  const end = endOf(record, column)
  if (start === end) return null
  let value: number | null = plainDecimalAt(record.bytes, start, end)
  // A plain decimal holds no blanks; other spellings are read as text, once known trimmed.
  if (Number.isNaN(value)) {
    if (!isTrimmed(record, column)) return LEAVE
    value = parse(latin1Text(record.bytes, start, end))
  }
  return value !== null && bound.accepts(value) ? value : LEAVE
}

/** A word cell: null when blank, LEAVE when the column does not list it. */
function wordAt<T>(
  record: PlainFields,
  column: number,
  words: ByteWords<T | null>
): T | null | typeof LEAVE {
  if (isBlank(record, column)) return null
  // No listed word has blanks around it, so an untrimmed spelling reads as unlisted: LEAVE.
  return words.valueAt(record.bytes, startOf(record, column), endOf(record, column)) ?? LEAVE
}

/** Reads a record's position from its bytes, or null to have readPosition read it from text. */
export type PlainPositionReader = (record: PlainFields) => PositionRow | null

/**
 * Reads canonical position records straight from their bytes, for the records that are plainly
 * valid: ASCII cells without blanks around them, numbers in range, listed words. It answers null
 * for every other record, and the caller reads that one through readPosition, which then gives
 * the row or the reason for rejecting it. Where it answers, it answers the row readPosition gives
 * for the same text, value for value (a property test holds it to that); it skips making a string
 * of every cell, which was most of a 1M-row import's time and garbage.
 *
 * The row it returns is reused for the next record: take what it holds before reading another.
 * Without `withNames` the row's id and account stay unset, for a caller that copies their bytes
 * (positionNameBytes says where they are) rather than make strings of them.
 */
export function createPlainPositionReader(
  header: PositionHeader,
  withNames = true
): PlainPositionReader {
  const at = (field: PositionField): number => header.columns[field] ?? -1
  const columns = {
    id: at('id'),
    account: at('account'),
    venue: at('venue'),
    symbol: at('symbol'),
    contract: at('contract'),
    side: at('side'),
    size: at('size'),
    entryPrice: at('entry_price'),
    marginMode: at('margin_mode'),
    margin: at('margin'),
    leverage: at('leverage'),
    mmr: at('mmr'),
    maintenanceAmount: at('maintenance_amount'),
    walletBalance: at('wallet_balance'),
    markPrice: at('mark_price')
  }
  const sides = new ByteWords((text) => choiceOf(text, SIDES) ?? null)
  const contracts = new ByteWords((text) => choiceOf(text, CONTRACTS) ?? null)
  const marginModes = new ByteWords((text) => choiceOf(text, MARGIN_MODES) ?? null)
  const venues = new ByteWords((text) => text.toLowerCase())
  const symbols = new ByteWords((text) => text)
  const row = blankPositionRow()
  // Consecutive rows often share an account: its string is made once for the run.
  let lastAccountBytes = new Uint8Array(64)
  let lastAccountLength = -1
  let lastAccountText = ''

  return (record) => {
    if (!record.ascii || record.count !== header.width) return null
    const { bytes, starts, ends } = record
    const { id, symbol, account, venue } = columns
    if (isBlank(record, id) || isBlank(record, symbol)) return null
    if (!isTrimmed(record, id) || !isTrimmed(record, symbol)) return null
    if (!isTrimmed(record, account) || !isTrimmed(record, venue)) return null
    const side = wordAt(record, columns.side, sides)
    const size = numberAt(record, columns.size, POSITIVE, parseDecimal)
    const entryPrice = numberAt(record, columns.entryPrice, POSITIVE, parseDecimal)
    const contract = wordAt(record, columns.contract, contracts)
    const marginMode = wordAt(record, columns.marginMode, marginModes)
    const leverage = numberAt(record, columns.leverage, LEVERAGE, parseLeverage)
    const margin = numberAt(record, columns.margin, NON_NEGATIVE, parseDecimal)
    const mmr = numberAt(record, columns.mmr, MAINTENANCE_RATE, parseFraction)
    const maintenanceAmount = numberAt(
      record,
      columns.maintenanceAmount,
      NON_NEGATIVE,
      parseDecimal
    )
    const markPrice = numberAt(record, columns.markPrice, POSITIVE, parseDecimal)
    if (
      side === null ||
      side === LEAVE ||
      size === null ||
      size === LEAVE ||
      entryPrice === null ||
      entryPrice === LEAVE ||
      contract === LEAVE ||
      marginMode === LEAVE ||
      leverage === LEAVE ||
      margin === LEAVE ||
      mmr === LEAVE ||
      maintenanceAmount === LEAVE ||
      markPrice === LEAVE
    ) {
      return null
    }
    const cross = marginMode === 'cross'
    let walletBalance: number | null = null
    if (cross) {
      const given = numberAt(record, columns.walletBalance, NON_NEGATIVE, parseDecimal)
      if (given === null || given === LEAVE) return null
      walletBalance = given
    }
    row.contract = contract ?? 'linear'
    row.marginMode = cross ? 'cross' : 'isolated'
    if (margin === null && !cross) {
      if (leverage === null) return null
      row.margin =
        row.contract === 'linear' ? (size * entryPrice) / leverage : size / entryPrice / leverage
    } else row.margin = margin
    if (isBlank(record, account) && cross) return null
    if (withNames) {
      row.id = latin1Text(bytes, starts[id], ends[id])
      row.account = isBlank(record, account)
        ? row.id
        : accountText(bytes, starts[account], ends[account])
    }
    row.venue = isBlank(record, venue)
      ? DEFAULT_VENUE
      : venues.valueAt(bytes, starts[venue], ends[venue])
    row.symbol = symbols.valueAt(bytes, starts[symbol], ends[symbol])
    row.side = side
    row.size = size
    row.entryPrice = entryPrice
    row.leverage = leverage
    row.mmr = mmr
    row.maintenanceAmount = maintenanceAmount
    row.walletBalance = walletBalance
    row.markPrice = markPrice
    row.extra = extraCells(record, header)
    return row
  }

  function accountText(bytes: Buffer, start: number, end: number): string {
    const length = end - start
    let same = length === lastAccountLength
    for (let i = 0; same && i < length; i++) same = lastAccountBytes[i] === bytes[start + i]
    if (!same) {
      if (length > lastAccountBytes.length) lastAccountBytes = new Uint8Array(length * 2)
      for (let i = 0; i < length; i++) lastAccountBytes[i] = bytes[start + i]
      lastAccountLength = length
      lastAccountText = latin1Text(bytes, start, end)
    }
    return lastAccountText
  }
}

/** The non-blank cells of the columns the layout does not know, as recordCells().extra() gives them. */
function extraCells(
  record: PlainFields,
  header: PositionHeader
): Record<string, string> | undefined {
  let extra: Record<string, string> | undefined
  for (let k = 0; k < header.extra.length; k++) {
    const column = header.extraIndices[k]
    const start = record.starts[column]
    const end = record.ends[column]
    let blank = true
    for (let i = start; i < end && blank; i++) blank = isTrimmedByte(record.bytes[i])
    if (blank) continue
    extra ??= Object.create(null) as Record<string, string>
    extra[header.extra[k]] = latin1Text(record.bytes, start, end)
  }
  return extra
}
