import { describe, expect, it } from 'vitest'
import { previewMapping } from '../../../src/engine/import/mapping/previewMapping'
import { BYBIT } from '../../../src/engine/import/mapping/presets/bybit'

describe('previewMapping', () => {
  it('shows which fields each column feeds and what each record becomes', () => {
    const header = ['symbol', 'side', 'size', 'avgPrice', 'tradeMode', 'leverage', 'note']
    const preview = previewMapping(
      header,
      [
        { line: 2, cells: ['BTCUSDT', 'Buy', '0.5', '60000', '1', '10', 'x'] },
        { line: 3, cells: ['BTCUSDT', 'Hold', '0.5', '60000', '1', '10', ''] }
      ],
      BYBIT.mapping,
      'bybit-export'
    )
    expect(preview.columns.find((column) => column.header === 'symbol')?.fields).toEqual([
      'symbol',
      'contract'
    ])
    expect(preview.columns.find((column) => column.header === 'note')?.fields).toEqual([])
    expect(preview.rows[0].result).toMatchObject({
      id: 'bybit-export:2',
      side: 1,
      size: 0.5,
      margin: 3000
    })
    expect(preview.rows[1].error).toEqual({
      line: 3,
      column: 'side',
      reason: 'side must be one of long, short, buy, sell, +1, -1, 1, l, s; got "Hold"'
    })
    expect(preview.notes).toContain(
      'wallet_balance: not in the file; cross rows are rejected without it (give wallet_balance a value in the column mapping)'
    )
  })
})
