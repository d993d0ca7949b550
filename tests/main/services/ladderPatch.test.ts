import { join } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { appendPosition, createBook, positionAt } from '../../../src/engine/book/book'
import {
  buildLiquidationLadder,
  UNIT_LENDING,
  type ExtraUnit,
  type LiquidationLadder
} from '../../../src/engine/cascade/liquidationLadder'
import { patchLadder } from '../../../src/engine/cascade/patchLadder'
import type { TierRegistry } from '../../../src/engine/margin/tierRegistry'
import { SAMPLE_MARKETS } from '../../../src/engine/sample/sampleMarkets'
import { samplePositions } from '../../../src/engine/sample/samplePositions'
import { loadTierRegistry } from '../../../src/main/marketData/tierFiles'
import { resourcesDir } from '../../../src/main/resourcesDir'
import { LiveBook } from '../../../src/main/services/liveBook'

const prices = new Map(SAMPLE_MARKETS.map((market) => [market.underlying, market.price]))
const ROWS = 1_500
let registry: TierRegistry

type Edit =
  | { kind: 'reprice'; at: number; factor: number }
  | { kind: 'resize'; at: number; factor: number }
  | { kind: 'copy'; from: number; to: number }
  | { kind: 'joinAccount'; from: number; to: number }
  | { kind: 'append'; from: number }

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('reprice' as const),
    at: fc.nat({ max: ROWS - 1 }),
    factor: fc.double({ min: 0.8, max: 1.2, noNaN: true })
  }),
  fc.record({
    kind: fc.constant('resize' as const),
    at: fc.nat({ max: ROWS - 1 }),
    factor: fc.double({ min: 0.1, max: 5, noNaN: true })
  }),
  // A copy gives two positions the same liquidation price: ties must keep the rebuild's order.
  fc.record({
    kind: fc.constant('copy' as const),
    from: fc.nat({ max: ROWS - 1 }),
    to: fc.nat({ max: ROWS - 1 })
  }),
  fc.record({
    kind: fc.constant('joinAccount' as const),
    from: fc.nat({ max: ROWS - 1 }),
    to: fc.nat({ max: ROWS - 1 })
  }),
  fc.record({ kind: fc.constant('append' as const), from: fc.nat({ max: ROWS - 1 }) })
)

let appended = 0

/** Applies an edit as the book service would; an edit the book refuses is skipped. */
function apply(live: LiveBook, edit: Edit): void {
  const row = (i: number) => positionAt(live.book, i)
  try {
    if (edit.kind === 'reprice')
      live.replaceRow(edit.at, {
        ...row(edit.at),
        entryPrice: row(edit.at).entryPrice * edit.factor
      })
    else if (edit.kind === 'resize')
      live.replaceRow(edit.at, { ...row(edit.at), size: row(edit.at).size * edit.factor })
    else if (edit.kind === 'copy')
      live.replaceRow(edit.to, {
        ...row(edit.from),
        id: row(edit.to).id,
        account: row(edit.to).account
      })
    else if (edit.kind === 'joinAccount')
      live.replaceRow(edit.to, { ...row(edit.to), account: row(edit.from).account })
    else
      live.appendRow({
        ...row(edit.from),
        id: `appended-${++appended}`,
        account: `new-${appended}`
      })
  } catch {
    // e.g. an account that would mix linear and inverse contracts: not an edit the book takes.
  }
}

/** Lending units priced exactly at some positions' liquidation prices, to tie with them. */
function lendingAt(live: LiveBook, underlying: string): ExtraUnit[] {
  const tied = [3, 30, 300].map((i) => live.table.liquidationPrice[i]).filter((p) => p > 0)
  return tied.map((price, ref) => ({
    kind: UNIT_LENDING,
    ref,
    price,
    quantity: 1 + ref,
    venueName: `aave-${underlying}`
  }))
}

const asArrays = (ladder: LiquidationLadder) => ({
  length: ladder.length,
  price: Array.from(ladder.price),
  quantity: Array.from(ladder.quantity),
  cumNotional: Array.from(ladder.cumNotional),
  venue: Array.from(ladder.venue),
  kind: Array.from(ladder.kind),
  ref: Array.from(ladder.ref)
})

describe('patchLadder', () => {
  beforeAll(() => {
    registry = loadTierRegistry(join(resourcesDir(), 'tiers'))
  })

  it('after any edits, equals the ladder rebuilt from the whole table, unit for unit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(editArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...SAMPLE_MARKETS.map((market) => market.underlying)),
        fc.constantFrom(-1 as const, 1 as const),
        async (edits, underlying, direction) => {
          const book = createBook(ROWS)
          for (const row of samplePositions({ rows: ROWS, seed: 11 })) appendPosition(book, row)
          const live = await LiveBook.open(book, registry, prices)
          const extras = lendingAt(live, underlying)
          const before = buildLiquidationLadder(book, live.table, underlying, direction, extras)
          const revision = live.revision
          const crossGroups = live.table.crossGroups.length
          for (const edit of edits) apply(live, edit)

          const changed = live.changedSince(revision)
          expect(changed).not.toBeNull()
          const patched = patchLadder(before, live.book, live.table, {
            positions: changed!,
            firstNewGroup: crossGroups
          })
          const rebuilt = buildLiquidationLadder(
            live.book,
            live.table,
            underlying,
            direction,
            extras
          )
          expect(asArrays(patched)).toEqual(asArrays(rebuilt))
        }
      ),
      { numRuns: 40 }
    )
  })

  it('asks for a rebuild once a removal has moved indices', async () => {
    const book = createBook(100)
    for (const row of samplePositions({ rows: 100, seed: 2 })) appendPosition(book, row)
    const live = await LiveBook.open(book, registry, prices)
    const revision = live.revision
    live.replaceRow(4, { ...positionAt(live.book, 4), size: 1 })
    expect(live.changedSince(revision)).toEqual(
      new Set(live.accountPositions(live.book.account[4]))
    )
    live.removeRows([7])
    expect(live.changedSince(revision)).toBeNull()
    expect(live.changedSince(live.revision)).toEqual(new Set())
  })
})
