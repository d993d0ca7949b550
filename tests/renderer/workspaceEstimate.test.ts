import { describe, expect, it } from 'vitest'
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
import { formatVersionOf, freshWorkspaceDb } from './workspaceDbFixture'
import { sampleBook, sampleEstimate, sampleSnapshot } from './workspaceSamples'

const database = freshWorkspaceDb('workspace-estimate')

const estimated = () => ({ ...sampleSnapshot(sampleBook(1_000)), estimate: sampleEstimate() })

describe('an estimated workspace in storage and in files', () => {
  it('stores the estimate with the book: exact, kept by parts-only saves and duplicates', async () => {
    const snapshot = estimated()
    const stored = await createWorkspace(database(), { snapshot, parts: {} }, 'Estimated')
    const loaded = await loadRevision(database(), stored.head)
    expect(loaded.snapshot).toEqual(snapshot)
    expect(loaded.snapshot.estimate!.candles.close).toBeInstanceOf(Float64Array)
    expect(Number.isNaN(loaded.snapshot.estimate!.candles.takerBuyVolume[47])).toBe(true)
    // What main validates on entry accepts it as stored.
    expect(workspaceSnapshotSchema.safeParse(loaded.snapshot).success).toBe(true)

    const partsOnly = await saveWorkspace(database(), stored.id, {
      snapshot: null,
      parts: { view: { version: 1, value: { view: 'book' } } },
      bookVersion: 1,
      foldedSeq: null
    })
    expect((await loadRevision(database(), partsOnly.id)).snapshot.estimate).toEqual(
      snapshot.estimate
    )
    const copy = await duplicateWorkspace(database(), stored.id, 'Estimated copy')
    expect((await loadRevision(database(), copy.head)).snapshot.estimate).toEqual(snapshot.estimate)
  })

  it('opens a workspace stored before estimates were kept, as it was stored', async () => {
    const older = sampleSnapshot()
    const stored = await createWorkspace(database(), { snapshot: older, parts: {} }, 'Older')
    const db = database()
    const record = await db.books.get((await db.revisions.get(stored.head))!.bookId)
    expect(record!.skeleton).not.toHaveProperty('estimate')
    const loaded = await loadRevision(database(), stored.head)
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
