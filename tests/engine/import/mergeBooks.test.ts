import { describe, expect, it } from 'vitest'
import { buildBook, positionAt } from '../../../src/engine/book/book'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { mergeBooks } from '../../../src/engine/import/mergeBooks'

const row = (id: string, venue: string, extra: Partial<PositionRow> = {}): PositionRow => ({
  id,
  account: id,
  venue,
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
  markPrice: 61000,
  ...extra
})

const part = (name: string, rows: PositionRow[]) => ({
  name,
  book: buildBook(rows),
  lines: rows.map((_, i) => i + 2)
})

describe('mergeBooks', () => {
  it('appends files in order and reports an id another file used against the later file', () => {
    const merged = mergeBooks(
      [
        part('a', [row('p1', 'binance'), row('p2', 'okx')]),
        part('b', [row('p3', 'okx'), row('p1', 'bybit')])
      ],
      'append'
    )
    expect(merged.book.ids.slice(0, merged.book.length)).toEqual(['p1', 'p2', 'p3'])
    expect(merged.rejected).toEqual([
      [],
      [{ line: 3, column: 'id', reason: 'duplicate id "p1", first seen on line 2 of a' }]
    ])
    expect(merged.notes).toEqual([])
  })

  it("lets a later file replace the earlier files' positions on its venues", () => {
    const merged = mergeBooks(
      [
        part('monday', [row('m1', 'binance'), row('m2', 'okx'), row('m3', 'okx')]),
        part('tuesday', [row('t1', 'okx')])
      ],
      'replace'
    )
    expect(merged.book.ids.slice(0, merged.book.length)).toEqual(['m1', 't1'])
    expect(merged.notes).toEqual(['tuesday replaces venue okx: 2 positions of monday dropped'])
    expect(positionAt(merged.book, 1).venue).toBe('okx')
  })

  it('catches an account whose cross wallet balance differs between files', () => {
    const cross = { account: 'acct', marginMode: 'cross' as const, margin: null }
    const merged = mergeBooks(
      [
        part('a', [row('p1', 'binance', { ...cross, walletBalance: 1000 })]),
        part('b', [row('p2', 'binance', { ...cross, walletBalance: 2000 })])
      ],
      'append'
    )
    expect(merged.book.length).toBe(1)
    expect(merged.rejected[1][0]).toMatchObject({ line: 2, column: 'wallet_balance' })
  })
})
