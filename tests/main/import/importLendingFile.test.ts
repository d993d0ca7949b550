import { describe, expect, it } from 'vitest'
import { ImportFileError, importLendingFile } from '../../../src/main/import/importFiles'
import { fixture, tempFiles } from './importTestFiles'

const files = tempFiles()

describe('importLendingFile', () => {
  it('imports collateral and debt legs and rejects bad legs with their line', async () => {
    const path = fixture('lending-legs.csv')
    const { legs, summary } = await importLendingFile(path)
    expect(summary).toMatchObject({
      file: path,
      delimiter: ',',
      read: 8,
      imported: 4,
      rejected: 4,
      extraColumns: ['Chain']
    })
    expect(legs).toEqual([
      {
        account: 'alice',
        protocol: 'aave-v3',
        asset: 'WETH',
        role: 'collateral',
        amount: 10,
        liquidationThreshold: 0.825,
        liquidationBonus: 0.05
      },
      {
        account: 'alice',
        protocol: 'aave-v3',
        asset: 'USDC',
        role: 'debt',
        amount: 15000,
        liquidationThreshold: null,
        liquidationBonus: null
      },
      {
        account: 'bob',
        protocol: 'compound',
        asset: 'WBTC',
        role: 'collateral',
        amount: 1.5,
        liquidationThreshold: 0.7,
        liquidationBonus: 0.08
      },
      {
        account: 'bob',
        protocol: 'compound',
        asset: 'USDC',
        role: 'debt',
        amount: 20000,
        liquidationThreshold: null,
        liquidationBonus: null
      }
    ])
    expect(summary.errors).toEqual([
      {
        line: 6,
        column: 'liquidation_threshold',
        reason: 'collateral legs need liquidation_threshold'
      },
      { line: 7, column: 'role', reason: 'role must be one of collateral, debt; got "borrow"' },
      { line: 8, column: 'amount', reason: 'amount must be greater than 0, got "0"' },
      {
        line: 9,
        column: 'liquidation_threshold',
        reason:
          'liquidation_threshold must be a fraction in (0, 1], such as 0.825 or 82.5%, got "120%"'
      }
    ])
  })

  it('refuses a positions file for want of the leg columns', async () => {
    const path = fixture('positions-good.csv')
    const error = await importLendingFile(path).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(ImportFileError)
    expect((error as Error).message).toBe(
      `${path}: missing required columns: protocol, role, amount (the header has: id, account, venue, symbol, contract, side, size, entry_price, margin_mode, margin, leverage, mmr, maintenance_amount, w…)`
    )
  })

  it('reads a semicolon file with a BOM, CRLF and percent thresholds', async () => {
    const path = files.write(
      'legs.csv',
      '\ufeffaccount;protocol;asset;role;amount;liquidation_threshold;liquidation_bonus\r\nz;Aave;WETH;COLLATERAL;1,5;80 %;7.5%\r\nz;Aave;WETH;collateral;1.5;80 %;7.5%\r\n'
    )
    const { legs, summary } = await importLendingFile(path)
    expect(summary).toMatchObject({ delimiter: ';', read: 2, imported: 1, rejected: 1 })
    expect(summary.errors[0]).toEqual({
      line: 2,
      column: 'amount',
      reason: 'amount is not a number: "1,5"'
    })
    expect(legs[0]).toMatchObject({
      amount: 1.5,
      liquidationThreshold: 0.8,
      liquidationBonus: 0.075
    })
  })
})
