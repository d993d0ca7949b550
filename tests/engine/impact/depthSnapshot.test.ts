import { describe, expect, it } from 'vitest'
import { parseDepthSnapshot, type DepthRecord } from '../../../src/engine/impact/depthSnapshot'
import { DepthSnapshotError } from '../../../src/engine/impact/depthSnapshotError'

/** Records numbered as in a file with a header on line 1. */
function rows(...fields: [string, string, string][]): DepthRecord[] {
  return fields.map(([side, price, size], i) => ({ line: i + 2, side, price, size }))
}

function errorOf(records: DepthRecord[]): DepthSnapshotError {
  try {
    parseDepthSnapshot(records)
  } catch (error) {
    if (error instanceof DepthSnapshotError) return error
    throw error
  }
  throw new Error('expected a DepthSnapshotError')
}

describe('parseDepthSnapshot', () => {
  it('orders bids down and asks up, merges repeated prices and takes the mid', () => {
    const snapshot = parseDepthSnapshot(
      rows(
        ['ask', '101', '2'],
        ['bid', '98', '1'],
        ['BID', '99', '0.5'],
        ['Ask', '100.5', '3'],
        ['bid', '99.0', '0.25']
      )
    )
    expect(Array.from(snapshot.bids.prices)).toEqual([99, 98])
    expect(Array.from(snapshot.bids.sizes)).toEqual([0.75, 1])
    expect(Array.from(snapshot.asks.prices)).toEqual([100.5, 101])
    expect(Array.from(snapshot.asks.sizes)).toEqual([3, 2])
    expect(snapshot.mid).toBe(99.75)
    expect(snapshot.bids.prices).toBeInstanceOf(Float64Array)
  })

  it('names the line and reason of a bad side', () => {
    const error = errorOf(rows(['bid', '99', '1'], ['buy', '100', '1'], ['ask', '101', '1']))
    expect(error.message).toContain('line 3: side must be "bid" or "ask", got "buy"')
    expect(error.issues).toEqual([{ line: 3, reason: 'side must be "bid" or "ask", got "buy"' }])
  })

  it('names the line of a negative size', () => {
    const error = errorOf(rows(['bid', '99', '1'], ['ask', '101', '1'], ['ask', '102', '-2']))
    expect(error.message).toContain('line 4: size must be a positive finite number, got "-2"')
  })

  it('names the line of an empty or non-decimal price', () => {
    const error = errorOf(rows(['bid', '', '1'], ['ask', '0x65', '1'], ['ask', 'Infinity', '1']))
    expect(error.message).toContain('line 2: price must be a positive finite number, got ""')
    expect(error.message).toContain('line 3: price must be a positive finite number, got "0x65"')
    expect(error.message).toContain('line 4: price')
  })

  it('rejects a crossed book, naming the lines of both best levels', () => {
    const error = errorOf(rows(['bid', '99', '1'], ['bid', '101', '1'], ['ask', '100', '1']))
    expect(error.message).toBe(
      'depth snapshot: crossed book, best bid 101 (line 3) is not below best ask 100 (line 4)'
    )
    expect(error.issues.map((issue) => issue.line)).toEqual([3, 4])
  })

  it('rejects a book whose best bid equals its best ask', () => {
    expect(() => parseDepthSnapshot(rows(['bid', '100', '1'], ['ask', '100', '1']))).toThrow(
      'crossed book'
    )
  })

  it('rejects an empty book and a one-sided one', () => {
    expect(() => parseDepthSnapshot([])).toThrow(
      'depth snapshot: needs at least one bid and one ask level, got 0 bid and 0 ask levels'
    )
    expect(() => parseDepthSnapshot(rows(['bid', '99', '1'], ['bid', '98', '1']))).toThrow(
      'got 2 bid and 0 ask levels'
    )
  })

  it('lists the first ten bad lines and counts the rest', () => {
    const bad = rows(
      ...Array.from({ length: 13 }, (): [string, string, string] => ['bid', '1', '0'])
    )
    const error = errorOf(bad)
    expect(error.message).toMatch(/^depth snapshot: 13 bad rows: line 2: size/)
    expect(error.message).toContain('line 11: size')
    expect(error.message).not.toContain('line 12:')
    expect(error.message).toMatch(/; and 3 more$/)
    expect(error.issues).toHaveLength(10)
  })
})
