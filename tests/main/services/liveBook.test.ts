import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { accountIndex, appendPosition, createBook, positionAt } from '../../../src/engine/book/book'
import type { Book } from '../../../src/engine/book/columns'
import {
  computeLiquidationTable,
  type LiquidationTable
} from '../../../src/engine/margin/liquidationTable'
import type { TierRegistry } from '../../../src/engine/margin/tierRegistry'
import { SAMPLE_MARKETS } from '../../../src/engine/sample/sampleMarkets'
import { samplePositions } from '../../../src/engine/sample/samplePositions'
import { loadTierRegistry } from '../../../src/main/marketData/tierFiles'
import { resourcesDir } from '../../../src/main/resourcesDir'
import { LiveBook } from '../../../src/main/services/liveBook'

const prices = new Map(SAMPLE_MARKETS.map((market) => [market.underlying, market.price]))
let registry: TierRegistry

function sampleBook(rows: number): Book {
  const book = createBook(rows)
  for (const row of samplePositions({ rows, seed: 3 })) appendPosition(book, row)
  return book
}

/** Per position, the live table must say what a solve of the whole book says. */
function expectSameRisk(live: LiveBook): void {
  const full = computeLiquidationTable(live.book, registry, prices)
  const columns = ['liquidationPrice', 'bankruptcyPrice', 'distance', 'marginRatio'] as const
  for (const column of columns)
    expect(Array.from(live.table[column].subarray(0, live.length))).toEqual(
      Array.from(full[column])
    )
  const groupPrices = (table: LiquidationTable): number[][] =>
    table.crossGroups
      .filter((group) => group.members.length > 0)
      .map((group) => [group.downPrice, group.upPrice, ...[...group.members].sort((a, b) => a - b)])
      .sort((a, b) => a[2] - b[2])
  expect(groupPrices(live.table)).toEqual(groupPrices(full))
  expect(live.table.issues.map((issue) => issue.index).sort()).toEqual(
    full.issues.map((issue) => issue.index).sort()
  )
}

describe('LiveBook', () => {
  beforeAll(() => {
    registry = loadTierRegistry(join(resourcesDir(), 'tiers'))
  })

  it('solves a book in chunks of whole accounts exactly as in one piece', async () => {
    const progress: number[] = []
    const live = await LiveBook.open(sampleBook(45_000), registry, prices, {
      onProgress: (fraction) => progress.push(fraction)
    })
    expectSameRisk(live)
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toBe(1)
  })

  it('stays equal to a full solve through edits, appends and removals', async () => {
    const live = await LiveBook.open(sampleBook(3_000), registry, prices)
    const crossIndex = Array.from(live.book.marginMode).findIndex((mode) => mode === 1)
    const cross = positionAt(live.book, crossIndex)
    live.replaceRow(crossIndex, { ...cross, entryPrice: cross.entryPrice * 1.05 })
    live.replaceRow(crossIndex, { ...cross, walletBalance: (cross.walletBalance ?? 0) * 0.5 })
    const isolated = positionAt(live.book, 0)
    live.replaceRow(0, { ...isolated, account: cross.account, marginMode: 'isolated' })
    live.appendRow({ ...cross, id: 'extra-1', size: cross.size * 2 })
    expectSameRisk(live)
    live.removeRows([crossIndex, 5, 17, live.length - 1])
    expectSameRisk(live)
  })

  it('puts removed rows back where they were, with their risk', async () => {
    const live = await LiveBook.open(sampleBook(3_000), registry, prices)
    const before = Array.from({ length: live.length }, (_, i) => positionAt(live.book, i))
    const liquidationBefore = live.table.liquidationPrice.slice(0, live.length)
    const crossIndex = Array.from(live.book.marginMode).findIndex((mode) => mode === 1)
    const removed = [0, 9, crossIndex, live.length - 1].sort((a, b) => a - b)
    const rows = removed.map((i) => positionAt(live.book, i))
    live.removeRows(removed)
    live.restoreRows(rows, removed)
    expect(Array.from({ length: live.length }, (_, i) => positionAt(live.book, i))).toEqual(before)
    expect(live.table.liquidationPrice.slice(0, live.length)).toEqual(liquidationBefore)
    expect(live.accountPositions(live.book.account[crossIndex])).toContain(crossIndex)
    expectSameRisk(live)
  })

  it('restores a solved book without solving it, and re-solves its accounts on the first edit', async () => {
    const solved = await LiveBook.open(sampleBook(3_000), registry, prices)
    const live = LiveBook.restore(solved.book, solved.table, registry, prices)
    const crossIndex = Array.from(live.book.marginMode).findIndex((mode) => mode === 1)
    const cross = positionAt(live.book, crossIndex)
    live.replaceRow(crossIndex, { ...cross, entryPrice: cross.entryPrice * 0.97 })
    expect(live.accountPositions(live.book.account[crossIndex]).length).toBeGreaterThan(0)
    expectSameRisk(live)
  })

  it('after a restore, adds to an account and moves a position between accounts exactly once', async () => {
    for (const change of ['append', 'move'] as const) {
      const solved = await LiveBook.open(sampleBook(3_000), registry, prices)
      const live = LiveBook.restore(solved.book, solved.table, registry, prices)
      const crossIndex = Array.from(live.book.marginMode).findIndex((mode) => mode === 1)
      const cross = positionAt(live.book, crossIndex)
      const account = live.book.account[crossIndex]
      if (change === 'append') {
        const index = live.appendRow({ ...cross, id: 'added-1', size: cross.size / 2 })
        expect(live.accountPositions(account).filter((i) => i === index)).toHaveLength(1)
      } else {
        const moved = positionAt(live.book, 0)
        const from = live.book.account[0]
        live.replaceRow(0, { ...moved, account: cross.account, marginMode: 'isolated' })
        expect(live.accountPositions(from)).not.toContain(0)
        expect(live.accountPositions(account).filter((i) => i === 0)).toHaveLength(1)
      }
      for (const [code, members] of accountIndex(live.book))
        expect([...live.accountPositions(code)].sort((a, b) => a - b)).toEqual(members)
      expectSameRisk(live)
    }
  })

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController()
    const opening = LiveBook.open(sampleBook(60_000), registry, prices, {
      signal: controller.signal,
      onProgress: () => controller.abort()
    })
    await expect(opening).rejects.toThrow('cancelled')
  })
})
