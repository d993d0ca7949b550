import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './runCapture'

const tmp = mkdtempSync(join(tmpdir(), 'cascade-cli-'))

const CANONICAL =
  'id,account,venue,symbol,contract,side,size,entry_price,margin_mode,margin,leverage,mmr,maintenance_amount,wallet_balance,mark_price'

describe('cascade CLI', () => {
  it('shock --sample --json: the cascade with its rounds, deterministic', async () => {
    const first = await cli('shock', '--sample', '--shock', '-8%', '--json')
    expect(first.code).toBe(0)
    expect(first.stderr).toBe('')
    const result = JSON.parse(first.stdout)
    expect(result.command).toBe('shock')
    expect(result.market.underlying).toBe('BTC')
    expect(result.summary.exogenousMove).toBe(-0.08)
    expect(result.summary.finalPrice).toBeLessThan(result.summary.shockedPrice)
    expect(result.summary.amplification).toBeGreaterThan(1)
    expect(result.rounds.length).toBe(result.summary.roundCount)
    expect(result.rounds[0].priceBefore).toBe(result.summary.shockedPrice)
    expect(result.liquidated.ids.length).toBe(
      result.liquidated.long.count + result.liquidated.short.count
    )
    const second = await cli('shock', '--sample', '--shock', '-8%', '--json')
    expect(second.stdout).toBe(first.stdout)
  })

  it('shock on a rise liquidates shorts with forced buys', async () => {
    const run = await cli(
      'shock',
      '--sample',
      '--shock',
      '+6%',
      '--market',
      'ETH',
      '--impact',
      'linear',
      '--depth',
      '5000000',
      '--json'
    )
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.summary.direction).toBe(1)
    expect(result.liquidated.short.count).toBeGreaterThan(0)
    expect(result.summary.finalPrice).toBeGreaterThan(result.summary.shockedPrice)
    expect(result.impact).toEqual({ kind: 'linear', depthPerPercent: 5000000 })
  })

  it('sweep --sample: the amplification curve, the critical shock, the gain profile', async () => {
    const run = await cli(
      'sweep',
      '--sample',
      '--from',
      '0%',
      '--to',
      '-20%',
      '--step',
      '1%',
      '--json'
    )
    expect(run.code).toBe(0)
    const sweep = JSON.parse(run.stdout)
    expect(sweep.points).toHaveLength(21)
    const notionals = sweep.points.map((p: { liquidatedNotional: number }) => p.liquidatedNotional)
    expect([...notionals].sort((a, b) => a - b)).toEqual(notionals)
    expect(sweep.gain.gains).toHaveLength(20)
    expect(sweep.critical === null || sweep.critical.shock < 0).toBe(true)
  })

  it('liq: exact liquidation prices for a small file, with bad rows reported by line and exit code 1', async () => {
    const file = join(tmp, 'book.csv')
    writeFileSync(
      file,
      [
        CANONICAL,
        'p1,a1,binance,BTCUSDT,linear,long,1,60000,isolated,6000,,,,,60000',
        'p2,a2,binance,BTCUSDT,linear,sideways,1,60000,isolated,6000,,,,,60000',
        'p3,a3,bybit,BTCUSDT,linear,short,1,60000,isolated,6000,,,,,60000'
      ].join('\n')
    )
    const run = await cli('liq', file, '--json')
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/1 of 3 rows rejected \(first at line 3\)/)
    const result = JSON.parse(run.stdout)
    expect(result.import.positions).toMatchObject({ read: 3, imported: 2, rejected: 1 })
    expect(result.import.positions.errors[0]).toMatchObject({ line: 3, column: 'side' })
    const [p1, p3] = result.positions
    expect(p1.id).toBe('p1')
    expect(p1.liquidationPrice).toBeCloseTo((6000 + 50 - 60000) / (0.005 - 1), 6)
    expect(p3.liquidationPrice).toBeCloseTo(60000 + (6000 - 300), 6)
  })

  it('liq without any market price still gives liquidation prices, and says what it cannot give', async () => {
    const file = join(tmp, 'unpriced.csv')
    writeFileSync(
      file,
      [CANONICAL, 'p1,a1,binance,BTCUSDT,linear,long,1,60000,isolated,6000,,,,,'].join('\n')
    )
    const run = await cli('liq', file, '--json')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.positions[0].liquidationPrice).toBeCloseTo((6000 + 50 - 60000) / (0.005 - 1), 6)
    expect(result.positions[0].distanceToLiquidation).toBeNull()
    expect(result.issues[0].reason).toMatch(/no mark price/)
  })

  it('liq --csv: one row per position, formula-safe text cells', async () => {
    const file = join(tmp, 'inject.csv')
    writeFileSync(
      file,
      [CANONICAL, '=cmd(),a1,binance,BTCUSDT,linear,long,1,60000,isolated,6000,,,,,60000'].join(
        '\n'
      )
    )
    const run = await cli('liq', file, '--csv')
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toBe(
      'id,account,venue,symbol,side,liquidation_price,bankruptcy_price,distance_to_liquidation,margin_ratio'
    )
    expect(lines[1].startsWith("'=cmd(),a1,binance,BTCUSDT,long,")).toBe(true)
  })

  it('sample writes the same book for the same seed, and liq reads it back', async () => {
    const a = join(tmp, 'a.csv')
    const b = join(tmp, 'b.csv')
    expect((await cli('sample', '--rows', '500', '--seed', '3', '--out', a)).code).toBe(0)
    expect((await cli('sample', '--rows', '500', '--seed', '3', '--out', b)).code).toBe(0)
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'))
    const back = await cli('liq', a, '--json')
    expect(back.code).toBe(0)
    expect(JSON.parse(back.stdout).import.positions).toMatchObject({
      read: 500,
      imported: 500,
      rejected: 0
    })
  })

  it('user mistakes get one line on stderr and exit code 1, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['shock', '--sample', '--shock', '-8'], /ambiguous; write -8% for a percentage/],
      [['shock', '--sample'], /give --shock/],
      [['shock', join(tmp, 'missing.csv'), '--shock', '-5%'], /missing\.csv: file not found/],
      [['shock', '--sample', '--shock', '-5%', '--impact', 'magic'], /unknown model "magic"/],
      [['shock', '--sample', '--shock', '-5%', '--market', 'DOGE'], /no market DOGE/],
      [['shock', '--sample', '--shock', '-120%'], /100% or more/],
      [['liq'], /give a positions FILE or --sample/],
      [['liq', '--sample', '--bogus'], /Unknown option '--bogus'/],
      [['frobnicate'], /unknown command "frobnicate"/]
    ]
    for (const [argv, pattern] of cases) {
      const run = await cli(...argv)
      expect(run.code, argv.join(' ')).toBe(1)
      expect(run.stderr, argv.join(' ')).toMatch(pattern)
      expect(run.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('every command has --help listing its options', async () => {
    for (const command of ['sample', 'liq', 'shock', 'sweep']) {
      const run = await cli(command, '--help')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`usage: cascade ${command}`))
      expect(run.stdout).toMatch(/--/)
    }
    expect((await cli('--help')).stdout).toMatch(/shock\s+apply an exogenous price shock/)
  })
})
