import { describe, expect, it } from 'vitest'
import { ImportFileError } from '../../../src/engine/import/importFileError'
import type { FieldRule } from '../../../src/engine/import/mapping/columnMapping'
import { mappedCells } from '../../../src/engine/import/mapping/mappedCells'
import { readMappedRecord } from '../../../src/engine/import/mapping/mappedRecord'
import { resolveMapping } from '../../../src/engine/import/mapping/resolvedMapping'

const FIELDS: Record<string, FieldRule> = {
  id: { columns: ['posId'], otherwise: { generate: 'row-id' } },
  account: { generate: 'margin-account' },
  symbol: { columns: ['instId'] },
  contract: {
    columns: ['instId'],
    steps: [{ op: 'matches', pattern: '-USD-', then: 'inverse', otherwise: 'linear' }]
  },
  side: { columns: ['pos'], steps: [{ op: 'side-from-sign' }] },
  size: { columns: ['pos'], steps: [{ op: 'abs' }, { op: 'times-field', field: 'contract_size' }] },
  contract_size: {
    columns: ['ctVal'],
    lookup: { key: 'symbol', values: { 'BTC-USDT-SWAP': '0.01' } }
  },
  entry_price: { columns: ['avgPx', 'entryPrice'] },
  venue: { constant: 'okx' }
}
const REQUIRED = ['id', 'symbol', 'side', 'size', 'entry_price']

const resolve = (header: string[], fields = FIELDS) =>
  resolveMapping(header, fields, { required: REQUIRED, source: 'export' })

describe('resolveMapping', () => {
  it('finds columns by name whatever their case and punctuation, and keeps the rest as extra', () => {
    const mapping = resolve(['INST_ID', 'Pos', 'avg px', 'note', '', 'note'])
    expect(mapping.rules.get('symbol')?.index).toBe(0)
    expect(mapping.rules.get('side')?.column).toBe('Pos')
    expect(mapping.rules.get('entry_price')?.index).toBe(2)
    expect(mapping.extra).toEqual(['note', 'note (2)'])
    expect(mapping.extraIndices).toEqual([3, 5])
    expect(mapping.width).toBe(6)
  })

  it('reads cells through steps, fallbacks, lookups, constants and generated values', () => {
    const mapping = resolve(['instId', 'pos', 'avgPx'])
    const cells = mappedCells(['BTC-USDT-SWAP', '-25', '61000'], mapping, 7)
    expect(cells.text('id')).toBe('export:7')
    expect(cells.text('side')).toBe('short')
    expect(cells.text('size')).toBe('0.25')
    expect(cells.text('venue')).toBe('okx')
    expect(cells.text('account')).toBe('export')
    expect(cells.text('unknown')).toBe('')
    const inverse = mappedCells(['BTC-USD-SWAP', '3', '61000'], mapping, 8)
    expect(inverse.text('account')).toBe('export/BTC')
  })

  it('says which columns a missing required field was looked for under', () => {
    expect(() => resolve(['instId', 'pos'])).toThrow(
      new ImportFileError('missing required column: entry_price (looked for avgPx, entryPrice)')
    )
  })

  it('refuses a header that names none of the mapped columns', () => {
    expect(() => resolve(['a', 'b'])).toThrow(/names none of the mapped columns/)
  })

  it('refuses a mapping whose fields read each other in a circle', () => {
    const circular = {
      ...FIELDS,
      contract_size: { columns: ['x'], steps: [{ op: 'times-field' as const, field: 'size' }] }
    }
    expect(() => resolve(['instId', 'pos', 'avgPx'], circular)).toThrow(
      /size → contract_size → size reads itself/
    )
  })

  it('rejects whole records of the wrong width or left out by the row filter, by line', () => {
    const mapping = resolveMapping(
      ['instId', 'status'],
      { symbol: { columns: ['instId'] } },
      {
        required: ['symbol'],
        source: 'x',
        keepRows: { columns: ['status'], values: ['OPEN'] }
      }
    )
    const read = (fields: string[], line: number) =>
      readMappedRecord(fields, mapping, line, (cells) => cells.text('symbol'))
    expect(read(['BTC', 'open'], 2)).toEqual({ ok: true, row: 'BTC' })
    expect(read(['BTC', 'CLOSED'], 3)).toEqual({
      ok: false,
      error: {
        line: 3,
        column: null,
        reason: 'status is "CLOSED": only rows with status OPEN are imported'
      }
    })
    expect(read(['BTC'], 4)).toEqual({
      ok: false,
      error: { line: 4, column: null, reason: 'expected 2 fields, found 1' }
    })
  })
})
