import { blankPositionRow, type PositionRow, type Side } from '../../engine/book/positionRow'
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
import {
  READ_ENTRY_PRICE,
  READ_LEVERAGE,
  READ_MAINTENANCE_AMOUNT,
  READ_MARGIN,
  READ_MARK_PRICE,
  READ_MMR,
  READ_NUMBERS,
  READ_SIZE,
  READ_WALLET_BALANCE
} from '../../engine/book/readPositions'
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

/**
 * Writes a number cell to `numbers[slot]`, NaN when blank; false when it is unreadable or out of
 * bounds, for readPosition to explain. Into a column, not returned: a returned number is a boxed
 * one, eight per record.
 */
function readNumber(
  record: PlainFields,
  column: number,
  bound: Bound,
  parse: (text: string) => number | null,
  numbers: Float64Array,
  slot: number
): boolean {
  const start = startOf(record, column)
  const end = endOf(record, column)
  if (start === end) {
    numbers[slot] = NaN
    return true
  }
  let value = plainDecimalAt(record.bytes, start, end)
  // A plain decimal holds no blanks; other spellings are read as text, once known trimmed.
  if (Number.isNaN(value)) {
    if (!isTrimmed(record, column)) return false
    const parsed = parse(latin1Text(record.bytes, start, end))
    if (parsed === null) return false
    value = parsed
  }
  numbers[slot] = value
  return bound.accepts(value)
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

/** A plainly read position besides its numbers. */
export interface PlainPosition {
  side: Side
  inverse: boolean
  cross: boolean
  /** Strings from the reader's word tables: the same spelling is the same string object. */
  venue: string
  symbol: string
}

/**
 * Reads a record's position from its bytes, or null to have readPosition read it from text. Its
 * numbers go to `numbers[at + READ_SIZE ...]` as ReadPositions lays them out (NaN where blank,
 * the margin derived from leverage where an isolated row gives none); the slots may be written
 * when it answers null. The answer is reused for the next record: take it before reading another.
 */
export type PlainPositionReader = (
  record: PlainFields,
  numbers: Float64Array,
  at: number
) => PlainPosition | null

/**
 * Reads canonical position records straight from their bytes, for the records that are plainly
 * valid: ASCII cells without blanks around them, numbers in range, listed words. It answers null
 * for every other record, and the caller reads that one through readPosition, which then gives
 * the row or the reason for rejecting it. Where it answers, it answers what readPosition gives
 * for the same text, value for value (a property test holds it to that); it skips making a string
 * of every cell, which was most of a 1M-row import's time and garbage. Ids and accounts it leaves
 * where they are (positionNameBytes), for a caller that copies their bytes.
 */
export function createPlainPositionReader(header: PositionHeader): PlainPositionReader {
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
  const position: PlainPosition = { side: 1, inverse: false, cross: false, venue: '', symbol: '' }

  return (record, numbers, at) => {
    if (!record.ascii || record.count !== header.width) return null
    const { bytes, starts, ends } = record
    const { id, symbol, account, venue } = columns
    if (isBlank(record, id) || isBlank(record, symbol)) return null
    if (!isTrimmed(record, id) || !isTrimmed(record, symbol)) return null
    if (!isTrimmed(record, account) || !isTrimmed(record, venue)) return null
    const side = wordAt(record, columns.side, sides)
    const contract = wordAt(record, columns.contract, contracts)
    const marginMode = wordAt(record, columns.marginMode, marginModes)
    if (side === null || side === LEAVE || contract === LEAVE || marginMode === LEAVE) return null
    const cross = marginMode === 'cross'
    if (
      !readNumber(record, columns.size, POSITIVE, parseDecimal, numbers, at + READ_SIZE) ||
      !readNumber(
        record,
        columns.entryPrice,
        POSITIVE,
        parseDecimal,
        numbers,
        at + READ_ENTRY_PRICE
      ) ||
      !readNumber(record, columns.leverage, LEVERAGE, parseLeverage, numbers, at + READ_LEVERAGE) ||
      !readNumber(record, columns.margin, NON_NEGATIVE, parseDecimal, numbers, at + READ_MARGIN) ||
      !readNumber(record, columns.mmr, MAINTENANCE_RATE, parseFraction, numbers, at + READ_MMR) ||
      !readNumber(
        record,
        columns.maintenanceAmount,
        NON_NEGATIVE,
        parseDecimal,
        numbers,
        at + READ_MAINTENANCE_AMOUNT
      ) ||
      !readNumber(record, columns.markPrice, POSITIVE, parseDecimal, numbers, at + READ_MARK_PRICE)
    ) {
      return null
    }
    const size = numbers[at + READ_SIZE]
    const entryPrice = numbers[at + READ_ENTRY_PRICE]
    if (Number.isNaN(size) || Number.isNaN(entryPrice)) return null
    // An amount without a rate is refused: readPosition says why.
    if (
      Number.isNaN(numbers[at + READ_MMR]) &&
      !Number.isNaN(numbers[at + READ_MAINTENANCE_AMOUNT])
    )
      return null
    numbers[at + READ_WALLET_BALANCE] = NaN
    if (cross) {
      const balance = at + READ_WALLET_BALANCE
      if (!readNumber(record, columns.walletBalance, NON_NEGATIVE, parseDecimal, numbers, balance))
        return null
      if (Number.isNaN(numbers[balance]) || isBlank(record, account)) return null
    }
    const inverse = contract === 'inverse'
    if (!cross && Number.isNaN(numbers[at + READ_MARGIN])) {
      const leverage = numbers[at + READ_LEVERAGE]
      if (Number.isNaN(leverage)) return null
      numbers[at + READ_MARGIN] = inverse
        ? size / entryPrice / leverage
        : (size * entryPrice) / leverage
    }
    position.side = side
    position.inverse = inverse
    position.cross = cross
    position.venue = isBlank(record, venue)
      ? DEFAULT_VENUE
      : venues.valueAt(bytes, starts[venue], ends[venue])
    position.symbol = symbols.valueAt(bytes, starts[symbol], ends[symbol])
    return position
  }
}

/**
 * The plain reader's answer as a row, with its id, account and extra cells, for an import that
 * reads on the calling thread and assembles rows.
 */
export function createPlainRowReader(
  header: PositionHeader
): (record: PlainFields) => PositionRow | null {
  const readPosition = createPlainPositionReader(header)
  const numbers = new Float64Array(READ_NUMBERS)
  const names = new Int32Array(4)
  const row = blankPositionRow()
  const optional = (slot: number): number | null =>
    Number.isNaN(numbers[slot]) ? null : numbers[slot]
  // Consecutive rows often share an account: its string is made once for the run.
  let lastAccountBytes = new Uint8Array(64)
  let lastAccountLength = -1
  let lastAccountText = ''

  return (record) => {
    const position = readPosition(record, numbers, 0)
    if (!position) return null
    const { bytes } = record
    positionNameBytes(record, header, names)
    row.id = latin1Text(bytes, names[0], names[1])
    row.account =
      names[2] === names[0] && names[3] === names[1]
        ? row.id
        : accountText(bytes, names[2], names[3])
    row.venue = position.venue
    row.symbol = position.symbol
    row.contract = position.inverse ? 'inverse' : 'linear'
    row.side = position.side
    row.size = numbers[READ_SIZE]
    row.entryPrice = numbers[READ_ENTRY_PRICE]
    row.marginMode = position.cross ? 'cross' : 'isolated'
    // A cross row's margin is the one it gives, else none: its account's wallet margins it.
    row.margin = optional(READ_MARGIN)
    row.leverage = optional(READ_LEVERAGE)
    row.mmr = optional(READ_MMR)
    row.maintenanceAmount = optional(READ_MAINTENANCE_AMOUNT)
    row.walletBalance = optional(READ_WALLET_BALANCE)
    row.markPrice = optional(READ_MARK_PRICE)
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
