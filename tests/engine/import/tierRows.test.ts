import { describe, expect, it } from 'vitest'
import {
  tierMeasureOf,
  tierRecordsOf,
  type TierRow
} from '../../../src/engine/import/tiers/tierRows'
import { buildTierTable, TierTableError } from '../../../src/engine/margin/tierTable'

const tier = (line: number, values: Partial<TierRow>): TierRow => ({
  line,
  floor: null,
  cap: null,
  rate: null,
  amount: null,
  maxLeverage: null,
  contractValue: null,
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

  it("turns OKX's contract tiers into sizes, whole-contract floors meeting the previous cap", () => {
    const okx = (line: number, floor: number, cap: number, rate: number) =>
      tier(line, { floor, cap, rate, contractValue: 0.1 })
    const records = tierRecordsOf(
      [okx(2, 0, 3000, 0.004), okx(3, 3001, 6000, 0.005), okx(4, 6001, 12000, 0.01)],
      'okx/ETH-USDT-SWAP',
      'contracts'
    )
    expect(records.map((record) => record.notionalFloor)).toEqual([0, 300, 600])
    // 3 contracts of 0.1 are 0.3, not the 0.30000000000000004 a binary multiply gives, so a
    // position of 0.3 sits on the cap it is in.
    const small = tierRecordsOf([okx(2, 0, 3, 0.004), okx(3, 4, 7, 0.005)], 'x', 'contracts')
    expect(small[1].notionalFloor).toBe(0.3)
    expect(tierMeasureOf('contracts')).toBe('size')
    const table = buildTierTable('okx', 'ETH-USDT-SWAP', records, tierMeasureOf('contracts'))
    expect(Array.from(table.amounts)).toEqual([0, 0, 0])
  })

  it('refuses contract tiers without one contract value, and a contract value elsewhere', () => {
    expect(() =>
      tierRecordsOf([tier(2, { floor: 0, cap: 500, rate: 0.004 })], 'okx/X', 'contracts')
    ).toThrow(/okx\/X, line 2: tiers counted in contracts need contract_value/)
    expect(() =>
      tierRecordsOf(
        [
          tier(2, { floor: 0, cap: 500, rate: 0.004, contractValue: 0.01 }),
          tier(3, { floor: 501, cap: 900, rate: 0.005, contractValue: 0.1 })
        ],
        'okx/X',
        'contracts'
      )
    ).toThrow(
      new TierTableError(
        'okx/X, line 3: contract_value changes between tiers (0.1 after 0.01): one table, one contract'
      )
    )
    expect(() =>
      tierRecordsOf(
        [tier(2, { floor: 0, cap: 500, rate: 0.004, contractValue: 0 })],
        'okx/X',
        'contracts'
      )
    ).toThrow(/line 2: contract_value must be a number > 0, got 0/)
    expect(() =>
      tierRecordsOf([tier(2, { floor: 0, rate: 0.004, contractValue: 0.01 })], 'x', 'notional')
    ).toThrow(/x, line 2: contract_value only applies to tiers counted in contracts/)
  })

  it("refuses contract tiers bounded by OKX's minSz alone, which would put a bound one contract low", () => {
    const floorsOnly = [
      tier(2, { floor: 0, rate: 0.004, contractValue: 0.1 }),
      tier(3, { floor: 3001, rate: 0.005, contractValue: 0.1 })
    ]
    expect(() => tierRecordsOf(floorsOnly, 'okx/ETH', 'contracts')).toThrow(
      /okx\/ETH, line 2: tiers counted in contracts need contracts_cap \(OKX's maxSz\)/
    )
    const capped = [
      tier(2, { floor: 0, cap: 3000, rate: 0.004, contractValue: 0.1 }),
      tier(3, { floor: 3001, rate: 0.005, contractValue: 0.1 })
    ]
    expect(tierRecordsOf(capped, 'okx/ETH', 'contracts').map((r) => r.notionalFloor)).toEqual([
      0, 300
    ])
  })

  it('lets only contract tables skip one whole contract between tiers', () => {
    const rows = [
      tier(2, { floor: 0, cap: 300, rate: 0.004 }),
      tier(3, { floor: 301, cap: 600, rate: 0.005 })
    ]
    expect(() => tierRecordsOf(rows, 'x', 'size')).toThrow(
      /line 2: the tier ends at 300 but the next one starts at 301 \(line 3\): tiers must meet/
    )
    expect(() =>
      tierRecordsOf(
        [tier(2, { cap: 300, rate: 0.004 }), tier(3, { cap: 300, rate: 0.005 })],
        'x',
        'size'
      )
    ).toThrow(/line 3: size caps must ascend \(300 after 300\)/)
    const sizes = tierRecordsOf(
      [tier(2, { cap: 300, rate: 0.004 }), tier(3, { cap: 600, rate: 0.005 })],
      'x',
      'size'
    )
    expect(sizes.map((record) => record.notionalFloor)).toEqual([0, 300])
  })
})
