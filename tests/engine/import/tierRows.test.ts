import { describe, expect, it } from 'vitest'
import { tierRecordsOf, type TierRow } from '../../../src/engine/import/tiers/tierRows'
import { buildTierTable, TierTableError } from '../../../src/engine/margin/tierTable'

const tier = (line: number, values: Partial<TierRow>): TierRow => ({
  line,
  floor: null,
  cap: null,
  rate: null,
  amount: null,
  maxLeverage: null,
  ...values
})

describe('tierRecordsOf', () => {
  it('takes floors from the previous cap when a table lists caps only', () => {
    const records = tierRecordsOf(
      [
        tier(2, { cap: 2_000_000, rate: 0.005, maxLeverage: 100 }),
        tier(3, { cap: 4_000_000, rate: 0.01, maxLeverage: 50 })
      ],
      'bybit/BTCUSDT'
    )
    expect(records.map((record) => record.notionalFloor)).toEqual([0, 2_000_000])
    const table = buildTierTable('bybit', 'BTCUSDT', records)
    expect(table.amounts[1]).toBeCloseTo(2_000_000 * 0.005, 9)
  })

  it('refuses caps that do not ascend, tiers that do not meet, and leverage that rises', () => {
    expect(() =>
      tierRecordsOf(
        [tier(2, { cap: 50_000, rate: 0.004 }), tier(3, { cap: 50_000, rate: 0.005 })],
        'x'
      )
    ).toThrow(new TierTableError('x, line 3: notional caps must ascend (50000 after 50000)'))
    expect(() =>
      tierRecordsOf(
        [
          tier(2, { floor: 0, cap: 50_000, rate: 0.004 }),
          tier(3, { floor: 60_000, cap: 90_000, rate: 0.005 })
        ],
        'x'
      )
    ).toThrow(/line 2: the tier ends at 50000 but the next one starts at 60000 \(line 3\)/)
    expect(() =>
      tierRecordsOf(
        [tier(2, { floor: 0, maxLeverage: 20 }), tier(3, { floor: 10, maxLeverage: 25 })],
        'x'
      )
    ).toThrow(/line 3: max leverage must not rise/)
  })
})
