import { describe, expect, it } from 'vitest'
import { diffPositions } from '../../src/renderer/src/workspaces/compare/positionDiff'
import { diffResults } from '../../src/renderer/src/workspaces/compare/resultDiff'
import type { RunResults } from '../../src/renderer/src/workspaces/runResults'
import type { BookColumns } from '../../src/shared/workspaceSnapshot'
import { sampleBook } from './workspaceSamples'

/** The book without position `drop`, and with position `add` appended under a new id. */
function reshaped(book: BookColumns, drop: number, add: string): BookColumns {
  const keep = [...Array(book.length).keys()].filter((i) => i !== drop)
  keep.push(0)
  const pick = <T extends { length: number } & ArrayLike<number>>(
    column: T,
    make: (values: number[]) => T
  ) => make(keep.map((i) => column[i]))
  return {
    ...book,
    length: keep.length,
    ids: keep.map((i, k) => (k === keep.length - 1 ? add : book.ids[i])),
    account: pick(book.account, (v) => Uint32Array.from(v)),
    venue: pick(book.venue, (v) => Uint16Array.from(v)),
    symbol: pick(book.symbol, (v) => Uint16Array.from(v)),
    side: pick(book.side, (v) => Int8Array.from(v)),
    contract: pick(book.contract, (v) => Uint8Array.from(v)),
    marginMode: pick(book.marginMode, (v) => Uint8Array.from(v)),
    size: pick(book.size, (v) => Float64Array.from(v)),
    entryPrice: pick(book.entryPrice, (v) => Float64Array.from(v)),
    margin: pick(book.margin, (v) => Float64Array.from(v)),
    leverage: pick(book.leverage, (v) => Float64Array.from(v)),
    mmr: pick(book.mmr, (v) => Float64Array.from(v)),
    maintenanceAmount: pick(book.maintenanceAmount, (v) => Float64Array.from(v)),
    markPrice: pick(book.markPrice, (v) => Float64Array.from(v)),
    extra: []
  }
}

describe('position differences', () => {
  it('finds nothing between a book and itself', () => {
    const book = sampleBook(50)
    expect(diffPositions(book, structuredClone(book)).counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 50
    })
  })

  it('lists added, removed and changed positions with every changed field', () => {
    const a = sampleBook(50)
    const b = reshaped(a, 7, 'NEW-1')
    b.size[0] = 42
    b.venue[1] = 1 - b.venue[1]
    b.walletBalance = b.walletBalance.slice()
    b.walletBalance[0] = 1 // account 0's positions 0 and 1; position 0 is cross
    const diff = diffPositions(a, b)
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 4, unchanged: 45 })
    expect(diff.added).toEqual([
      {
        id: 'NEW-1',
        account: 'acct-0',
        symbol: 'BTCUSDT',
        side: 'short',
        size: 0.01,
        entryPrice: 60_000
      }
    ])
    expect(diff.removed.map((row) => row.id)).toEqual(['P000007'])
    const first = diff.changed.find((entry) => entry.id === 'P000000')!
    expect(first.changes).toEqual([
      { field: 'size', before: 0.01, after: 42 },
      { field: 'walletBalance', before: 5_000, after: 1 }
    ])
    expect(diff.changed.find((entry) => entry.id === 'P000001')!.changes).toEqual([
      { field: 'venue', before: 'bybit', after: 'binance' }
    ])
    // The extra column was dropped in B: positions 3 and 9 lose their value.
    expect(diff.changed.find((entry) => entry.id === 'P000003')!.changes).toEqual([
      { field: 'extra:desk', before: 'delta one', after: null }
    ])
    expect(diff.byField).toEqual([
      { field: 'venue', positions: 1 },
      { field: 'size', positions: 1 },
      { field: 'walletBalance', positions: 1 },
      { field: 'extra:desk', positions: 2 }
    ])
  })

  it('counts every difference but lists only up to the limit', () => {
    const a = sampleBook(100)
    const b = structuredClone(a)
    b.entryPrice.fill(1)
    const diff = diffPositions(a, b, 10)
    expect(diff.counts.changed).toBe(100)
    expect(diff.changed).toHaveLength(10)
  })
})

const run = (finalPrice: number, badDebt: number, critical: number | null): RunResults =>
  ({
    underlying: 'BTC',
    shock: -0.08,
    impact: { kind: 'linear', depthPerPercent: 1e7 },
    criticalMove: 0.01,
    result: {
      impact: { kind: 'linear', depthPerPercent: 1e7 },
      summary: { finalPrice, totalMove: finalPrice / 61_800 - 1, liquidatedCount: 10 },
      long: { count: 10, notional: 5e6 },
      short: { count: 0, notional: 0 },
      shortfall: 1_000,
      lending: { liquidatedCount: 0, repaidDebt: 0, badDebt }
    },
    sweep: critical === null ? { critical: null } : { critical: { shock: critical } },
    heatmap: null
  }) as unknown as RunResults

describe('result differences', () => {
  it('sets the headline numbers side by side with B − A', () => {
    const diff = diffResults(run(56_000, 0, -0.078), run(55_000, 2_500, null))
    const byMetric = Object.fromEntries(diff.rows.map((row) => [row.metric, row]))
    expect(byMetric['Final price']).toMatchObject({ a: 56_000, b: 55_000, delta: -1_000 })
    expect(byMetric['Lending bad debt']).toMatchObject({ a: 0, b: 2_500, delta: 2_500 })
    expect(byMetric['Critical shock']).toMatchObject({ a: -0.078, b: null, delta: null })
    expect(byMetric['Liquidated longs']).toMatchObject({ delta: 0 })
    expect(diff.caveat).toBeNull()
  })

  it('says when the runs asked different questions, or one has none', () => {
    const other = { ...run(50_000, 0, null), shock: -0.12 }
    expect(diffResults(run(56_000, 0, null), other).caveat).toMatch(
      /^A ran −8\.00% on BTC, linear depth.*; B ran −12\.00% on BTC/
    )
    expect(diffResults(null, other).caveat).toBe(
      'A has no saved run: open it and run the shock, then save'
    )
  })
})
