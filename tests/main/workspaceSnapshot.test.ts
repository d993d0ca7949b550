import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { positionAt } from '../../src/engine/book/book'
import type { Book } from '../../src/engine/book/columns'
import { dispatch } from '../../src/main/dispatch'
import { openSampleWorkspace } from '../../src/main/services/openSampleWorkspace'
import { restoreWorkspace, SnapshotError } from '../../src/main/services/workspaceRestore'
import { takeSnapshot } from '../../src/main/services/workspaceSnapshot'
import type { WorkspaceSnapshot } from '../../src/shared/workspaceSnapshot'
import { bootMain, type Booted } from './serviceFixture'

let main: Booted

beforeAll(async () => {
  main = await bootMain()
  // A small book keeps the tests quick; cross accounts, lending and a depth snapshot come with it.
  main.services.books.replace(
    await openSampleWorkspace(main.services.sample, main.services.registry, { rows: 3000 }),
    'open'
  )
  main.services.books.current.live.book.extra.set('desk', new Map([[7, 'delta one']]))
})
afterAll(() => main.services.dispose())

const rows = (book: Book) => Array.from({ length: book.length }, (_, i) => positionAt(book, i))

describe('workspace snapshots', () => {
  it('reopens a snapshot as the same book, table, lending, prices and liquidity', async () => {
    const { books, registry } = main.services
    const before = books.current
    const snapshot = takeSnapshot(before, books.currentVersion)
    expect(snapshot.book.account).toBeInstanceOf(Uint32Array)
    expect(snapshot.tiers.length).toBeGreaterThan(0)
    const reopened = await restoreWorkspace(structuredClone(snapshot), [], registry)
    expect(rows(reopened.live.book)).toEqual(rows(before.live.book))
    expect(reopened.live.table.liquidationPrice).toEqual(
      before.live.table.liquidationPrice.subarray(0, before.live.length)
    )
    expect(reopened.live.table.crossGroups).toEqual(before.live.table.crossGroups)
    expect(reopened.lending).toEqual(before.lending)
    expect([...reopened.live.prices]).toEqual([...before.live.prices])
    expect([...reopened.impact.keys()]).toEqual([...before.impact.keys()])
    expect(reopened.impact.get('BTC')).toEqual(before.impact.get('BTC'))
    expect(takeSnapshot(reopened, 1)).toEqual({ ...snapshot, version: 1 })
  })

  it('solves the book again when the stored table is from another engine version', async () => {
    const { books, registry } = main.services
    const snapshot = takeSnapshot(books.current, books.currentVersion)
    const stale = structuredClone(snapshot)
    stale.solved!.engineVersion = 'older'
    stale.solved!.liquidationPrice.fill(1)
    const reopened = await restoreWorkspace(stale, [], registry)
    expect(Array.from(reopened.live.table.liquidationPrice.subarray(0, 3000))).toEqual(
      Array.from(snapshot.solved!.liquidationPrice)
    )
  })

  it('refuses a snapshot whose columns do not hang together, saying what is wrong', async () => {
    const { books, registry } = main.services
    const snapshot = takeSnapshot(books.current, books.currentVersion)
    const short = structuredClone(snapshot)
    short.book.size = short.book.size.subarray(0, 10).slice()
    await expect(restoreWorkspace(short, [], registry)).rejects.toThrow(
      'column size has 10 entries where 3000 are needed'
    )
    const dangling = structuredClone(snapshot)
    dangling.book.venue[5] = 999
    await expect(restoreWorkspace(dangling, [], registry)).rejects.toThrow(SnapshotError)
    const repeatedName = structuredClone(snapshot)
    repeatedName.book.symbols.push(repeatedName.book.symbols[0])
    await expect(restoreWorkspace(repeatedName, [], registry)).rejects.toThrow(
      `the symbol table lists "${snapshot.book.symbols[0]}" twice`
    )
  })

  it('validates the open request in main: typed arrays must be typed arrays', async () => {
    const snapshot = await main.handlers['app:workspaceSnapshot'](undefined)
    const untyped = {
      ...snapshot,
      book: { ...snapshot.book, size: Array.from(snapshot.book.size) }
    }
    await expect(
      dispatch(main.handlers, 'app:openWorkspace', { snapshot: untyped, deltas: [] })
    ).rejects.toThrow(/app:openWorkspace: invalid request[\s\S]*book\.size/)
  })
})

describe('unsaved changes as delta log entries', () => {
  it('reports each change once, and replaying the log on the saved book gives the edited book', async () => {
    const { books } = main.services
    const handlers = main.handlers
    const saved: WorkspaceSnapshot = await handlers['app:workspaceSnapshot'](undefined)
    expect(await handlers['app:workspaceSaved']({ version: saved.version })).toEqual({
      saved: true
    })
    expect((await handlers['app:workspaceChanges'](undefined)).delta).toEqual({
      upserts: [],
      removals: []
    })

    const [first, second, third] = saved.book.ids
    const edit = await handlers['book:edit']({ id: first, column: 'size', value: '0.5' })
    expect(edit.ok).toBe(true)
    const log = [(await handlers['app:workspaceChanges'](undefined)).delta!]
    expect(log[0].upserts.map((row) => [row.id, row.size])).toEqual([[first, 0.5]])

    await handlers['book:delete']({ ids: [second] })
    const added = await handlers['book:add'](undefined)
    log.push((await handlers['app:workspaceChanges'](undefined)).delta!)
    expect(log[1].removals).toEqual([second])
    expect(log[1].upserts.map((row) => row.id)).toEqual([added.row.id])

    // Undone: the position is back as saved, and the log must say so.
    await handlers['book:undo'](undefined)
    await handlers['book:edit']({ id: third, column: 'leverage', value: '7' })
    log.push((await handlers['app:workspaceChanges'](undefined)).delta!)
    expect(log[2].removals).toEqual([added.row.id])

    const edited = rows(books.current.live.book)
    const byId = (list: ReturnType<typeof rows>) => new Map(list.map((row) => [row.id, row]))
    await handlers['app:openWorkspace']({ snapshot: saved, deltas: log })
    expect(byId(rows(books.current.live.book))).toEqual(byId(edited))
    expect(main.events.at(-1)).toMatchObject({ event: 'book:changed', payload: { reason: 'open' } })
  })

  it('has no delta for a book that replaced the stored one: only a full save keeps it', async () => {
    const { books, sample, registry } = main.services
    const snapshot = await main.handlers['app:workspaceSnapshot'](undefined)
    await main.handlers['app:workspaceSaved']({ version: snapshot.version })
    books.replace(await openSampleWorkspace(sample, registry, { rows: 50 }), 'import')
    expect((await main.handlers['app:workspaceChanges'](undefined)).delta).toBeNull()
    expect(await main.handlers['app:workspaceSaved']({ version: snapshot.version })).toEqual({
      saved: false
    })
  })
})
