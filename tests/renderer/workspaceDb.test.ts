import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WorkspaceDb } from '../../src/renderer/src/workspaces/db'
import {
  appendDelta,
  createWorkspace,
  deleteWorkspace,
  deltasOf,
  duplicateWorkspace,
  KEPT_REVISIONS,
  lastDeltaSeq,
  listWorkspaces,
  loadRevision,
  renameWorkspace,
  revisionsOf,
  saveWorkspace,
  setDeltasAside
} from '../../src/renderer/src/workspaces/repository'
import { CHUNK_ELEMENTS } from '../../src/renderer/src/workspaces/chunks'
import { StorageFullError } from '../../src/renderer/src/workspaces/quota'
import { sampleBook, sampleSnapshot, withSize } from './workspaceSamples'

let db: WorkspaceDb
let name = 0

beforeEach(async () => {
  db = new WorkspaceDb(`workspaces-test-${++name}`)
  await db.open()
})
afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  await db.delete()
})

const parts = { runResults: { version: 1, value: { shock: -0.08 } } }
const delta = (id: string) => ({ upserts: [], removals: [id] })

describe('workspace storage in IndexedDB', () => {
  it('stores a book column-wise in chunks and reads back exactly what was saved', async () => {
    const snapshot = sampleSnapshot(sampleBook(140_000))
    const workspace = await createWorkspace(db, { snapshot, parts }, 'Big book')
    // 140k positions are a few dozen chunk records, not 140k rows.
    const chunks = await db.chunks.count()
    expect(chunks).toBeGreaterThan(20)
    expect(chunks).toBeLessThan(100)
    const loaded = await loadRevision(db, workspace.head)
    expect(loaded.snapshot).toEqual(snapshot)
    expect(Object.is(loaded.snapshot.book.maintenanceAmount[1], -0)).toBe(true)
    expect(loaded.snapshot.book.size).toBeInstanceOf(Float64Array)
    expect(loaded.parts).toEqual(parts)
    expect(workspace.bytes).toBeGreaterThan(140_000 * 80)
  })

  it('a save that fails half-way leaves the previous version as it was', async () => {
    const first = sampleSnapshot(sampleBook(140_000))
    const workspace = await createWorkspace(db, { snapshot: first, parts }, 'Book')
    const before = { chunks: await db.chunks.count(), books: await db.books.count() }
    await appendDelta(db, workspace.id, 2, delta('P000001'))
    const edited = sampleSnapshot(withSize(first.book, 1, 99), 2)
    const batches: number[] = []
    await expect(
      saveWorkspace(
        db,
        workspace.id,
        { snapshot: edited, parts, bookVersion: 2, foldedSeq: 1 },
        {
          afterBatch: (written, total) => {
            batches.push(written)
            if (written * 2 >= total) throw new Error('the tab was closed')
          }
        }
      )
    ).rejects.toThrow('the tab was closed')
    expect(batches.length).toBeGreaterThan(0)
    expect({ chunks: await db.chunks.count(), books: await db.books.count() }).toEqual(before)
    expect((await db.workspaces.get(workspace.id))?.head).toBe(workspace.head)
    expect(await deltasOf(db, workspace.id)).toHaveLength(1)
    expect((await loadRevision(db, workspace.head)).snapshot).toEqual(first)
  })

  it('saves versions, keeps the last few, and drops the delta log entries a save contains', async () => {
    // The clock steps back on every save: order comes from the saves, not from Date.now().
    let clock = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => (clock -= 1_000))
    const workspace = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Book')
    await appendDelta(db, workspace.id, 2, delta('P000001'))
    await appendDelta(db, workspace.id, 5, delta('P000002'))
    const foldedSeq = (await deltasOf(db, workspace.id)).at(-1)!.seq!
    for (let version = 2; version < 2 + KEPT_REVISIONS + 1; version++)
      await saveWorkspace(db, workspace.id, {
        snapshot: sampleSnapshot(withSize(sampleBook(), 0, version), version),
        parts,
        bookVersion: version,
        foldedSeq
      })
    const kept = await revisionsOf(db, workspace.id)
    expect(kept.map((revision) => revision.bookVersion)).toEqual([5, 4, 3])
    expect((await db.workspaces.get(workspace.id))?.head).toBe(kept[0].id)
    expect(await db.books.count()).toBe(KEPT_REVISIONS)
    // Entries up to the last one logged before the snapshot are in the save.
    expect(await deltasOf(db, workspace.id)).toEqual([])
    const latest = await loadRevision(db, kept[0].id)
    expect(latest.snapshot.book.size[0]).toBe(5)

    // A save of parts alone reuses the book: no new chunks.
    const chunks = await db.chunks.count()
    const partsOnly = await saveWorkspace(db, workspace.id, {
      snapshot: null,
      parts: { view: { version: 1, value: 'book' } },
      bookVersion: 5,
      foldedSeq: null
    })
    expect(partsOnly.bookId).toBe(kept[0].bookId)
    expect(await db.chunks.count()).toBeLessThanOrEqual(chunks)
    expect((await loadRevision(db, partsOnly.id)).parts).toEqual({
      view: { version: 1, value: 'book' }
    })
  })

  it('never prunes the version just saved, whatever the clock says', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000)
    const workspace = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Book')
    for (let version = 2; version < 2 + 2 * KEPT_REVISIONS; version++) {
      const saved = await saveWorkspace(db, workspace.id, {
        snapshot: sampleSnapshot(withSize(sampleBook(), 0, version), version),
        parts,
        bookVersion: version,
        foldedSeq: null
      })
      expect((await db.workspaces.get(workspace.id))?.head).toBe(saved.id)
      expect((await loadRevision(db, saved.id)).snapshot.book.size[0]).toBe(version)
    }
    const kept = await revisionsOf(db, workspace.id)
    expect(kept.map((revision) => revision.bookVersion)).toEqual([7, 6, 5])
  })

  it("folds log entries by their own order: a crashed session's higher versions are pruned", async () => {
    const workspace = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Book')
    // The crashed session had reached version 40; the next launch's main starts again at 1.
    await appendDelta(db, workspace.id, 40, delta('P000001'))
    await appendDelta(db, workspace.id, 41, delta('P000002'))
    const foldedSeq = (await deltasOf(db, workspace.id)).at(-1)!.seq!
    // An edit logged after the snapshot was taken is not in the save: it stays.
    await appendDelta(db, workspace.id, 3, delta('P000003'))
    await saveWorkspace(db, workspace.id, {
      snapshot: sampleSnapshot(withSize(sampleBook(), 0, 2), 2),
      parts,
      bookVersion: 2,
      foldedSeq
    })
    expect((await deltasOf(db, workspace.id)).map((entry) => entry.delta)).toEqual([
      delta('P000003')
    ])
  })

  it('keeps entries set aside out of replays and saves, until the workspace is deleted', async () => {
    const workspace = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Book')
    await appendDelta(db, workspace.id, 2, delta('P000001'))
    await setDeltasAside(db, await deltasOf(db, workspace.id), 'no position P000001')
    expect(await deltasOf(db, workspace.id)).toEqual([])
    await saveWorkspace(db, workspace.id, {
      snapshot: sampleSnapshot(withSize(sampleBook(), 0, 2), 2),
      parts,
      bookVersion: 2,
      foldedSeq: await lastDeltaSeq(db, workspace.id)
    })
    const [kept] = await db.deltas.toArray()
    expect(kept.delta).toEqual(delta('P000001'))
    expect(kept.setAside?.reason).toBe('no position P000001')
    await deleteWorkspace(db, workspace.id)
    expect(await db.deltas.count()).toBe(0)
  })

  it('shortens a long name to fit rather than refusing it', async () => {
    const long = 'x'.repeat(200)
    const first = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, long)
    const second = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, long)
    expect(first.name).toBe('x'.repeat(120))
    expect(second.name).toBe(`${'x'.repeat(116)} (2)`)
  })

  it('renames, refusing an empty or taken name; duplicates share the book; deletes the rest', async () => {
    const a = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Alpha')
    const b = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Alpha')
    expect(b.name).toBe('Alpha (2)')
    await expect(renameWorkspace(db, b.id, '  ')).rejects.toThrow('a workspace needs a name')
    await expect(renameWorkspace(db, b.id, 'Alpha')).rejects.toThrow(
      'there is already a workspace named "Alpha"'
    )
    await renameWorkspace(db, b.id, ' Beta ')
    expect((await db.workspaces.get(b.id))?.name).toBe('Beta')

    const books = await db.books.count()
    const copy = await duplicateWorkspace(db, a.id, 'Alpha copy')
    expect(await db.books.count()).toBe(books)
    await deleteWorkspace(db, a.id)
    expect((await loadRevision(db, copy.head)).snapshot).toEqual(sampleSnapshot())
    await deleteWorkspace(db, copy.id)
    expect((await listWorkspaces(db)).map((workspace) => workspace.name)).toEqual(['Beta'])
    expect(await db.books.count()).toBe(1)
    const onlyBook = (await db.revisions.toArray())[0].bookId
    expect((await db.chunks.toArray()).every((chunk) => chunk.bookId === onlyBook)).toBe(true)
  })

  it('writes only the chunks that changed since the last version, and frees them with it', async () => {
    const first = sampleSnapshot(sampleBook(300_000))
    const workspace = await createWorkspace(db, { snapshot: first, parts }, 'Book')
    const stored = await db.chunks.count()
    let written = 0
    const save = (snapshot: typeof first, version: number) =>
      saveWorkspace(
        db,
        workspace.id,
        { snapshot, parts, bookVersion: version, foldedSeq: null },
        { afterBatch: (count) => (written = count) }
      )
    // One size in the first chunk; then one in the third, a −0 made 0 (equal to ===) and a NaN.
    const second = sampleSnapshot(withSize(first.book, 1, 99), 2)
    await save(second, 2)
    expect(written).toBe(1)
    const thirdBook = withSize(second.book, 2 * CHUNK_ELEMENTS + 5, 7)
    expect(Object.is(thirdBook.maintenanceAmount[1], -0)).toBe(true)
    thirdBook.maintenanceAmount[1] = 0
    thirdBook.entryPrice[CHUNK_ELEMENTS + 3] = NaN
    const third = sampleSnapshot(thirdBook, 3)
    written = 0
    await save(third, 3)
    expect(written).toBe(3)
    expect(await db.chunks.count()).toBe(stored + 4)
    // Pruned versions leave the chunks the kept ones still read; each reads back exactly.
    written = 0
    await save(third, 4)
    await save(sampleSnapshot(withSize(third.book, 0, 5), 5), 5)
    expect(written).toBe(1)
    const kept = await revisionsOf(db, workspace.id)
    expect(kept).toHaveLength(KEPT_REVISIONS)
    const loaded = await loadRevision(db, kept[1].id)
    expect(loaded.snapshot).toEqual(third)
    expect(Object.is(loaded.snapshot.book.maintenanceAmount[1], 0)).toBe(true)
    expect(loaded.snapshot.book.entryPrice[CHUNK_ELEMENTS + 3]).toBeNaN()
    expect((await loadRevision(db, kept[2].id)).snapshot).toEqual(third)
    expect((await loadRevision(db, kept[0].id)).snapshot.book.size[0]).toBe(5)
    // A save after reading another book (not this workspace's last version) writes every chunk.
    const other = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Other')
    await loadRevision(db, other.head)
    written = 0
    await save(sampleSnapshot(withSize(third.book, 0, 6), 6), 6)
    expect(written).toBe(stored)
    expect(
      (await loadRevision(db, (await revisionsOf(db, workspace.id))[1].id)).snapshot.book.size[0]
    ).toBe(5)
    await deleteWorkspace(db, workspace.id)
    await deleteWorkspace(db, other.id)
    expect(await db.chunks.count()).toBe(0)
    expect(await db.books.count()).toBe(0)
  })

  it('checks the quota before a large save and explains what to do', async () => {
    const workspace = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Book')
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ quota: 2_000_000, usage: 1_500_000 }) }
    })
    const big = sampleSnapshot(sampleBook(100_000), 2)
    const error = await saveWorkspace(db, workspace.id, {
      snapshot: big,
      parts,
      bookVersion: 2,
      foldedSeq: null
    }).catch((cause: unknown) => cause)
    expect(error).toBeInstanceOf(StorageFullError)
    expect((error as Error).message).toMatch(
      /Not enough storage to save "Book" \(it needs about \d+ MB, 1 MB free\)\. Nothing was lost/
    )
    expect((error as Error).message).toContain('delete workspaces you no longer need')
    expect(await revisionsOf(db, workspace.id)).toHaveLength(1)
  })

  it('turns the browser refusing a write for quota into the same advice, rolled back', async () => {
    const workspace = await createWorkspace(db, { snapshot: sampleSnapshot(), parts }, 'Book')
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    await expect(
      saveWorkspace(
        db,
        workspace.id,
        {
          // Changed: a save writes only the chunks that differ from the version before.
          snapshot: sampleSnapshot(withSize(sampleBook(), 0, 7), 2),
          parts,
          bookVersion: 2,
          foldedSeq: null
        },
        {
          afterBatch: () => {
            throw full
          }
        }
      )
    ).rejects.toThrow(StorageFullError)
    expect(await revisionsOf(db, workspace.id)).toHaveLength(1)
  })
})

