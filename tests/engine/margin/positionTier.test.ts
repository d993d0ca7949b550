import { describe, expect, it } from 'vitest'
import { positionTier, sizeTierIndex } from '../../../src/engine/margin/positionTier'
import { buildTierTable, TierTableError } from '../../../src/engine/margin/tierTable'

const record = (line: number, floor: number, rate: number, amount: number | null = null) => ({
  line,
  notionalFloor: floor,
  maintenanceMarginRate: rate,
  maintenanceAmount: amount,
  maxLeverage: null
})

/** Three size tiers in base units: up to 300, up to 600, above 600. */
const sizeTable = () =>
  buildTierTable(
    'okx',
    'ETH-USDT-SWAP',
    [record(2, 0, 0.004), record(3, 300, 0.005), record(4, 600, 0.01)],
    'size'
  )

describe('size tier tables', () => {
  it('choose the tier by size, a cap belonging to the tier it closes', () => {
    const table = sizeTable()
    expect(table.measure).toBe('size')
    expect(sizeTierIndex(table, 0)).toBe(0)
    expect(sizeTierIndex(table, 300)).toBe(0)
    expect(sizeTierIndex(table, 300.0001)).toBe(1)
    expect(sizeTierIndex(table, 600)).toBe(1)
    expect(sizeTierIndex(table, 600.0001)).toBe(2)
    expect(sizeTierIndex(table, 1e9)).toBe(2)
  })

  it('ignore the notional: the same size is in the same tier at any price', () => {
    const table = sizeTable()
    for (const notional of [1, 1e3, 1e6, 1e12]) expect(positionTier(table, notional, 450)).toBe(1)
  })

  it('leave notional tables choosing by notional, floors inclusive', () => {
    const table = buildTierTable('binance', 'BTCUSDT', [
      record(2, 0, 0.004),
      record(3, 50000, 0.005)
    ])
    expect(table.measure).toBe('notional')
    expect(positionTier(table, 49999, 1e9)).toBe(0)
    expect(positionTier(table, 50000, 0)).toBe(1)
  })

  it('carry no maintenance amount, and refuse one naming the line', () => {
    expect(Array.from(sizeTable().amounts)).toEqual([0, 0, 0])
    expect(() =>
      buildTierTable('okx', 'X', [record(2, 0, 0.004), record(3, 300, 0.005, 0.3)], 'size')
    ).toThrow(
      new TierTableError(
        'tier table okx/X, line 3: maintenance_amount 0.3 is not allowed in a size tier table (a size boundary falls at a different notional at every price, so no fixed amount keeps the margin continuous): leave it out'
      )
    )
    // A zero amount says the same as none.
    expect(() =>
      buildTierTable('okx', 'X', [record(2, 0, 0.004, 0), record(3, 300, 0.005, 0)], 'size')
    ).not.toThrow()
  })

  it('validate floors and rates like notional tables, in size words', () => {
    expect(() => buildTierTable('okx', 'X', [record(2, 1, 0.004)], 'size')).toThrow(
      /line 2: the first tier must start at size 0/
    )
    expect(() =>
      buildTierTable('okx', 'X', [record(2, 0, 0.004), record(3, 0, 0.005)], 'size')
    ).toThrow(/line 3: size floors must ascend \(0 after 0\)/)
    expect(() =>
      buildTierTable('okx', 'X', [record(2, 0, 0.005), record(3, 10, 0.004)], 'size')
    ).toThrow(/line 3: maintenance margin rates must not decrease/)
    expect(() => buildTierTable('okx', 'X', [record(2, -1, 0.004)], 'size')).toThrow(
      /line 2: size_floor must be a finite number >= 0, got -1/
    )
  })
})
