import { describe, expect, it } from 'vitest'
import { ImportFileError } from '../../../src/engine/import/importFileError'
import { resolveLendingHeader } from '../../../src/engine/import/lendingColumns'
import { resolveHeader } from '../../../src/engine/import/positionColumns'

describe('resolveHeader', () => {
  it('matches names case-insensitively, trimmed, in any order, and keeps unknown columns', () => {
    const header = resolveHeader([
      ' Size ',
      'ENTRY PRICE',
      'note',
      'side',
      '\ufeffid',
      'Symbol',
      'mark-price',
      ''
    ])
    expect(header.columns).toEqual({
      size: 0,
      entry_price: 1,
      side: 3,
      id: 4,
      symbol: 5,
      mark_price: 6
    })
    expect(header.extra).toEqual(['note'])
    expect(header.extraIndices).toEqual([2])
    expect(header.width).toBe(8)
  })

  it('makes repeated unknown column names unique', () => {
    const header = resolveHeader([
      'id',
      'symbol',
      'side',
      'size',
      'entry_price',
      'tag',
      'tag',
      'tag'
    ])
    expect(header.extra).toEqual(['tag', 'tag (2)', 'tag (3)'])
  })

  it('lists every missing required column', () => {
    expect(() => resolveHeader(['id', 'symbol', 'notional'])).toThrow(
      new ImportFileError(
        'missing required columns: side, size, entry_price (the header has: id, symbol, notional)'
      )
    )
    expect(() => resolveHeader(['id', 'symbol', 'side', 'size'])).toThrow(
      /^missing required column: entry_price/
    )
  })

  it('takes a first row with no known column name for data, not a header', () => {
    expect(() => resolveHeader(['p1', 'alice', 'BTCUSDT', 'long', '1', '60000'])).toThrow(
      new ImportFileError(
        'no header row: the first line should name columns such as id,symbol,side,size,entry_price'
      )
    )
  })

  it('refuses a column named twice', () => {
    expect(() => resolveHeader(['id', 'symbol', 'side', 'size', 'Size', 'entry_price'])).toThrow(
      new ImportFileError('the header names column size twice')
    )
  })
})

describe('resolveLendingHeader', () => {
  it('needs the leg columns but not the thresholds', () => {
    const header = resolveLendingHeader(['account', 'protocol', 'asset', 'role', 'amount'])
    expect(header.columns).toEqual({ account: 0, protocol: 1, asset: 2, role: 3, amount: 4 })
    expect(() => resolveLendingHeader(['account', 'asset', 'amount'])).toThrow(
      /^missing required columns: protocol, role/
    )
    expect(() => resolveLendingHeader(['alice', 'aave', 'WETH'])).toThrow(
      /such as account,protocol,asset,role,amount$/
    )
  })
})
