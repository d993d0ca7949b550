// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DATABASE_NAME, WorkspaceDb } from '../../src/renderer/src/workspaces/db'
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
})
