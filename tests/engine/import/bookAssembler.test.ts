import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { positionAt } from '../../../src/engine/book/book'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { READ_NUMBERS, type ReadPositions } from '../../../src/engine/book/readPositions'
import { createBookAssembler } from '../../../src/engine/import/bookAssembler'

function position(overrides: Partial<PositionRow>): PositionRow {
  return {
    id: 'p1',
    account: 'p1',
    venue: 'binance',
    symbol: 'BTCUSDT',
    contract: 'linear',
    side: 1,
    size: 1,
    entryPrice: 60000,
    marginMode: 'isolated',
    margin: 6000,
    leverage: 10,
    mmr: 0.005,
    maintenanceAmount: null,
    walletBalance: null,
    markPrice: null,
    ...overrides
  }
}

const cross = (id: string, walletBalance: number): PositionRow =>
  position({ id, account: 'acct', marginMode: 'cross', margin: null, walletBalance })

describe('createBookAssembler', () => {
  it('appends accepted rows to the book', () => {
    const assembler = createBookAssembler()
    expect(assembler.add(position({ id: 'a' }), 2)).toBeNull()
    expect(assembler.add(position({ id: 'b', side: -1 }), 3)).toBeNull()
    expect(assembler.book.length).toBe(2)
    expect(positionAt(assembler.book, 1)).toMatchObject({ id: 'b', side: -1 })
  })

  it('refuses a repeated id and names the line of the first', () => {
    const assembler = createBookAssembler()
    assembler.add(position({ id: 'x' }), 2)
    expect(assembler.add(position({ id: 'x', account: 'other' }), 5)).toEqual({
      line: 5,
      column: 'id',
      reason: 'duplicate id "x", first seen on line 2'
    })
    expect(assembler.book.length).toBe(1)
  })

  it('does not remember the id of a refused row', () => {
    const assembler = createBookAssembler(() => false)
    expect(assembler.add(position({ id: 'x', mmr: null }), 2)).not.toBeNull()
    expect(assembler.add(position({ id: 'x' }), 3)).toBeNull()
  })

  it('refuses a cross wallet balance that differs from the account’s first one', () => {
    const assembler = createBookAssembler()
    expect(assembler.add(cross('a', 1000), 2)).toBeNull()
    expect(assembler.add(cross('b', 1000), 3)).toBeNull()
    expect(assembler.add(cross('c', 999), 4)).toEqual({
      line: 4,
      column: 'wallet_balance',
      reason: 'account acct: wallet_balance 999 differs from 1000 given on another row (line 2)'
    })
    expect(assembler.book.length).toBe(2)
    expect(assembler.add(cross('c', 1000), 5)).toBeNull()
  })

  it('refuses an account mixing linear and inverse contracts', () => {
    const assembler = createBookAssembler()
    assembler.add(position({ id: 'a', account: 'acct' }), 2)
    expect(assembler.add(position({ id: 'b', account: 'acct', contract: 'inverse' }), 3)).toEqual({
      line: 3,
      column: 'contract',
      reason: 'account "acct" mixes contracts: inverse here, linear on line 2'
    })
  })

  it('refuses a row without mmr only when no tier table resolves it', () => {
    const asked: string[] = []
    const assembler = createBookAssembler((venue, symbol, contract) => {
      asked.push(`${venue} ${symbol} ${contract}`)
      return symbol === 'BTCUSDT'
    })
    expect(assembler.add(position({ id: 'a', mmr: null }), 2)).toBeNull()
    expect(assembler.add(position({ id: 'b', mmr: null, symbol: 'DOGEUSDT' }), 3)).toEqual({
      line: 3,
      column: 'mmr',
      reason: 'no maintenance margin: no tier table for binance DOGEUSDT and no mmr given'
    })
    expect(assembler.add(position({ id: 'c', symbol: 'DOGEUSDT' }), 4)).toBeNull()
    expect(asked).toEqual(['binance BTCUSDT linear', 'binance DOGEUSDT linear'])
  })
})

/** Rows laid out as ReadPositions, as the import worker hands them over. */
function readPositions(rows: readonly PositionRow[]): ReadPositions {
  const venues = [...new Set(rows.map((row) => row.venue))]
  const symbols = [...new Set(rows.map((row) => row.symbol))]
  const numbers = new Float64Array(rows.length * READ_NUMBERS)
  rows.forEach((row, k) =>
    [
      row.size,
      row.entryPrice,
      row.margin,
      row.leverage,
      row.mmr,
      row.maintenanceAmount,
      row.markPrice,
      row.walletBalance
    ].forEach((value, f) => (numbers[k * READ_NUMBERS + f] = value ?? NaN))
  )
  return {
    side: Int8Array.from(rows, (row) => row.side),
    inverse: Uint8Array.from(rows, (row) => (row.contract === 'inverse' ? 1 : 0)),
    cross: Uint8Array.from(rows, (row) => (row.marginMode === 'cross' ? 1 : 0)),
    venue: Uint32Array.from(rows, (row) => venues.indexOf(row.venue)),
    symbol: Uint32Array.from(rows, (row) => symbols.indexOf(row.symbol)),
    numbers,
    venueName: (code) => venues[code],
    symbolName: (code) => symbols[code],
    id: (k) => rows[k].id,
    account: (k) => rows[k].account
  }
}

describe('positions already read column-wise', () => {
  const rowArbitrary = fc
    .record({
      id: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
      account: fc.constantFrom('a', 'b', 'c'),
      venue: fc.constantFrom('binance', 'okx', 'bybit'),
      symbol: fc.constantFrom('BTCUSDT', 'ETHUSDT', 'DOGEUSDT'),
      contract: fc.constantFrom('linear' as const, 'inverse' as const),
      side: fc.constantFrom(1 as const, -1 as const),
      size: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
      markPrice: fc.constantFrom(null, 61000),
      cross: fc.boolean(),
      mmr: fc.constantFrom(null, 0.005),
      walletBalance: fc.constantFrom(1000, 2000)
    })
    .map(({ cross: isCross, walletBalance, ...row }) =>
      position({
        ...row,
        marginMode: isCross ? 'cross' : 'isolated',
        walletBalance: isCross ? walletBalance : null,
        margin: isCross ? null : 6000
      })
    )

  it('are taken or refused as their rows are, into the same book', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 30 }), (rows) => {
        const tiers = (venue: string, symbol: string) => venue !== 'okx' && symbol !== 'DOGEUSDT'
        const byRow = createBookAssembler(tiers)
        const byColumn = createBookAssembler(tiers)
        const read = readPositions(rows)
        rows.forEach((row, k) => {
          expect(byColumn.addRead(read, k, k + 2)).toEqual(byRow.add(row, k + 2))
        })
        const contents = (book: typeof byRow.book) =>
          Array.from({ length: book.length }, (_, i) => positionAt(book, i))
        expect(contents(byColumn.book)).toEqual(contents(byRow.book))
        expect(byColumn.book.venues.names).toEqual(byRow.book.venues.names)
        expect(byColumn.book.symbols.names).toEqual(byRow.book.symbols.names)
        expect(byColumn.book.accounts.names).toEqual(byRow.book.accounts.names)
        expect(byColumn.lines).toEqual(byRow.lines)
      })
    )
  })
})
