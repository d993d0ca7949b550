import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { positionAt } from '../../../src/engine/book/book'
import {
  ImportFileError,
  importLendingFile,
  importPositionsFile,
  type ImportSummary
} from '../../../src/main/import/importFiles'
import { tempFiles } from './importTestFiles'

const exchange = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/exchanges/${name}`, import.meta.url))
const files = tempFiles()

function expectConsistent(summary: ImportSummary): void {
  expect(summary.read).toBe(summary.imported + summary.rejected)
  expect(summary.errors).toHaveLength(summary.rejected)
}

const WALLETS = [
  { field: 'wallet_balance', value: '25000' },
  { field: 'wallet_balance', key: 'BTCUSD_PERP', value: '0.4' }
]

describe('importing venue exports through presets', () => {
  it('reads a Binance USDⓈ-M positionRisk export: signed sizes, margin types, generated ids', async () => {
    const { book, summary } = await importPositionsFile(
      exchange('binance-usdm-positionrisk-v2.csv'),
      {
        preset: 'auto'
      }
    )
    expectConsistent(summary)
    expect(summary.mapping?.preset).toBe('binance-usdm')
    expect(summary.mapping?.detection?.explanation).toMatch(/^matched binance-usdm/)
    expect(summary.errors).toEqual([
      {
        line: 4,
        column: 'side',
        reason: 'the size is 0: a flat position, nothing open (file column "positionAmt")'
      },
      {
        line: 5,
        column: 'wallet_balance',
        reason:
          'cross rows need wallet_balance: the file has no wallet_balance column; give wallet_balance a value in the column mapping'
      }
    ])
    expect(positionAt(book, 1)).toMatchObject({
      id: 'binance-usdm-positionrisk-v2:3',
      account: 'binance-usdm-positionrisk-v2',
      venue: 'binance',
      symbol: 'ETHUSDT',
      side: -1,
      size: 4,
      entryPrice: 2650.1,
      marginMode: 'isolated',
      margin: 1060.04,
      leverage: 10,
      mmr: null,
      markPrice: 2610
    })
    expect(summary.notes).toContain(
      'wallet_balance: not in the file; cross rows are rejected without it (give wallet_balance a value in the column mapping)'
    )
  })

  it('takes a value the file lacks from the user, for every row or per symbol', async () => {
    const { book, summary } = await importPositionsFile(
      exchange('binance-usdm-positionrisk-v2.csv'),
      {
        preset: 'binance-usdm',
        overrides: WALLETS,
        missingFieldHint: (field) => `pass --set ${field}=VALUE`
      }
    )
    expect(summary.imported).toBe(3)
    expect(positionAt(book, 2)).toMatchObject({
      marginMode: 'cross',
      walletBalance: 25000,
      side: -1,
      size: 0.05
    })
    expect(summary.mapping?.detection).toBeNull()
  })

  it("multiplies COIN-M contracts by the USD contract size and keeps each coin's wallet apart", async () => {
    const { book, summary } = await importPositionsFile(
      exchange('binance-coinm-positionrisk.csv'),
      {
        preset: 'auto',
        overrides: WALLETS
      }
    )
    expectConsistent(summary)
    expect(summary.imported).toBe(2)
    expect(positionAt(book, 0)).toMatchObject({
      contract: 'inverse',
      size: 1200,
      account: 'binance-coinm-positionrisk/BTC'
    })
    expect(positionAt(book, 1)).toMatchObject({ side: -1, size: 300, walletBalance: 0.4 })
  })

  it('reads Bybit sides, trade modes and per-position maintenance rates', async () => {
    const { book, summary } = await importPositionsFile(exchange('bybit-position-list.csv'), {
      preset: 'auto',
      overrides: WALLETS
    })
    expectConsistent(summary)
    expect(summary.errors).toEqual([{ line: 5, column: 'side', reason: 'side is required' }])
    expect(positionAt(book, 0)).toMatchObject({ side: 1, marginMode: 'isolated', margin: 3066.31 })
    expect(positionAt(book, 0).mmr).toBeCloseTo(152.45 / 30490.15, 12)
    expect(positionAt(book, 1)).toMatchObject({
      side: -1,
      marginMode: 'cross',
      walletBalance: 25000
    })
    expect(positionAt(book, 2)).toMatchObject({
      contract: 'inverse',
      size: 2500,
      account: 'bybit-position-list/BTC'
    })
  })

  it('reads OKX contracts through the contract value, and asks for the ones it does not know', async () => {
    const path = exchange('okx-account-positions.csv')
    const first = await importPositionsFile(path, {
      preset: 'okx',
      missingFieldHint: (field) => `pass --set ${field}[SYMBOL]=VALUE`
    })
    expect(first.summary.errors.at(-1)).toEqual({
      line: 5,
      column: 'size',
      reason: 'size needs contract_size, which is missing (file column "pos")'
    })
    const { book, summary } = await importPositionsFile(path, {
      preset: 'okx',
      overrides: [...WALLETS, { field: 'contract_size', key: 'DOGE-USDT-SWAP', value: '1000' }]
    })
    expect(summary.rejected).toBe(0)
    expect(positionAt(book, 0)).toMatchObject({ id: '1001', size: 0.25, side: 1 })
    expect(positionAt(book, 1)).toMatchObject({
      id: '1002',
      side: -1,
      size: 4,
      marginMode: 'cross'
    })
    expect(positionAt(book, 2)).toMatchObject({ contract: 'inverse', size: 3000, side: -1 })
    expect(positionAt(book, 3)).toMatchObject({ symbol: 'DOGE-USDT-SWAP', size: 10_000 })
    expect(book.extra.get('mmr')?.get(0)).toBe('6.18')
  })

  it('derives the Hyperliquid mark price and reads nested leverage columns', async () => {
    const { book, summary } = await importPositionsFile(
      exchange('hyperliquid-asset-positions.csv'),
      {
        preset: 'auto',
        overrides: WALLETS
      }
    )
    expect(summary.rejected).toBe(0)
    expect(positionAt(book, 0)).toMatchObject({
      symbol: 'BTC',
      side: 1,
      size: 0.2,
      marginMode: 'cross',
      leverage: 10
    })
    expect(positionAt(book, 0).markPrice).toBeCloseTo(61800.2, 9)
    expect(positionAt(book, 1)).toMatchObject({
      side: -1,
      size: 5.5,
      marginMode: 'isolated',
      margin: 1435.5
    })
  })

  it('keeps only open dYdX positions and asks for what a subaccount export lacks', async () => {
    const path = exchange('dydx-perpetual-positions.csv')
    const { summary } = await importPositionsFile(path, { preset: 'auto' })
    expect(summary.imported).toBe(0)
    expect(summary.errors.map((error) => error.line)).toEqual([2, 3, 4])
    expect(summary.errors[2].reason).toBe(
      'status is "CLOSED": only rows with status OPEN are imported'
    )
    const fixed = await importPositionsFile(path, {
      preset: 'dydx',
      overrides: [
        { field: 'wallet_balance', value: '12000' },
        { field: 'mmr', value: '0.03' }
      ]
    })
    expect(fixed.summary.imported).toBe(2)
    expect(positionAt(fixed.book, 1)).toMatchObject({
      side: -1,
      size: 6,
      mmr: 0.03,
      marginMode: 'cross'
    })
  })

  it('splits Aave reserves into collateral and debt legs', async () => {
    const { legs, summary } = await importLendingFile(exchange('aave-user-reserves.csv'), {
      preset: 'auto'
    })
    expectConsistent(summary)
    expect(legs).toEqual([
      {
        account: 'aave-user-reserves',
        protocol: 'aave',
        asset: 'WETH',
        role: 'collateral',
        amount: 10.4123,
        liquidationThreshold: 0.83,
        liquidationBonus: 0.05
      },
      {
        account: 'aave-user-reserves',
        protocol: 'aave',
        asset: 'USDC',
        role: 'debt',
        amount: 15101.77,
        liquidationThreshold: null,
        liquidationBonus: null
      }
    ])
    expect(summary.errors.map((error) => error.reason)).toEqual([
      'supplied but not used as collateral, and nothing borrowed: no lending leg',
      'nothing supplied and nothing borrowed: no lending leg'
    ])
  })

  it('reads Aave basis points when the formatted fields are missing', async () => {
    const path = files.write(
      'aave-raw.csv',
      'user,symbol,underlyingBalance,totalBorrows,reserveLiquidationThreshold,reserveLiquidationBonus\n0xabc,WETH,2,0,8250,10500\n'
    )
    const { legs } = await importLendingFile(path, { preset: 'aave' })
    expect(legs[0]).toMatchObject({ account: '0xabc', liquidationThreshold: 0.825 })
    expect(legs[0].liquidationBonus).toBeCloseTo(0.05, 12)
  })

  it('asks Compound exports for the collateral factor per asset', async () => {
    const path = exchange('compound-account-tokens.csv')
    const { summary } = await importLendingFile(path, { preset: 'auto' })
    expect(summary.errors[0].reason).toMatch(
      /^collateral legs need liquidation_threshold: the file has no liquidation_threshold column/
    )
    const { legs } = await importLendingFile(path, {
      preset: 'compound',
      overrides: [
        { field: 'liquidation_threshold', key: 'ETH', value: '0.825' },
        { field: 'liquidation_bonus', value: '0.08' }
      ]
    })
    expect(
      legs.map((leg) => `${leg.account.slice(-2)} ${leg.role} ${leg.asset} ${leg.amount}`)
    ).toEqual([
      'a1 collateral ETH 25.5',
      'a1 debt USDC 31000.25',
      'b2 collateral ETH 3.1',
      'b2 debt DAI 4100'
    ])
  })

  it('refuses a lending export given as positions, an unknown preset and an unknown header', async () => {
    const error = (run: Promise<unknown>) =>
      run.then(
        () => null,
        (thrown: unknown) => thrown
      )
    const lending = await error(
      importPositionsFile(exchange('aave-user-reserves.csv'), { preset: 'auto' })
    )
    expect(lending).toBeInstanceOf(ImportFileError)
    expect((lending as Error).message).toMatch(
      /is not a positions file: its header is that of Aave .*, a lending export/
    )
    const unknown = await error(
      importPositionsFile(exchange('bybit-position-list.csv'), { preset: 'kraken' })
    )
    expect((unknown as Error).message).toMatch(
      /unknown preset "kraken"; the presets for positions are auto, canonical, binance-usdm/
    )
    const odd = files.write('odd.csv', 'when,what,howMuch\n1,2,3\n')
    expect(((await error(importPositionsFile(odd, { preset: 'auto' }))) as Error).message).toMatch(
      /odd.csv: no preset matches this header/
    )
  })

  it("reads a file with a mapping of the user's own", async () => {
    const path = files.write(
      'own.csv',
      'ref;pair;qty;px;lev\nA1;BTCUSDT;-0,5;61000;10\n'.replace('-0,5', '-0.5')
    )
    const { book, summary } = await importPositionsFile(path, {
      mapping: {
        target: 'positions',
        fields: {
          id: { columns: ['ref'] },
          symbol: { columns: ['pair'] },
          side: { columns: ['qty'], steps: [{ op: 'side-from-sign' }] },
          size: { columns: ['qty'], steps: [{ op: 'abs' }] },
          entry_price: { columns: ['px'] },
          leverage: { columns: ['lev'] },
          venue: { constant: 'binance' }
        }
      }
    })
    expect(summary.mapping?.preset).toBe('custom')
    expect(positionAt(book, 0)).toMatchObject({
      id: 'A1',
      side: -1,
      size: 0.5,
      leverage: 10,
      margin: 3050
    })
  })
})
