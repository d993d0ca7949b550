import { describe, expect, it } from 'vitest'
import { resolveLendingHeader } from '../../../src/engine/import/lendingColumns'
import { resolveHeader } from '../../../src/engine/import/positionColumns'

describe('canonical header aliases', () => {
  it('reads the names exporters use for canonical columns', () => {
    const header = resolveHeader([
      'Position ID',
      'Market',
      'Direction',
      'Qty',
      'avgPrice',
      'Lever',
      'markPx'
    ])
    expect(header.columns).toEqual({
      id: 0,
      symbol: 1,
      side: 2,
      size: 3,
      entry_price: 4,
      leverage: 5,
      mark_price: 6
    })
    expect(header.extra).toEqual([])
  })

  it('lets an exact column win over an alias, which then stays an extra column', () => {
    const header = resolveHeader(['id', 'qty', 'size', 'symbol', 'side', 'entry_price'])
    expect(header.columns.size).toBe(2)
    expect(header.extra).toEqual(['qty'])
  })

  it('reads camelCase spellings of canonical names', () => {
    expect(
      resolveHeader(['id', 'symbol', 'side', 'size', 'entryPrice', 'marginMode']).columns
    ).toMatchObject({
      entry_price: 4,
      margin_mode: 5
    })
    expect(
      resolveLendingHeader([
        'user',
        'protocol',
        'token',
        'role',
        'balance',
        'LT',
        'liquidationBonus'
      ]).columns
    ).toEqual({
      account: 0,
      protocol: 1,
      asset: 2,
      role: 3,
      amount: 4,
      liquidation_threshold: 5,
      liquidation_bonus: 6
    })
  })
})
