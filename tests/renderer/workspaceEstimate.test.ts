import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WorkspaceDb } from '../../src/renderer/src/workspaces/db'
import {
  decodeWorkspaceFile,
  encodeWorkspaceFile
} from '../../src/renderer/src/workspaces/exportFile'
import {
  createWorkspace,
  duplicateWorkspace,
  loadRevision,
  saveWorkspace
} from '../../src/renderer/src/workspaces/repository'
import { workspaceSnapshotSchema } from '../../src/shared/workspaceSnapshot'
import { sampleBook, sampleEstimate, sampleSnapshot } from './workspaceSamples'

let db: WorkspaceDb
let count = 0
beforeEach(async () => {
  db = new WorkspaceDb(`workspace-estimate-${++count}`)
  await db.open()
})
afterEach(() => db.delete())

const estimated = () => ({ ...sampleSnapshot(sampleBook(1_000)), estimate: sampleEstimate() })

const formatVersionOf = (bytes: Uint8Array): number =>
  Number(/"formatVersion":(\d+)/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 400)))![1])

describe('an estimated workspace in storage and in files', () => {
  it('stores the estimate with the book: exact, kept by parts-only saves and duplicates', async () => {
    const snapshot = estimated()
    const stored = await createWorkspace(db, { snapshot, parts: {} }, 'Estimated')
    const loaded = await loadRevision(db, stored.head)
    expect(loaded.snapshot).toEqual(snapshot)
    expect(loaded.snapshot.estimate!.candles.close).toBeInstanceOf(Float64Array)
    expect(Number.isNaN(loaded.snapshot.estimate!.candles.takerBuyVolume[47])).toBe(true)
    // What main validates on entry accepts it as stored.
    expect(workspaceSnapshotSchema.safeParse(loaded.snapshot).success).toBe(true)

    const partsOnly = await saveWorkspace(db, stored.id, {
      snapshot: null,
      parts: { view: { version: 1, value: { view: 'book' } } },
      bookVersion: 1,
      foldedSeq: null
    })
    expect((await loadRevision(db, partsOnly.id)).snapshot.estimate).toEqual(snapshot.estimate)
    const copy = await duplicateWorkspace(db, stored.id, 'Estimated copy')
    expect((await loadRevision(db, copy.head)).snapshot.estimate).toEqual(snapshot.estimate)
  })

  it('opens a workspace stored before estimates were kept, as it was stored', async () => {
    const older = sampleSnapshot()
    const stored = await createWorkspace(db, { snapshot: older, parts: {} }, 'Older')
    const record = await db.books.get((await db.revisions.get(stored.head))!.bookId)
    expect(record!.skeleton).not.toHaveProperty('estimate')
    const loaded = await loadRevision(db, stored.head)
    expect(loaded.snapshot).toEqual(older)
    expect(loaded.snapshot).not.toHaveProperty('estimate')
    expect(workspaceSnapshotSchema.safeParse(loaded.snapshot).success).toBe(true)
  })

  it('exports an estimate as format 2, exactly by its hash; a workspace without one stays format 1', async () => {
    const snapshot = estimated()
    const exported = await encodeWorkspaceFile({ name: 'Estimated', snapshot, parts: {} })
    expect(formatVersionOf(exported.bytes)).toBe(2)
    const imported = await decodeWorkspaceFile(exported.bytes)
    expect(imported.snapshot).toEqual(snapshot)
    expect(imported.contentHash).toBe(exported.contentHash)
    expect((await encodeWorkspaceFile(imported)).contentHash).toBe(exported.contentHash)

    const plain = await encodeWorkspaceFile({
      name: 'Plain',
      snapshot: sampleSnapshot(),
      parts: {}
    })
    expect(formatVersionOf(plain.bytes)).toBe(1)
    expect((await decodeWorkspaceFile(plain.bytes)).snapshot).toEqual(sampleSnapshot())
  })

  it('refuses a file whose estimate has a shape this app does not know', async () => {
    const snapshot = estimated()
    const later = { ...snapshot, estimate: { ...snapshot.estimate, version: 2 } }
    const { bytes } = await encodeWorkspaceFile({
      name: 'Later',
      snapshot: later as unknown as typeof snapshot,
      parts: {}
    })
    await expect(decodeWorkspaceFile(bytes)).rejects.toThrow(
      /^the file does not hold a valid workspace: estimate\.version: /
    )
  })
})
