// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DATABASE_NAME, WorkspaceDb } from '../../src/renderer/src/workspaces/db'
import { encodeWorkspaceFile } from '../../src/renderer/src/workspaces/exportFile'
import { deltasOf, loadRevision } from '../../src/renderer/src/workspaces/repository'
import { createFakeApi } from './fakeApi'
import { sampleBook, sampleSnapshot, withSize } from './workspaceSamples'

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})

const { useWorkspaceStore } = await import('../../src/renderer/src/stores/workspaceStore')
const { useAppStore } = await import('../../src/renderer/src/stores/appStore')

const editedRow = {
  id: 'P000000',
  account: 'acct-0',
  venue: 'binance',
  symbol: 'BTCUSDT',
  contract: 'linear' as const,
  side: -1 as const,
  size: 9,
  entryPrice: 60_000,
  marginMode: 'cross' as const,
  margin: null,
  leverage: null,
  mmr: null,
  maintenanceAmount: null,
  walletBalance: 5_000,
  markPrice: null
}
const history = { canUndo: true, canRedo: false, undoLabel: 'edit', redoLabel: null }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const settle = async () => {
  for (let k = 0; k < 20; k++) await flush()
}
let mainVersion = 1

/** A renderer starting afresh on the same IndexedDB: a new Pinia, stores made anew. */
function freshRenderer() {
  setActivePinia(createPinia())
  fake.api.forgetListeners()
  for (const mock of Object.values(fake.api)) if (vi.isMockFunction(mock)) mock.mockReset()
  fake.api.workspaceSnapshot.mockImplementation(async () =>
    sampleSnapshot(sampleBook(), mainVersion)
  )
  fake.api.markWorkspaceSaved.mockResolvedValue({ saved: true })
  fake.api.openWorkspace.mockImplementation(async () => ({ version: ++mainVersion }))
  fake.api.checkWorkspace.mockResolvedValue({ problem: null })
  const app = useAppStore()
  app.workspace = {
    name: 'Sample book',
    description: '',
    source: 'built-in sample',
    version: mainVersion,
    positions: 600,
    lendingPositions: 1,
    markets: []
  }
  return { app, workspaces: useWorkspaceStore() }
}

beforeEach(async () => {
  mainVersion = 1
  await new WorkspaceDb(DATABASE_NAME).delete()
})

