import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DepthSnapshotError } from '../../../src/engine/impact/depthSnapshotError'
import { loadDepthSnapshotFile } from '../../../src/main/marketData/depthFile'
import { REAL_DEPTH_FILE } from './snapshots'

const folder = mkdtempSync(join(tmpdir(), 'cascade-depth-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function depthFile(name: string, text: string): string {
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}

describe('loadDepthSnapshotFile', () => {
  it('loads the real Binance BTCUSDT snapshot', () => {
    const snapshot = loadDepthSnapshotFile(REAL_DEPTH_FILE)
    expect(snapshot.bids.prices.length).toBe(1000)
    expect(snapshot.asks.prices.length).toBe(1000)
    expect(snapshot.bids.prices[0]).toBe(61_800.2)
    expect(snapshot.bids.prices[999]).toBe(61_653.4)
    expect(snapshot.asks.prices[0]).toBe(61_800.3)
    expect(snapshot.mid).toBe(61_800.25)
  })

  it('accepts a BOM, CRLF, blank lines, padding and any header case', () => {
    const path = depthFile(
      'loose.csv',
      '\ufeffSide, Price ,SIZE\r\nbid, 99 ,1\r\n\r\nASK,101,2\r\n'
    )
    const snapshot = loadDepthSnapshotFile(path)
    expect(Array.from(snapshot.bids.prices)).toEqual([99])
    expect(Array.from(snapshot.asks.sizes)).toEqual([2])
  })

  it('reports bad rows by their physical line, blank lines included', () => {
    const path = depthFile('bad.csv', 'side,price,size\nbid,99,1\n\nask,101,-1\n')
    expect(() => loadDepthSnapshotFile(path)).toThrow(
      'depth snapshot: 1 bad row: line 4: size must be a positive finite number, got "-1"'
    )
  })

  it('names a missing column, even when there are no rows', () => {
    for (const text of ['side,price\nbid,99\nask,101\n', 'side,price\n']) {
      const path = depthFile('no-size.csv', text)
      expect(() => loadDepthSnapshotFile(path)).toThrow(DepthSnapshotError)
      expect(() => loadDepthSnapshotFile(path)).toThrow('missing column "size"')
    }
  })

  it('turns malformed CSV into a DepthSnapshotError with its line', () => {
    const path = depthFile('ragged.csv', 'side,price,size\nbid,99,1\nask,101\n')
    try {
      loadDepthSnapshotFile(path)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DepthSnapshotError)
      expect((error as DepthSnapshotError).issues[0].line).toBe(3)
    }
  })

  it('reports an empty file as an empty book', () => {
    expect(() => loadDepthSnapshotFile(depthFile('empty.csv', ''))).toThrow(
      'needs at least one bid and one ask level'
    )
  })
})
