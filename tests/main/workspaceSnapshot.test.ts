import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { positionAt } from '../../src/engine/book/book'
import { ISOLATED, type Book } from '../../src/engine/book/columns'
import { dispatch } from '../../src/main/dispatch'
import { LiveBook } from '../../src/main/services/liveBook'
import { openSampleWorkspace } from '../../src/main/services/openSampleWorkspace'
import { restoreWorkspace, SnapshotError } from '../../src/main/services/workspaceRestore'
import { takeSnapshot } from '../../src/main/services/workspaceSnapshot'
import { tierKey } from '../../src/engine/margin/tierRegistry'
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

  it('refuses stored values no position can have, saying which position and why', async () => {
    const { books, registry } = main.services
    const snapshot = takeSnapshot(books.current, books.currentVersion)
    const id = snapshot.book.ids[4]
    const broken = (change: (book: WorkspaceSnapshot['book']) => void) => {
      const copy = structuredClone(snapshot)
      change(copy.book)
      return restoreWorkspace(copy, [], registry)
    }
    await expect(broken((book) => (book.side[4] = 3))).rejects.toThrow(
      `position 4 ("${id}"): side 3 must be one of 1, -1`
    )
    await expect(broken((book) => (book.contract[4] = 7))).rejects.toThrow(
      `position 4 ("${id}"): contract 7 must be one of 0, 1`
    )
    await expect(broken((book) => (book.marginMode[4] = 2))).rejects.toThrow(
      `position 4 ("${id}"): marginMode 2 must be one of 0, 1`
    )
    await expect(broken((book) => (book.size[4] = -1))).rejects.toThrow(
      `position 4 ("${id}"): size -1 must be a finite number greater than 0`
    )
    await expect(broken((book) => (book.entryPrice[4] = Infinity))).rejects.toThrow(
      `position 4 ("${id}"): entryPrice Infinity must be a finite number greater than 0`
    )
    await expect(broken((book) => (book.size[4] = NaN))).rejects.toThrow(SnapshotError)
    await expect(broken((book) => (book.mmr[4] = 1.5))).rejects.toThrow(
      `position 4 ("${id}"): mmr 1.5 must be a fraction in [0, 1) (or absent)`
    )
    await expect(broken((book) => (book.walletBalance[0] = -Infinity))).rejects.toThrow(
      `account "${snapshot.book.accounts[0]}": wallet balance -Infinity must be a finite number (or absent)`
    )
    await expect(broken((book) => (book.ids[9] = book.ids[2]))).rejects.toThrow(
      `position id "${snapshot.book.ids[2]}" appears twice`
    )
  })

  it('replays a long log without looking each id up across the whole book', async () => {
    const { books, registry } = main.services
    const snapshot = takeSnapshot(books.current, books.currentVersion)
    const before = rows(books.current.live.book)
    const upserts = before.slice(0, 1500).map((row) => ({ ...row, size: row.size * 2 }))
    const added = { ...before[0], id: 'added-1', size: 1.25 }
    const log = [
      ...upserts.map((row) => ({ upserts: [row], removals: [] })),
      { upserts: [], removals: [before[10].id, before[20].id] },
      { upserts: [added, { ...before[30], size: 3.5 }], removals: [] },
      { upserts: [], removals: ['added-1', 'never-there'] },
      { upserts: [{ ...added, size: 2.5 }], removals: [] }
    ]
    const lookups = vi.spyOn(LiveBook.prototype, 'indexOf')
    const reopened = await restoreWorkspace(structuredClone(snapshot), log, registry)
    expect(lookups).not.toHaveBeenCalled()
    lookups.mockRestore()
    const byId = new Map(rows(reopened.live.book).map((row) => [row.id, row]))
    expect(byId.size).toBe(before.length - 1)
    expect(byId.has(before[10].id)).toBe(false)
    expect(byId.get(before[5].id)?.size).toBe(before[5].size * 2)
    expect(byId.get(before[30].id)?.size).toBe(3.5)
    expect(byId.get('added-1')?.size).toBe(2.5)
    expect(reopened.live.book.ids[reopened.live.length - 1]).toBe('added-1')
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

describe('checking a workspace before it is stored', () => {
  it('gives the reason opening would refuse it, without opening it or touching the book', async () => {
    const { books } = main.services
    const snapshot = takeSnapshot(books.current, books.currentVersion)
    const check = (request: unknown) => dispatch(main.handlers, 'app:checkWorkspace', request)
    const before = { workspace: books.current, version: books.currentVersion }
    expect(await check({ snapshot })).toEqual({ problem: null })

    const id = snapshot.book.ids[4]
    const broken = (change: (copy: WorkspaceSnapshot) => void) => {
      const copy = structuredClone(snapshot)
      change(copy)
      return copy
    }
    const refusals: [WorkspaceSnapshot, string][] = [
      [
        broken((copy) => (copy.book.size[4] = -1)),
        `position 4 ("${id}"): size -1 must be a finite number greater than 0`
      ],
      [
        broken((copy) => (copy.book.entryPrice[4] = NaN)),
        `position 4 ("${id}"): entryPrice NaN must be a finite number greater than 0`
      ],
      [
        broken((copy) => (copy.book.side[4] = 0)),
        `position 4 ("${id}"): side 0 must be one of 1, -1`
      ],
      [
        broken((copy) => (copy.book.venue[5] = 999)),
        `position 5 refers to entry 999 of a ${snapshot.book.venues.length}-entry table`
      ],
      [
        broken((copy) => (copy.book.ids[9] = copy.book.ids[2])),
        `position id "${snapshot.book.ids[2]}" appears twice`
      ],
      [broken((copy) => (copy.tiers[0].floors[0] = 5)), 'the first tier must start at notional 0']
    ]
    for (const [snapshot, reason] of refusals) {
      const { problem } = (await check({ snapshot })) as { problem: string | null }
      expect(problem).toContain(reason)
      // The very refusal opening gives.
      await expect(
        dispatch(main.handlers, 'app:openWorkspace', { snapshot, deltas: [] })
      ).rejects.toThrow(problem!)
    }
    expect({ workspace: books.current, version: books.currentVersion }).toEqual(before)
    expect(books.current).toBe(before.workspace)

    const untyped = {
      ...snapshot,
      book: { ...snapshot.book, size: Array.from(snapshot.book.size) }
    }
    await expect(check({ snapshot: untyped })).rejects.toThrow(
      /app:checkWorkspace: invalid request[\s\S]*book\.size/
    )
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

  it('compares only the positions an edit touched, not the whole book', async () => {
    const { books } = main.services
    const { handlers } = main
    const saved: WorkspaceSnapshot = await handlers['app:workspaceSnapshot'](undefined)
    await handlers['app:workspaceSaved']({ version: saved.version })
    const id = saved.book.ids[100]
    expect((await handlers['book:edit']({ id, column: 'size', value: '0.75' })).ok).toBe(true)
    const { book } = books.current.live
    const ids = book.ids
    let reads = 0
    book.ids = new Proxy(ids, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver)
      }
    })
    try {
      const { delta } = await handlers['app:workspaceChanges'](undefined)
      expect(delta!.upserts.map((row) => [row.id, row.size])).toEqual([[id, 0.75]])
    } finally {
      book.ids = ids
    }
    expect(reads).toBeLessThan(book.length / 10)

    // Edited back to what was saved, the log says so; a recovered log's edits count too.
    await handlers['book:edit']({ id, column: 'size', value: String(saved.book.size[100]) })
    const back = (await handlers['app:workspaceChanges'](undefined)).delta!
    expect(back.upserts.map((row) => [row.id, row.size])).toEqual([[id, saved.book.size[100]]])
  })

  it('after opening with a recovered log, editing a recovered position back is logged', async () => {
    const { handlers } = main
    const saved: WorkspaceSnapshot = await handlers['app:workspaceSnapshot'](undefined)
    const id = saved.book.ids[200]
    const row = positionAt(main.services.books.current.live.book, 200)
    await handlers['app:openWorkspace']({
      snapshot: saved,
      deltas: [{ upserts: [{ ...row, size: row.size * 3 }], removals: [] }]
    })
    expect((await handlers['app:workspaceChanges'](undefined)).delta!.upserts).toHaveLength(1)
    await handlers['book:edit']({ id, column: 'size', value: String(row.size) })
    const back = (await handlers['app:workspaceChanges'](undefined)).delta!
    expect(back.upserts.map((entry) => [entry.id, entry.size])).toEqual([[id, row.size]])
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

describe('a workspace margined with a size tier table (OKX ETH-USDT-SWAP)', () => {
  const venue = 'okx'
  const symbol = 'ETH-USDT-SWAP'

  it('stores the table as counting size, and reopens with the same liquidation prices', async () => {
    const { sample, registry } = main.services
    const workspace = await openSampleWorkspace(sample, registry, { rows: 3000 })
    // Beyond OKX's first tier (300 ETH): 450 ETH is in tier 2 by size, whatever the price.
    const whale = workspace.live.appendRow({
      ...positionAt(workspace.live.book, 0),
      id: 'okx-eth-whale',
      account: 'okx-eth-whale',
      venue,
      symbol,
      contract: 'linear',
      side: 1,
      size: 450,
      entryPrice: 2_680,
      marginMode: 'isolated',
      margin: null,
      leverage: 20,
      mmr: null,
      maintenanceAmount: null,
      walletBalance: null,
      markPrice: null,
      extra: {}
    })
    const { book, table } = workspace.live
    const okx = Array.from({ length: book.length }, (_, i) => i).filter(
      (i) =>
        book.venues.names[book.venue[i]] === venue && book.symbols.names[book.symbol[i]] === symbol
    )
    expect(okx.length).toBeGreaterThan(10)
    expect(okx).toContain(whale)
    const prices = table.liquidationPrice.slice(0, book.length)
    // Cross accounts whose wallet covers the move have no liquidation price (NaN); isolated
    // positions all have one.
    const isolated = okx.filter((i) => book.marginMode[i] === ISOLATED)
    expect(isolated.every((i) => Number.isFinite(prices[i]))).toBe(true)

    const snapshot = takeSnapshot(workspace, 1)
    const stored = snapshot.tiers.find((tiers) => tiers.venue === venue && tiers.symbol === symbol)
    expect(stored?.measure).toBe('size')
    // Notional tables say nothing, so workspaces without a size table store as they did.
    const binance = snapshot.tiers.find((tiers) => tiers.venue === 'binance')
    expect(binance).toBeDefined()
    expect(binance).not.toHaveProperty('measure')

    // As a workspace file reopens (its solved table is never handed to main) and as a table from
    // another engine version does: solved again, with the stored tier tables over the app's;
    // also in an app without that table of its own, where only the stored one can margin them.
    const withoutOkxEth = new Map(registry)
    withoutOkxEth.delete(tierKey(venue, symbol))
    for (const appRegistry of [registry, withoutOkxEth]) {
      for (const solved of [null, { ...snapshot.solved!, engineVersion: 'older' }]) {
        const copy = structuredClone({ ...snapshot, solved })
        const reopened = await restoreWorkspace(copy, [], appRegistry)
        expect(reopened.live.table.liquidationPrice.subarray(0, book.length)).toEqual(prices)
        expect(takeSnapshot(reopened, 1).tiers).toEqual(snapshot.tiers)
      }
    }

    // Without its measure the table would be read as notional, which its amounts (none: size
    // tables have no cum) cannot be: opening refuses it rather than margin OKX positions wrongly.
    const asNotional = structuredClone({ ...snapshot, solved: null })
    delete asNotional.tiers.find((tiers) => tiers.venue === venue && tiers.symbol === symbol)!
      .measure
    await expect(restoreWorkspace(asNotional, [], registry)).rejects.toThrow(
      /okx\/ETH-USDT-SWAP, line 2: maintenance_amount 0 breaks the recursion/
    )
  })
})
