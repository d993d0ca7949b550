import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cli } from './runCapture'

const exchange = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/exchanges/${name}`, import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'cascade-cli-import-'))

describe('cascade liq with venue exports', () => {
  it('detects the preset, takes the missing wallet balance from --set, and reports the mapping', async () => {
    const run = await cli(
      'liq',
      exchange('binance-usdm-positionrisk-v2.csv'),
      '--preset',
      'auto',
      '--set',
      'wallet_balance=25000',
      '--json'
    )
    const result = JSON.parse(run.stdout)
    expect(result.import.positions.mapping.preset).toBe('binance-usdm')
    expect(result.import.positions).toMatchObject({ read: 4, imported: 3, rejected: 1 })
    expect(result.positions.map((p: { side: string }) => p.side)).toEqual([
      'long',
      'short',
      'short'
    ])
    expect(result.positions[0].liquidationPrice).toBeGreaterThan(50000)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/1 of 4 rows rejected \(first at line 4\)/)
  })

  it('tells the user which option supplies a field the export lacks', async () => {
    const run = await cli(
      'liq',
      exchange('dydx-perpetual-positions.csv'),
      '--preset',
      'dydx',
      '--csv'
    )
    expect(run.stderr).toMatch(
      /cross rows need wallet_balance: the file has no wallet_balance column; pass --set wallet_balance=VALUE/
    )
    const fixed = await cli(
      'liq',
      exchange('dydx-perpetual-positions.csv'),
      '--preset',
      'dydx',
      '--set',
      'wallet_balance=20000',
      '--set',
      'mmr=0.03',
      '--price',
      'BTC=61800',
      '--price',
      'ETH=2610',
      '--json'
    )
    expect(JSON.parse(fixed.stdout).positions).toHaveLength(2)
  })

  it('merges several files into one book, replacing venues when asked', async () => {
    const header = 'id,venue,symbol,side,size,entry_price,leverage,mmr,mark_price'
    const first = join(tmp, 'first.csv')
    const second = join(tmp, 'second.csv')
    writeFileSync(
      first,
      `${header}\na1,okx,BTC-USDT-SWAP,long,1,60000,10,0.005,61800\na2,bybit,BTCUSDT,long,1,60000,10,0.005,61800\n`
    )
    writeFileSync(second, `${header}\nb1,okx,BTC-USDT-SWAP,short,1,62000,10,0.005,61800\n`)
    const appended = JSON.parse((await cli('liq', first, second, '--json')).stdout)
    expect(appended.positions.map((p: { id: string }) => p.id)).toEqual(['a1', 'a2', 'b1'])
    const replaced = JSON.parse(
      (await cli('liq', first, second, '--merge', 'replace', '--json')).stdout
    )
    expect(replaced.positions.map((p: { id: string }) => p.id)).toEqual(['a2', 'b1'])
    expect(replaced.import.positions.notes).toEqual([
      'second replaces venue okx: 1 positions of first dropped'
    ])
  })

  it('reads a venue tier table with a symbol column through --tiers VENUE=FILE', async () => {
    const brackets = join(tmp, 'brackets.csv')
    writeFileSync(brackets, 'symbol,notionalFloor,maintMarginRatio\nSOLUSDT,0,0.01\n')
    const book = join(tmp, 'sol.csv')
    writeFileSync(
      book,
      'id,venue,symbol,side,size,entry_price,leverage,mark_price\ns1,binance,SOLUSDT,long,10,150,10,148\n'
    )
    expect((await cli('liq', book, '--json')).code).toBe(1)
    const run = await cli('liq', book, '--tiers', `binance=${brackets}`, '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).positions[0].liquidationPrice).toBeCloseTo((150 * 0.9) / 0.99, 6)
  })

  it('refuses an unknown preset and a malformed --set', async () => {
    const unknown = await cli('liq', exchange('okx-account-positions.csv'), '--preset', 'ftx')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/unknown preset "ftx"/)
    const set = await cli('liq', exchange('okx-account-positions.csv'), '--set', 'wallet balance')
    expect(set.stderr).toMatch(/--set: expected FIELD=VALUE or FIELD\[KEY\]=VALUE/)
  })
})
