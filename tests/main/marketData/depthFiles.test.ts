import { describe, expect, it } from 'vitest'
import { DepthSnapshotError } from '../../../src/engine/impact/depthSnapshotError'
import { loadDepthSnapshotFiles } from '../../../src/main/marketData/depthFile'
import { marketTemp } from './marketFiles'

const write = marketTemp()

describe('merged depth snapshots', () => {
  const binance = write(
    'binance.csv',
    'side,price,size\nbid,61800.1,2\nbid,61800.0,1\nask,61800.2,1.5\n'
  )
  const okx = write(
    'okx.csv',
    'Side,Price,Size,venue\nbuy,61800.0,3,okx\nsell,61800.3,4,okx\nsell,61800.2,0.5,okx\n'
  )

  it('adds up levels of several venues at the same price, whatever they call the sides', () => {
    const book = loadDepthSnapshotFiles([binance, okx])
    expect(Array.from(book.bids.prices)).toEqual([61800.1, 61800.0])
    expect(Array.from(book.bids.sizes)).toEqual([2, 4])
    expect(Array.from(book.asks.sizes)).toEqual([2, 4])
    expect(book.mid).toBeCloseTo(61800.15, 9)
  })

  it('names the file and line of a bad row', () => {
    const bad = write('bad.csv', 'side,price,size\nbid,61800,1\nask,x,1\n')
    expect(() => loadDepthSnapshotFiles([binance, bad])).toThrow(
      /depth file .*bad.csv: depth snapshot: 1 bad row: line 3: price must be/
    )
  })

  it('refuses snapshots that cross when merged, naming both files', () => {
    const late = write('late.csv', 'side,price,size\nbid,61850,1\nask,61851,1\n')
    try {
      loadDepthSnapshotFiles([binance, late])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DepthSnapshotError)
      expect((error as Error).message).toMatch(
        /best bid 61850 of .*late.csv is not below the best ask 61800.2 of .*binance.csv/
      )
    }
  })
})
