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
import { workspaceSnapshotSchema, type WorkspaceSnapshot } from '../../src/shared/workspaceSnapshot'
import { formatVersionOf, freshWorkspaceDb } from './workspaceDbFixture'
import { sampleBook, sampleEstimate, sampleSnapshot } from './workspaceSamples'

const database = freshWorkspaceDb('workspace-tiers')

/** OKX's ETH-USDT-SWAP tiers as main stores them: floors in ETH (contracts of 0.1 ETH), no amounts. */
const okxEth = (): WorkspaceSnapshot['tiers'][number] => ({
  venue: 'okx',
  symbol: 'ETH-USDT-SWAP',
  measure: 'size',
  floors: Float64Array.of(0, 300, 600, 1_200),
  rates: Float64Array.of(0.004, 0.005, 0.01, 0.015),
  amounts: Float64Array.of(0, 0, 0, 0),
  maxLeverage: Float64Array.of(125, 100, 66.66, NaN)
})

/** A workspace with an OKX ETH position, margined with that size table next to a notional one. */
function sizeTiered(): WorkspaceSnapshot {
  const book = sampleBook(1_000)
  book.venues = [...book.venues, 'okx']
  book.symbols = [...book.symbols, 'ETH-USDT-SWAP']
  book.venue[7] = 2
  book.symbol[7] = 3
  const snapshot = sampleSnapshot(book)
  return { ...snapshot, tiers: [...snapshot.tiers, okxEth()] }
}

/** toEqual does not tell an absent key from an undefined one: the measures, as stored. */
const measures = (snapshot: WorkspaceSnapshot) =>
  snapshot.tiers.map((table) => [
    table.venue,
    table.symbol,
    Object.hasOwn(table, 'measure') ? table.measure : 'absent'
  ])

describe('a workspace margined with a size tier table', () => {
  it('keeps the table counting size in storage: saves, parts-only saves and duplicates', async () => {
    const snapshot = sizeTiered()
    const stored = await createWorkspace(database(), { snapshot, parts: {} }, 'OKX ETH')
    const loaded = await loadRevision(database(), stored.head)
    expect(loaded.snapshot).toEqual(snapshot)
    expect(measures(loaded.snapshot)).toEqual([
      ['binance', 'BTCUSDT', 'absent'],
      ['okx', 'ETH-USDT-SWAP', 'size']
    ])
    expect(loaded.snapshot.tiers[1].floors).toBeInstanceOf(Float64Array)
    // What main validates on entry accepts it as stored.
    expect(workspaceSnapshotSchema.safeParse(loaded.snapshot).success).toBe(true)

    const partsOnly = await saveWorkspace(database(), stored.id, {
      snapshot: null,
      parts: { view: { version: 1, value: { view: 'book' } } },
      bookVersion: 1,
      foldedSeq: null
    })
    expect(measures((await loadRevision(database(), partsOnly.id)).snapshot)).toEqual(
      measures(snapshot)
    )
    const copy = await duplicateWorkspace(database(), stored.id, 'OKX ETH copy')
    expect(measures((await loadRevision(database(), copy.head)).snapshot)).toEqual(
      measures(snapshot)
    )
  })

  it('exports it as format 3, which older readers refuse as newer, and imports it exactly', async () => {
    const stored = await createWorkspace(
      database(),
      { snapshot: sizeTiered(), parts: {} },
      'OKX ETH'
    )
    const loaded = await loadRevision(database(), stored.head)
    const exported = await encodeWorkspaceFile({ name: 'OKX ETH', ...loaded })
    expect(formatVersionOf(exported.bytes)).toBe(3)
    const imported = await decodeWorkspaceFile(exported.bytes)
    expect(imported.snapshot).toEqual(loaded.snapshot)
    expect(measures(imported.snapshot)).toEqual(measures(loaded.snapshot))
    expect((await encodeWorkspaceFile(imported)).contentHash).toBe(exported.contentHash)

    // Stored from the file and loaded back, as an import does.
    const again = await createWorkspace(
      database(),
      { ...imported, solvedFromFile: true },
      'OKX ETH'
    )
    expect(measures((await loadRevision(database(), again.head)).snapshot)).toEqual(
      measures(sizeTiered())
    )

    // With an estimate too, still format 3: a format 2 reader cannot read the size table.
    const both = await encodeWorkspaceFile({
      name: 'Both',
      snapshot: { ...sizeTiered(), estimate: sampleEstimate() },
      parts: {}
    })
    expect(formatVersionOf(both.bytes)).toBe(3)
    expect(measures((await decodeWorkspaceFile(both.bytes)).snapshot)).toEqual(
      measures(sizeTiered())
    )
  })

  it('refuses a file whose tier table counts something this app does not know', async () => {
    const snapshot = sizeTiered()
    const odd = { ...snapshot, tiers: [{ ...okxEth(), measure: 'contracts' }] }
    const { bytes } = await encodeWorkspaceFile({
      name: 'Odd',
      snapshot: odd as unknown as WorkspaceSnapshot,
      parts: {}
    })
    await expect(decodeWorkspaceFile(bytes)).rejects.toThrow(
      /^the file does not hold a valid workspace: tiers\.0\.measure: /
    )
  })
})
