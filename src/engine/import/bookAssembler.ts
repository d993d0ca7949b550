import { BookError, appendPosition, appendReadPosition, createBook } from '../book/book'
import type { Book } from '../book/columns'
import type { ContractKind, PositionRow } from '../book/positionRow'
import { READ_MMR, READ_NUMBERS, type ReadPositions } from '../book/readPositions'
import { StringIndex } from '../book/stringIndex'
import { quoteValue } from './quoteValue'
import type { RowError } from './rowError'

/** Whether a venue tier table covers the market, so a row may leave `mmr` out. */
export type MaintenanceResolver = (venue: string, symbol: string, contract: ContractKind) => boolean

export interface BookAssembler {
  readonly book: Book
  /** The line each position was read from, by book index. */
  readonly lines: readonly number[]
  /**
   * Appends the row, or returns why the book refuses it (the book is then unchanged). `source`
   * indexes the assembler's source names, when a book is assembled from several files.
   */
  add(row: PositionRow, line: number, source?: number): RowError | null
  /** `add` for position `k` of positions already read column-wise, from the one file. */
  addRead(read: ReadPositions, k: number, line: number): RowError | null
}

/** Venue and symbol codes live in Uint16Array columns. */
const MAX_CODES = 2 ** 16

/** The size test first: it settles every book but one with 65,536 venues, without a lookup. */
const hasRoomFor = (table: StringIndex, name: string): boolean =>
  table.size < MAX_CODES || table.has(name)

/**
 * Builds a book row by row, refusing what only the book as a whole can catch: a repeated id, an
 * account mixing linear and inverse contracts (its margin would be in two currencies), a cross
 * wallet balance that differs between an account's rows, and a row whose maintenance margin has
 * neither an `mmr` nor a tier table behind it.
 */
