import { describe, expect, it } from 'vitest'
import { LENDING_FIELDS, resolveLendingHeader } from '../../../src/engine/import/lendingColumns'
import { mapLendingRecord } from '../../../src/engine/import/lendingRecord'

const header = resolveLendingHeader([...LENDING_FIELDS])
const collateral = ['alice', 'Aave-V3', 'WETH', 'collateral', '10', '82.5%', '0.05']

const withCell = (index: number, value: string): string[] =>
  collateral.map((cell, i) => (i === index ? value : cell))

describe('mapLendingRecord', () => {
  it('maps a collateral leg, thresholds as fractions or percents', () => {
    expect(mapLendingRecord(collateral, header, 2)).toEqual({
      ok: true,
      row: {
        account: 'alice',
        protocol: 'aave-v3',
        asset: 'WETH',
        role: 'collateral',
        amount: 10,
        liquidationThreshold: 0.825,
        liquidationBonus: 0.05
      }
    })
    expect(mapLendingRecord(withCell(6, '100%'), header, 2)).toMatchObject({
      ok: true,
      row: { liquidationBonus: 1 }
    })
  })

  it('ignores the thresholds of a debt leg, whatever they hold', () => {
    const debt = ['alice', 'aave-v3', 'USDC', 'DEBT', '15,000', 'junk', '']
    expect(mapLendingRecord(debt, header, 3)).toEqual({
      ok: true,
      row: {
        account: 'alice',
        protocol: 'aave-v3',
        asset: 'USDC',
        role: 'debt',
        amount: 15000,
        liquidationThreshold: null,
        liquidationBonus: null
      }
    })
  })

  it.each([
    [0, '', 'account', 'account is required'],
    [1, ' ', 'protocol', 'protocol is required'],
    [2, '', 'asset', 'asset is required'],
    [3, 'borrow', 'role', 'role must be one of collateral, debt; got "borrow"'],
    [4, '0', 'amount', 'amount must be greater than 0, got "0"'],
    [4, 'lots', 'amount', 'amount is not a number: "lots"'],
    [5, '', 'liquidation_threshold', 'collateral legs need liquidation_threshold'],
    [
      5,
      '0',
      'liquidation_threshold',
      'liquidation_threshold must be a fraction in (0, 1], such as 0.825 or 82.5%, got "0"'
    ],
    [
      5,
      '120%',
      'liquidation_threshold',
      'liquidation_threshold must be a fraction in (0, 1], such as 0.825 or 82.5%, got "120%"'
    ],
    [6, '', 'liquidation_bonus', 'collateral legs need liquidation_bonus'],
    [
      6,
      '1.05',
      'liquidation_bonus',
      'liquidation_bonus must be a fraction in (0, 1], such as 0.825 or 82.5%, got "1.05"'
    ]
  ])('rejects cell %i = %j', (index, value, column, reason) => {
    expect(mapLendingRecord(withCell(index, value), header, 9)).toEqual({
      ok: false,
      error: { line: 9, column, reason }
    })
  })

  it('needs the threshold columns for collateral legs when the file has none', () => {
    const narrow = resolveLendingHeader(['account', 'protocol', 'asset', 'role', 'amount'])
    expect(mapLendingRecord(['a', 'aave', 'WETH', 'collateral', '1'], narrow, 2)).toMatchObject({
      ok: false,
      error: { column: 'liquidation_threshold' }
    })
    expect(mapLendingRecord(['a', 'aave', 'USDC', 'debt', '1'], narrow, 3)).toMatchObject({
      ok: true
    })
  })
})
