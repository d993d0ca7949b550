import { BookError, appendPosition, createBook } from '../book/book'
import type { Book } from '../book/columns'
import type { ContractKind, PositionRow } from '../book/positionRow'
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

  /** What the book refuses besides a repeated id. */
  function refusal(row: PositionRow, line: number): RowError | null {
    const account = book.accounts.get(row.account)
    if (account !== undefined && accountContracts[account] !== row.contract) {
      const reason = `account ${quoteValue(row.account)} mixes contracts: ${row.contract} here, ${accountContracts[account]} on line ${accountLines[account]}`
      return { line, column: 'contract', reason }
    }
    if (
      row.mmr === null &&
      canResolveMaintenance &&
      !canResolveMaintenance(row.venue, row.symbol, row.contract)
    ) {
      const reason = `no maintenance margin: no tier table for ${row.venue} ${row.symbol} and no mmr given`
      return { line, column: 'mmr', reason }
    }
    if (!hasRoomFor(book.venues, row.venue) || !hasRoomFor(book.symbols, row.symbol)) {
      return { line, column: null, reason: `more than ${MAX_CODES} distinct venues or symbols` }
    }
    return null
  }

  function remember(row: PositionRow, line: number, source: number, index: number): void {
    idLines.push(line)
    if (sources) idSources.push(source)
    const account = book.account[index]
    accountContracts[account] ??= row.contract
    accountLines[account] ??= line
    if (row.marginMode === 'cross') {
      // Filled densely: an array with holes turns into a slow dictionary past a million accounts.
      while (walletLines.length <= account) walletLines.push(0)
      walletLines[account] ||= line
    }
  }

  return {
    book,
    lines: idLines,
    add(row, line, source = 0) {
      // The id is taken first, in the one probe that also finds a repeat, and given back if the
      // book refuses the row for another reason.
      const idCode = ids.tryAdd(row.id)
      if (idCode < 0) {
        const reason = `duplicate id ${quoteValue(row.id)}, first seen on ${where(-1 - idCode)}`
        return { line, column: 'id', reason }
      }
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
        if (!(error instanceof BookError)) throw error
        // Only an account seen before can disagree with itself, so it has a code and a wallet line.
        const walletLine = walletLines[book.accounts.get(row.account)!]
        return { line, column: 'wallet_balance', reason: `${error.message} (line ${walletLine})` }
      }
      remember(row, line, source, index)
      return null
    }
  }
}
