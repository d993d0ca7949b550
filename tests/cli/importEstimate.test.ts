import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCommandArgs } from '../../src/cli/args'
import { estimateCommand } from '../../src/cli/commands/estimate'
import { cli } from './runCapture'

const market = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/market/${name}`, import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'cascade-cli-estimate-'))

/** The command is not registered in main.ts yet: run it the way runCli would. */
async function estimate(...argv: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk))
  stderr.on('data', (chunk: Buffer) => err.push(chunk))
  const code = await estimateCommand.run(
    parseCommandArgs('estimate', argv, estimateCommand.options),
    { stdout, stderr }
  )
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }
}

const CANDLES = ['--candles', market('binance-um-btcusdt-1h-klines.csv')]
const OI = ['--oi', market('binance-um-btcusdt-metrics-5m.csv')]

describe('cascade estimate', () => {
  it('writes an estimated book as canonical CSV that imports as a book', async () => {
    const out = join(tmp, 'estimated.csv')
    const run = await estimate(...CANDLES, ...OI, '--mix', '10x:0.5,25x:0.5', '--out', out)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stderr)
    expect(report.assumptions).toMatchObject({
      symbol: 'BTCUSDT',
      leverageMix: [
        { leverage: 10, share: 0.5 },
        { leverage: 25, share: 0.5 }
      ]
    })
    expect(report.summary.opened).toBeGreaterThan(0)
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(
      'id,account,venue,symbol,contract,side,size,entry_price,margin_mode,margin,leverage,mmr,maintenance_amount,wallet_balance,mark_price'
    )
    const liq = await cli('liq', out, '--json')
    expect(liq.code).toBe(0)
    expect(JSON.parse(liq.stdout).positions).toHaveLength(report.positions)
  })

  it('gives the band of outcomes across the low, mid and high mixes', async () => {
    const run = await estimate(...CANDLES, ...OI, '--band', '--bins', '20')
    const { band } = JSON.parse(run.stdout)
    expect(band.mixes.map((mix: { name: string }) => mix.name)).toEqual(['low', 'mid', 'high'])
    expect(band.edges).toHaveLength(21)
    expect(band.high.long.every((value: number, j: number) => value >= band.low.long[j])).toBe(true)
  })

  it('says what is wrong with a mix or a missing file option', async () => {
    await expect(estimate(...CANDLES)).rejects.toThrow(/--oi FILE is required/)
    await expect(estimate(...CANDLES, ...OI, '--mix', '10x:0.5')).rejects.toThrow(
      /estimate: the leverage mix's shares sum to 0.5, not 1/
    )
    await expect(estimate(...CANDLES, ...OI, '--mix', 'ten')).rejects.toThrow(
      /--mix: write low, mid, high or/
    )
    const bybit = ['--oi', market('bybit-btcusdt-open-interest-1h.csv')]
    await expect(estimate(...CANDLES, ...bybit)).rejects.toThrow(/names no symbol; give --symbol/)
  })
})