describe('schema versions', () => {
  it('upgrades a version 1 database: workspaces gain their stored size and last change', async () => {
    const dbName = `workspaces-v1-${++name}`
    const v1 = new Dexie(dbName)
    v1.version(1).stores({
      workspaces: 'id, name',
      revisions: 'id, workspaceId, bookId',
      books: 'id',
      chunks: '[bookId+column+index]',
      deltas: '++seq, workspaceId',
      settings: 'key'
    })
    await v1.table('workspaces').add({
      id: 'w1',
      name: 'Old',
      description: '',
      source: '',
      createdAt: 1_000,
      head: 'r2',
      positions: 3
    })
    await v1.table('revisions').bulkAdd([
      {
        id: 'r1',
        workspaceId: 'w1',
        savedAt: 2_000,
        bookId: 'b1',
        parts: {},
        positions: 3,
        bookVersion: 1
      },
      {
        id: 'r2',
        workspaceId: 'w1',
        savedAt: 3_000,
        bookId: 'b2',
        parts: {},
        positions: 3,
        bookVersion: 2
      }
    ])
    await v1.table('books').bulkAdd([
      { id: 'b1', skeleton: null, columns: [], bytes: 1_200 },
      { id: 'b2', skeleton: null, columns: [], bytes: 800 }
    ])
    v1.close()

    const upgraded = new WorkspaceDb(dbName)
    await upgraded.open()
    expect(upgraded.verno).toBe(2)
    const [workspace] = await listWorkspaces(upgraded)
    expect(workspace).toMatchObject({ id: 'w1', bytes: 2_000, modifiedAt: 3_000 })
    await upgraded.delete()
  })
})