export function createBookAssembler(
  canResolveMaintenance?: MaintenanceResolver,
  sources?: readonly string[],
  expectedRows?: number
): BookAssembler {
  const book = createBook(expectedRows)
  const ids = new StringIndex()
  /** The line each id was first seen on, by id code: every appended id is new, so by index too. */
  const idLines: number[] = []
  /** The source each id came from, by id code, when there are several. */
  const idSources: number[] = []
  // By account code, so the book's own account table is the only account index.
  const accountContracts: ContractKind[] = []
  const accountLines: number[] = []
  /** The first row that gave the account's cross wallet balance; 0 until one does. */
  const walletLines: number[] = []

  const where = (code: number): string =>
    sources ? `line ${idLines[code]} of ${sources[idSources[code]]}` : `line ${idLines[code]}`

  function duplicateId(id: string, idCode: number, line: number): RowError {
    const reason = `duplicate id ${quoteValue(id)}, first seen on ${where(-1 - idCode)}`
    return { line, column: 'id', reason }
  }

  function mixedContracts(account: string, contract: ContractKind, line: number): RowError | null {
    const code = book.accounts.get(account)
    if (code === undefined || accountContracts[code] === contract) return null
    const reason = `account ${quoteValue(account)} mixes contracts: ${contract} here, ${accountContracts[code]} on line ${accountLines[code]}`
    return { line, column: 'contract', reason }
  }

  const noMaintenance = (venue: string, symbol: string, line: number): RowError => ({
    line,
    column: 'mmr',
    reason: `no maintenance margin: no tier table for ${venue} ${symbol} and no mmr given`
  })

  const tooManyNames = (line: number): RowError => ({
    line,
    column: null,
    reason: `more than ${MAX_CODES} distinct venues or symbols`
  })

  /** The refusal of a wallet balance that differs from its account's, or the error rethrown. */
  function walletMismatch(error: unknown, account: string, line: number): RowError {
    if (!(error instanceof BookError)) throw error
    // Only an account seen before can disagree with itself, so it has a code and a wallet line.
    const walletLine = walletLines[book.accounts.get(account)!]
    return { line, column: 'wallet_balance', reason: `${error.message} (line ${walletLine})` }
  }

  /** What the book refuses besides a repeated id. */
  function refusal(row: PositionRow, line: number): RowError | null {
    const mixed = mixedContracts(row.account, row.contract, line)
    if (mixed) return mixed
    if (
      row.mmr === null &&
      canResolveMaintenance &&
      !canResolveMaintenance(row.venue, row.symbol, row.contract)
    ) {
      return noMaintenance(row.venue, row.symbol, line)
    }
    if (!hasRoomFor(book.venues, row.venue) || !hasRoomFor(book.symbols, row.symbol)) {
      return tooManyNames(line)
    }
    return null
  }

  function remember(
    contract: ContractKind,
    cross: boolean,
    line: number,
    source: number,
    index: number
  ): void {
    idLines.push(line)
    if (sources) idSources.push(source)
    const account = book.account[index]
    accountContracts[account] ??= contract
    accountLines[account] ??= line
    if (cross) {
      // Filled densely: an array with holes turns into a slow dictionary past a million accounts.
      while (walletLines.length <= account) walletLines.push(0)
      walletLines[account] ||= line
    }
  }

  // Read positions come from one file, whose venue and symbol codes stand for the same names
  // throughout: the book's code for each, once it has one, and whether a tier table covers a
  // venue, symbol and contract, are kept by those codes, so no name is looked up per position.
  let read: ReadPositions | null = null
  const bookVenues: number[] = []
  const bookSymbols: number[] = []
  const covered = new Map<number, boolean>()

  /** Whether a tier table covers position `k`'s market, remembered by its codes when they fit. */
  function coversMaintenance(positions: ReadPositions, k: number, contract: ContractKind): boolean {
    const venue = positions.venue[k]
    const symbol = positions.symbol[k]
    const key =
      venue < MAX_CODES && symbol < MAX_CODES / 4
        ? (symbol * MAX_CODES + venue) * 2 + positions.inverse[k]
        : -1
    let answer = key >= 0 ? covered.get(key) : undefined
    if (answer === undefined) {
      answer = canResolveMaintenance!(
        positions.venueName(venue),
        positions.symbolName(symbol),
        contract
      )
      if (key >= 0) covered.set(key, answer)
    }
    return answer
  }

  function addRead(positions: ReadPositions, k: number, line: number): RowError | null {
    if (positions !== read) {
      read = positions
      bookVenues.length = bookSymbols.length = 0
      covered.clear()
    }
    const id = positions.id(k)
    const idCode = ids.tryAdd(id)
    if (idCode < 0) return duplicateId(id, idCode, line)
    const account = positions.account(k)
    const contract: ContractKind = positions.inverse[k] === 1 ? 'inverse' : 'linear'
    const venueCode = positions.venue[k]
    const symbolCode = positions.symbol[k]
    const venue = bookVenues[venueCode] ?? -1
    const symbol = bookSymbols[symbolCode] ?? -1
    let refused = mixedContracts(account, contract, line)
    if (
      !refused &&
      Number.isNaN(positions.numbers[k * READ_NUMBERS + READ_MMR]) &&
      canResolveMaintenance &&
      !coversMaintenance(positions, k, contract)
    ) {
      refused = noMaintenance(
        positions.venueName(venueCode),
        positions.symbolName(symbolCode),
        line
      )
    }
    if (
      !refused &&
      ((venue < 0 && !hasRoomFor(book.venues, positions.venueName(venueCode))) ||
        (symbol < 0 && !hasRoomFor(book.symbols, positions.symbolName(symbolCode))))
    ) {
      refused = tooManyNames(line)
    }
    if (refused) {
      ids.removeLast()
      return refused
    }
    let index: number
    try {
      index = appendReadPosition(book, positions, k, id, account, venue, symbol)
    } catch (error) {
      ids.removeLast()
      return walletMismatch(error, account, line)
    }
    bookVenues[venueCode] = book.venue[index]
    bookSymbols[symbolCode] = book.symbol[index]
    remember(contract, positions.cross[k] === 1, line, 0, index)
    return null
  }

  return {
    book,
    lines: idLines,
    add(row, line, source = 0) {
      // The id is taken first, in the one probe that also finds a repeat, and given back if the
      // book refuses the row for another reason.
      const idCode = ids.tryAdd(row.id)
      if (idCode < 0) return duplicateId(row.id, idCode, line)
      const refused = refusal(row, line)
      if (refused) {
        ids.removeLast()
        return refused
      }
      let index: number
      try {
        index = appendPosition(book, row)
      } catch (error) {
        ids.removeLast()
        return walletMismatch(error, row.account, line)
      }
      remember(row.contract, row.marginMode === 'cross', line, source, index)
      return null
    },
    addRead
  }
}
