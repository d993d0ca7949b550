import { describe, expect, it } from 'vitest'
import { POSITION_FIELDS, resolveHeader } from '../../../src/engine/import/positionColumns'
import { mapPositionRecord } from '../../../src/engine/import/positionRecord'

const header = resolveHeader([...POSITION_FIELDS, 'note'])

/** A record in header order from named cells; unnamed cells are blank. */
function record(
  cells: Partial<Record<(typeof POSITION_FIELDS)[number] | 'note', string>>
): string[] {
  return [...POSITION_FIELDS, 'note'].map((field) => cells[field as keyof typeof cells] ?? '')
}

const minimal = {
  id: 'p1',
  symbol: 'BTCUSDT',
  side: 'long',
  size: '2',
  entry_price: '50000',
  leverage: '10'
}

function rejection(cells: Parameters<typeof record>[0], line = 7) {
  const result = mapPositionRecord(record(cells), header, line)
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.row)}`)
  return result.error
}

function mapped(cells: Parameters<typeof record>[0]) {
  const result = mapPositionRecord(record(cells), header, 2)
  if (!result.ok) throw new Error(`expected a row, got ${JSON.stringify(result.error)}`)
  return result.row
}

describe('mapPositionRecord', () => {
  it('fills the defaults of a minimal isolated row and derives its margin', () => {
    expect(mapped(minimal)).toEqual({
      id: 'p1',
      account: 'p1',
      venue: 'generic',
      symbol: 'BTCUSDT',
      contract: 'linear',
      side: 1,
      size: 2,
      entryPrice: 50000,
      marginMode: 'isolated',
      margin: 10000,
      leverage: 10,
      mmr: null,
      maintenanceAmount: null,
      walletBalance: null,
      markPrice: null
    })
  })

  it('reads every column of a full cross row', () => {
    const row = mapped({
      id: ' p9 ',
      account: 'acct',
      venue: ' Binance ',
      symbol: 'ETHUSDT',
      contract: 'Linear',
      side: 'SELL',
      size: '1,000',
      entry_price: '3_000.5',
      margin_mode: 'Cross Margin',
      leverage: '25X',
      mmr: '0.5%',
      maintenance_amount: '12.5',
      wallet_balance: '0',
      mark_price: '2990',
      note: ' kept as is '
    })
    expect(row).toEqual({
      id: 'p9',
      account: 'acct',
      venue: 'binance',
      symbol: 'ETHUSDT',
      contract: 'linear',
      side: -1,
      size: 1000,
      entryPrice: 3000.5,
      marginMode: 'cross',
      margin: null,
      leverage: 25,
      mmr: 0.005,
      maintenanceAmount: 12.5,
      walletBalance: 0,
      markPrice: 2990,
      extra: { note: ' kept as is ' }
    })
  })

  it.each([
    ['long', 1],
    ['SHORT', -1],
    ['Buy', 1],
    ['sell', -1],
    ['+1', 1],
    ['1', 1],
    ['-1', -1],
    ['L', 1],
    ['s', -1]
  ])('reads side %s', (side, value) => {
    expect(mapped({ ...minimal, side }).side).toBe(value)
  })

  it('derives inverse margin in coin: size / entry / leverage', () => {
    const row = mapped({
      ...minimal,
      contract: 'INVERSE',
      size: '10000',
      entry_price: '50000',
      leverage: '5'
    })
    expect(row.margin).toBeCloseTo(0.04, 12)
  })

  it('keeps a given margin, even with a leverage that disagrees', () => {
    expect(mapped({ ...minimal, margin: '1234.5' }).margin).toBe(1234.5)
    expect(mapped({ ...minimal, leverage: '', margin: '0' }).margin).toBe(0)
  })

  it('reads isolated margin and cross margin as margin modes', () => {
    expect(mapped({ ...minimal, margin_mode: 'ISOLATED  MARGIN' }).marginMode).toBe('isolated')
    expect(
      mapped({ ...minimal, account: 'a', margin_mode: 'cross', wallet_balance: '5' }).marginMode
    ).toBe('cross')
  })

  it.each([
    [{ id: '  ' }, 'id', 'id is required'],
    [{ symbol: '' }, 'symbol', 'symbol is required'],
    [{ side: '' }, 'side', 'side is required'],
    [
      { side: 'up' },
      'side',
      'side must be one of long, short, buy, sell, +1, -1, 1, l, s; got "up"'
    ],
    [{ size: '' }, 'size', 'size is required'],
    [{ size: '0' }, 'size', 'size must be greater than 0, got "0"'],
    [{ size: '-2' }, 'size', 'size must be greater than 0, got "-2"'],
    [{ size: 'NaN' }, 'size', 'size is not a number: "NaN"'],
    [{ entry_price: 'Infinity' }, 'entry_price', 'entry_price is not a number: "Infinity"'],
    [{ entry_price: '' }, 'entry_price', 'entry_price is required'],
    [{ contract: 'perp' }, 'contract', 'contract must be one of linear, inverse; got "perp"'],
    [
      { margin_mode: 'hedge' },
      'margin_mode',
      'margin_mode must be one of isolated, cross, isolated margin, cross margin; got "hedge"'
    ],
    [{ leverage: '' }, 'margin', 'isolated rows need margin or leverage'],
    [{ leverage: '0.5x' }, 'leverage', 'leverage must be between 1 and 1000, got "0.5x"'],
    [{ leverage: '1001' }, 'leverage', 'leverage must be between 1 and 1000, got "1001"'],
    [{ leverage: 'max' }, 'leverage', 'leverage is not a number: "max"'],
    [{ margin: '-1' }, 'margin', 'margin must be 0 or more, got "-1"'],
    [{ mmr: '1' }, 'mmr', 'mmr must be a fraction in [0, 1), such as 0.005 or 0.5%, got "1"'],
    [{ mmr: '100%' }, 'mmr', 'mmr must be a fraction in [0, 1), such as 0.005 or 0.5%, got "100%"'],
    [
      { maintenance_amount: '-0.1' },
      'maintenance_amount',
      'maintenance_amount must be 0 or more, got "-0.1"'
    ],
    [
      { maintenance_amount: '100' },
      'maintenance_amount',
      'maintenance_amount applies only with mmr (the two replace the tier table): give mmr too, or leave it blank'
    ],
    [{ mark_price: '0' }, 'mark_price', 'mark_price must be greater than 0, got "0"'],
    [{ margin_mode: 'cross', wallet_balance: '10' }, 'account', 'cross rows need an account'],
    [{ margin_mode: 'cross', account: 'a' }, 'wallet_balance', 'cross rows need wallet_balance'],
    [
      { margin_mode: 'cross', account: 'a', wallet_balance: '-1' },
      'wallet_balance',
      'wallet_balance must be 0 or more, got "-1"'
    ],
    [
      { margin_mode: 'cross', account: 'a', wallet_balance: 'Infinity' },
      'wallet_balance',
      'wallet_balance is not a number: "Infinity"'
    ]
  ])('rejects %j with column %s', (cells, column, reason) => {
    expect(rejection({ ...minimal, ...cells })).toEqual({ line: 7, column, reason })
  })

  it('quotes and shortens a long offending value', () => {
    const error = rejection({ ...minimal, size: 'x'.repeat(100) })
    expect(error.reason).toBe(`size is not a number: "${'x'.repeat(40)}…"`)
  })

  it('escapes control characters in the offending value', () => {
    expect(rejection({ ...minimal, size: '1\n2' }).reason).toBe('size is not a number: "1\\n2"')
  })

  it('rejects a record whose field count differs from the header', () => {
    const fields = record(minimal)
    expect(mapPositionRecord(fields.slice(0, 3), header, 4)).toEqual({
      ok: false,
      error: { line: 4, column: null, reason: 'expected 16 fields, found 3' }
    })
    expect(mapPositionRecord([...fields, ''], header, 5)).toMatchObject({
      ok: false,
      error: { reason: 'expected 16 fields, found 17' }
    })
  })

  it('leaves absent optional columns out and blank extra cells unrecorded', () => {
    const narrow = resolveHeader(['id', 'symbol', 'side', 'size', 'entry_price', 'margin', 'tag'])
    const result = mapPositionRecord(['p1', 'BTCUSDT', 'long', '1', '100', '10', ' '], narrow, 2)
    expect(result).toMatchObject({
      ok: true,
      row: { margin: 10, leverage: null, venue: 'generic' }
    })
    expect(result.ok && 'extra' in result.row).toBe(false)
  })

  it('keeps an unknown column whatever its name, __proto__ included', () => {
    const odd = resolveHeader([
      'id',
      'symbol',
      'side',
      'size',
      'entry_price',
      'leverage',
      '__proto__'
    ])
    const result = mapPositionRecord(['p1', 'X', 'long', '1', '1', '1', 'kept'], odd, 2)
    expect(result.ok && Object.entries(result.row.extra ?? {})).toEqual([['__proto__', 'kept']])
  })
})
