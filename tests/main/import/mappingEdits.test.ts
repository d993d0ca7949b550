import { describe, expect, it } from 'vitest'
import type { PositionMapping } from '../../../src/engine/import/mapping/columnMapping'
import { fillValues } from '../../../src/engine/import/mapping/filledValues'
import { previewMapping } from '../../../src/engine/import/mapping/previewMapping'
import { OKX } from '../../../src/engine/import/mapping/presets/okx'
import { assignColumn, columnAssignments } from '../../../src/shared/mappingEdits'

const okx = OKX.mapping as PositionMapping
const OKX_HEADER = ['instId', 'posId', 'posSide', 'pos', 'avgPx', 'mgnMode', 'lever', 'ctVal']

describe('mapping edits', () => {
  it('shows which fields a preset reads from each column, and through what', () => {
    const assigned = columnAssignments(okx, OKX_HEADER)
    const at = (column: string) => assigned[OKX_HEADER.indexOf(column)]
    expect(at('pos').map((a) => [a.field, a.transform?.id ?? null])).toEqual([
      ['size', 'signed-contracts'],
      ['side', 'sign']
    ])
    expect(at('posSide').map((a) => [a.field, a.transform])).toEqual([['side', null]])
    expect(at('instId').map((a) => a.field)).toEqual(['symbol', 'contract'])
    expect(at('lever').map((a) => a.field)).toEqual(['leverage'])
  })

  it('moves a column to another field, dropping it from every field it fed, fallbacks kept', () => {
    const header = ['Ticket', 'Qty', 'Contract Size']
    const mapping: PositionMapping = {
      target: 'positions',
      fields: {
        id: { columns: ['Ticket'], otherwise: { generate: 'row-id' } },
        margin: { columns: ['Qty'] },
        contract_size: { columns: ['Contract Size'], lookup: { key: 'symbol', values: { X: '1' } } }
      }
    }
    const moved = assignColumn(mapping, header, 1, 'size', 'signed-contracts')
    expect(moved.fields.margin).toBeUndefined()
    expect(moved.fields.size).toEqual({
      columns: ['Qty'],
      steps: [{ op: 'abs' }, { op: 'times-field', field: 'contract_size' }]
    })
    // No column gives the side, so the signed size does.
    expect(moved.fields.side).toEqual({ columns: ['Qty'], steps: [{ op: 'side-from-sign' }] })

    const dropped = assignColumn(moved, header, 0, null)
    expect(dropped.fields.id).toEqual({ generate: 'row-id' })
    const sizeAgain = assignColumn(mapping, header, 2, 'size')
    expect(sizeAgain.fields.contract_size).toEqual({
      lookup: { key: 'symbol', values: { X: '1' } }
    })
  })

  it('leaves the side alone when another column gives it', () => {
    const header = ['side', 'qty']
    const mapping: PositionMapping = {
      target: 'positions',
      fields: { side: { columns: ['side'] } }
    }
    const signed = assignColumn(mapping, header, 1, 'size', 'signed')
    expect(signed.fields.side).toEqual({ columns: ['side'] })
  })
})

describe('values the user fills in', () => {
  it('keep the file’s column first and add to a lookup of the same key', () => {
    const filled = fillValues(okx, [
      { field: 'contract_size', byKey: { key: 'symbol', values: { 'XRP-USDT-SWAP': '100' } } },
      { field: 'wallet_balance', fallback: '1000', byKey: { key: 'account', values: { a: '5' } } }
    ])
    expect(filled.fields.contract_size).toEqual({
      columns: ['ctVal'],
      otherwise: {
        lookup: {
          key: 'symbol',
          values: { ...okx.fields.contract_size.lookup!.values, 'XRP-USDT-SWAP': '100' }
        }
      }
    })
    expect(filled.fields.wallet_balance).toEqual({
      lookup: { key: 'account', values: { a: '5' } },
      constant: '1000'
    })
  })

  it('give every row of a file without the column its value, by key where given', () => {
    const mapping: PositionMapping = {
      target: 'positions',
      fields: {
        id: { columns: ['id'] },
        account: { columns: ['acct'] },
        symbol: { columns: ['sym'] },
        side: { columns: ['side'] },
        size: { columns: ['qty'] },
        entry_price: { columns: ['px'] },
        margin_mode: { constant: 'cross' }
      }
    }
    const filled = fillValues(mapping, [
      {
        field: 'wallet_balance',
        fallback: '300',
        byKey: { key: 'account', values: { a: '9000' } }
      },
      { field: 'venue', fallback: ' ' }
    ])
    expect(filled.fields.venue).toBeUndefined()
    const preview = previewMapping(
      ['id', 'acct', 'sym', 'side', 'qty', 'px'],
      [
        { line: 2, cells: ['1', 'a', 'BTCUSDT', 'long', '1', '60000'] },
        { line: 3, cells: ['2', 'b', 'BTCUSDT', 'long', '1', '60000'] }
      ],
      filled,
      'desk'
    )
    expect(
      preview.rows.map((row) => (row.result as { walletBalance: number }).walletBalance)
    ).toEqual([9000, 300])
    expect(preview.notes).toContain(
      'wallet_balance: not in the file; looked up by account (1 known), else "300"'
    )
  })
})