describe('workspace store', () => {
  it('makes the book main starts on the first workspace, saved', async () => {
    const { workspaces } = freshRenderer()
    expect(workspaces.state).toBe('opening')
    await workspaces.start()
    expect(workspaces.list.map((entry) => entry.name)).toEqual(['Sample book'])
    expect(workspaces.current?.name).toBe('Sample book')
    expect(workspaces.state).toBe('saved')
    expect(fake.api.markWorkspaceSaved).toHaveBeenCalledWith({ version: 1 })
  })

  it('logs each edit at once, and a restart replays the log on the saved book', async () => {
    const first = freshRenderer()
    await first.workspaces.start()
    const edited = { ...sampleSnapshot(withSize(sampleBook(), 0, 9)), version: 2 }
    const upsert = {
      id: 'P000000',
      account: 'acct-0',
      venue: 'binance',
      symbol: 'BTCUSDT',
      contract: 'linear' as const,
      side: -1 as const,
      size: 9,
      entryPrice: 60_000,
      marginMode: 'cross' as const,
      margin: null,
      leverage: null,
      mmr: null,
      maintenanceAmount: null,
      walletBalance: 5_000,
      markPrice: null
    }
    fake.api.workspaceChanges.mockResolvedValue({
      version: 2,
      delta: { upserts: [upsert], removals: [] }
    })
    fake.api.emit('book:changed', {
      version: 2,
      positions: 600,
      workspaceName: 'Sample book',
      reason: 'edit',
      history
    })
    await settle()
    expect(first.workspaces.state).toBe('unsaved')
    const db = new WorkspaceDb(DATABASE_NAME)
    expect(await db.deltas.count()).toBe(1)

    // The page dies before autosave: the next start opens the saved book with the log.
    const second = freshRenderer()
    void second.workspaces.start()
    await settle()
    const [request] = fake.api.openWorkspace.mock.calls[0]
    expect(request.snapshot.book.size[0]).toBe(sampleBook().size[0])
    expect(request.deltas).toEqual([{ upserts: [upsert], removals: [] }])
    second.app.workspace = { ...second.app.workspace!, version: mainVersion }
    await settle()
    expect(second.workspaces.notice).toBe(
      'Recovered 1 unsaved change from the last session: save to keep them in a new version.'
    )
    expect(second.workspaces.state).toBe('unsaved')

    // Saving folds the log into a new version.
    fake.api.workspaceSnapshot.mockResolvedValue(edited)
    expect(await second.workspaces.save()).toBe(true)
    expect(await db.deltas.count()).toBe(0)
    expect(second.workspaces.state).toBe('saved')
    expect(second.workspaces.revisions.get(second.workspaces.currentId!)).toHaveLength(2)
  })

  it('makes a sample or imported book a new workspace, and refuses to delete the open one', async () => {
    const { workspaces } = freshRenderer()
    await workspaces.start()
    mainVersion = 5
    fake.api.emit('book:changed', {
      version: 5,
      positions: 600,
      workspaceName: 'desk-positions',
      reason: 'import',
      history
    })
    await settle()
    expect(workspaces.list.map((entry) => entry.name).sort()).toEqual([
      'Sample book',
      'desk-positions'
    ])
    expect(workspaces.current?.name).toBe('desk-positions')
    await workspaces.remove(workspaces.currentId!)
    expect(workspaces.error).toBe('this workspace is open: open another one before deleting it')
    expect(workspaces.list).toHaveLength(2)
  })

  it('keeps files merged into the open workspace in it, unsaved until the autosave', async () => {
    const { workspaces } = freshRenderer()
    await workspaces.start()
    const opened = workspaces.currentId
    mainVersion = 6
    fake.api.emit('book:changed', {
      version: 6,
      positions: 20_004,
      workspaceName: 'Sample book',
      reason: 'merge',
      history
    })
    await settle()
    expect(workspaces.list).toHaveLength(1)
    expect(workspaces.currentId).toBe(opened)
    expect(workspaces.state).toBe('unsaved')
  })

  /** An edit in main at `version`, logged by the store as one delta log entry. */
  async function editInMain(version: number): Promise<void> {
    fake.api.workspaceChanges.mockResolvedValue({
      version,
      delta: { upserts: [editedRow], removals: [] }
    })
    fake.api.emit('book:changed', {
      version,
      positions: 600,
      workspaceName: 'Sample book',
      reason: 'edit',
      history
    })
    await settle()
  }

  it("folds a crashed session's log into the next save, though its versions are higher", async () => {
    const first = freshRenderer()
    await first.workspaces.start()
    // The crashed session's main had reached version 40.
    await editInMain(40)
    const db = new WorkspaceDb(DATABASE_NAME)
    expect(await db.deltas.count()).toBe(1)

    // The next launch's main counts from 1 again.
    mainVersion = 1
    const second = freshRenderer()
    void second.workspaces.start()
    await settle()
    second.app.workspace = { ...second.app.workspace!, version: mainVersion }
    await settle()
    expect(second.workspaces.state).toBe('unsaved')
    fake.api.workspaceSnapshot.mockResolvedValue(
      sampleSnapshot(withSize(sampleBook(), 0, 9), mainVersion)
    )
    expect(await second.workspaces.save()).toBe(true)
    expect(await db.deltas.count()).toBe(0)

    // So the next open replays nothing and has nothing to save.
    const third = freshRenderer()
    void third.workspaces.start()
    await settle()
    third.app.workspace = { ...third.app.workspace!, version: mainVersion }
    await settle()
    expect(fake.api.openWorkspace.mock.calls[0][0].deltas).toEqual([])
    expect(third.workspaces.notice).toBeNull()
    expect(third.workspaces.state).toBe('saved')
  })

  it('opens the saved version when the log no longer replays, keeping the log aside', async () => {
    const first = freshRenderer()
    await first.workspaces.start()
    await editInMain(2)

    const second = freshRenderer()
    fake.api.openWorkspace.mockImplementation(async (request: { deltas: unknown[] }) => {
      if (request.deltas.length > 0) throw new Error('no position P000000 to edit')
      return { version: ++mainVersion }
    })
    void second.workspaces.start()
    await settle()
    second.app.workspace = { ...second.app.workspace!, version: mainVersion }
    await settle()
    expect(second.workspaces.error).toBeNull()
    expect(second.workspaces.current?.name).toBe('Sample book')
    expect(second.workspaces.state).toBe('saved')
    expect(second.workspaces.notice).toContain(
      '1 unsaved change from the last session could not be applied to the saved version of "Sample book" (no position P000000 to edit)'
    )
    const [kept] = await new WorkspaceDb(DATABASE_NAME).deltas.toArray()
    expect(kept.delta.upserts).toEqual([editedRow])
    expect(kept.setAside?.reason).toBe('no position P000000 to edit')

    // Set aside, it is not replayed again: the workspace opens as saved from now on.
    const third = freshRenderer()
    void third.workspaces.start()
    await settle()
    expect(fake.api.openWorkspace).toHaveBeenCalledTimes(1)
    expect(fake.api.openWorkspace.mock.calls[0][0].deltas).toEqual([])
  })

  it('never saves an imported book into the workspace that was open, even with unsaved edits', async () => {
    const { workspaces } = freshRenderer()
    await workspaces.start()
    const previous = workspaces.currentId!
    await editInMain(2)
    expect(workspaces.state).toBe('unsaved')

    // Main now holds the imported book: every snapshot from here on is of it.
    const imported = sampleSnapshot(sampleBook(40), 3)
    fake.api.workspaceSnapshot.mockResolvedValue(imported)
    const longName = 'desk-positions-'.repeat(10)
    fake.api.emit('book:changed', {
      version: 3,
      positions: 40,
      workspaceName: longName,
      reason: 'import',
      history
    })
    await settle()
    expect(workspaces.error).toBeNull()
    expect(workspaces.current?.name).toBe(longName.slice(0, 120))
    expect(workspaces.state).toBe('saved')
    const db = new WorkspaceDb(DATABASE_NAME)
    const old = (await db.workspaces.get(previous))!
    expect(old.positions).toBe(600)
    expect((await loadRevision(db, old.head)).snapshot.book.length).toBe(600)
    // Its edit is still in its log, replayed when it is opened again.
    expect((await deltasOf(db, previous)).map((entry) => entry.delta.upserts)).toEqual([
      [editedRow]
    ])
  })

  it('says "not saved" when the last workspace cannot be opened, and keeps the next edit', async () => {
    const first = freshRenderer()
    await first.workspaces.start()

    const second = freshRenderer()
    fake.api.openWorkspace.mockRejectedValue(new Error('the stored book is damaged'))
    await second.workspaces.start()
    expect(second.workspaces.currentId).toBeNull()
    expect(second.workspaces.state).toBe('failed')
    expect(second.workspaces.failed).toContain('the stored book is damaged')

    // An edit of the book on screen makes it a workspace of its own, so the edit is kept.
    fake.api.workspaceSnapshot.mockResolvedValue(
      sampleSnapshot(withSize(sampleBook(), 0, 9), mainVersion + 1)
    )
    await editInMain(mainVersion + 1)
    expect(second.workspaces.list).toHaveLength(2)
    expect(second.workspaces.current?.name).toBe('Sample book (2)')
    expect(second.workspaces.state).toBe('saved')
    const db = new WorkspaceDb(DATABASE_NAME)
    const stored = await loadRevision(db, second.workspaces.current!.head)
    expect(stored.snapshot.book.size[0]).toBe(9)
  })

  it("never hands main an imported file's solved table: main solves the book itself", async () => {
    const { workspaces } = freshRenderer()
    await workspaces.start()
    const n = 600
    const solved = {
      engineVersion: 'any',
      liquidationPrice: new Float64Array(n).fill(1),
      bankruptcyPrice: new Float64Array(n),
      markPrice: new Float64Array(n),
      distance: new Float64Array(n),
      marginRatio: new Float64Array(n),
      crossGroup: new Int32Array(n).fill(-1),
      groups: {
        account: new Uint32Array(0),
        underlying: new Uint16Array(0),
        underlyings: [],
        memberStart: new Uint32Array(1),
        members: new Uint32Array(0),
        downPrice: new Float64Array(0),
        upPrice: new Float64Array(0),
        downBankruptcy: new Float64Array(0),
        upBankruptcy: new Float64Array(0),
        heldBalance: new Float64Array(0)
      },
      issues: []
    }
    const { bytes } = await encodeWorkspaceFile({
      name: 'From a colleague',
      snapshot: { ...sampleSnapshot(), solved },
      parts: {}
    })
    await workspaces.importFile(new File([bytes as Uint8Array<ArrayBuffer>], 'colleague.cascadews'))
    expect(workspaces.error).toBeNull()
    // Main checks the file's positions before it is stored, and not its solved table either.
    expect(fake.api.checkWorkspace).toHaveBeenCalledTimes(1)
    expect(fake.api.checkWorkspace.mock.calls[0][0].snapshot.solved).toBeNull()
    const imported = workspaces.list.find((entry) => entry.name === 'From a colleague')!
    // Stored as it came, so it exports again to the same bytes.
    const stored = await loadRevision(new WorkspaceDb(DATABASE_NAME), imported.head)
    expect(stored.snapshot.solved).toEqual(solved)
    void workspaces.open(imported.id)
    await settle()
    const [request] = fake.api.openWorkspace.mock.calls.at(-1)!
    expect(request.snapshot.solved).toBeNull()
    expect(request.snapshot.book).toEqual(sampleSnapshot().book)
  })

  it("refuses a file main would not open, with main's reason, storing nothing", async () => {
    const { workspaces } = freshRenderer()
    await workspaces.start()
    const db = new WorkspaceDb(DATABASE_NAME)
    const storedBefore = {
      workspaces: await db.workspaces.toArray(),
      books: await db.books.count(),
      chunks: await db.chunks.count()
    }
    const tampered = sampleSnapshot()
    tampered.book.size[4] = -1
    const { bytes } = await encodeWorkspaceFile({ name: 'Tampered', snapshot: tampered, parts: {} })
    fake.api.checkWorkspace.mockResolvedValue({
      problem: 'position 4 ("P000004"): size -1 must be a finite number greater than 0'
    })
    await workspaces.importFile(new File([bytes as Uint8Array<ArrayBuffer>], 'tampered.cascadews'))
    expect(fake.api.checkWorkspace.mock.calls[0][0].snapshot.book.size[4]).toBe(-1)
    expect(workspaces.error).toBe(
      'tampered.cascadews: the file does not hold a valid workspace: position 4 ("P000004"): size -1 must be a finite number greater than 0'
    )
    expect(workspaces.list.map((entry) => entry.name)).toEqual(['Sample book'])
    expect({
      workspaces: await db.workspaces.toArray(),
      books: await db.books.count(),
      chunks: await db.chunks.count()
    }).toEqual(storedBefore)
  })
})
