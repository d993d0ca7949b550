import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './runCapture'

const tmp = mkdtempSync(join(tmpdir(), 'cascade-run-'))

const CANONICAL =
  'id,account,venue,symbol,contract,side,size,entry_price,margin_mode,margin,leverage,mmr,maintenance_amount,wallet_balance,mark_price'

function write(name: string, text: string): string {
  const path = join(tmp, name)
  writeFileSync(path, text)
  return path
}

const gapScenario = (more: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    name: 'gap',
    seed: 3,
    steps: 12,
    stepSeconds: 30,
    markets: [
      {
        underlying: 'BTC',
        path: [
          { kind: 'gap', atStep: 2, move: -0.08 },
          { kind: 'gbm', volatility: 0.03 }
        ],
        impact: { kind: 'linear', depthPerPercent: 1000000 }
      }
    ],
    mechanics: { insuranceFund: 500 },
    ...more
  })

const book = () =>
  write(
    'book.csv',
    [
      CANONICAL,
      'p1,a1,binance,BTCUSDT,linear,long,1,60000,isolated,3000,,0,,,60000',
      'p2,a2,binance,BTCUSDT,linear,long,2,60000,isolated,6000,,0,,,60000',
      'p3,a3,binance,BTCUSDT,linear,short,1,60000,isolated,3000,,0,,,60000',
      'p4,a4,okx,BTC-USDT-SWAP,linear,long,1,60000,isolated,1200,,0,,,60000'
    ].join('\n')
  )

describe('cascade run', () => {
  it('runs a scenario file on a book: the timeline, the funds, ADL by position, the accounting', async () => {
    const scenario = write('gap.json', gapScenario())
    const run = await cli('run', scenario, '--book', book(), '--json')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.command).toBe('run')
    expect(result.scenario).toMatchObject({ name: 'gap', seed: 3, steps: 12, stepSeconds: 30 })
    const btc = result.timeline.markets[0]
    expect(btc.underlying).toBe('BTC')
    expect(btc.steps.price).toHaveLength(12)
    expect(btc.heatmap.long).toHaveLength(12)
    expect(btc.heatmap.long[0]).toHaveLength(btc.heatmap.edges.length - 1)
    // The 8% gap to about 55,200 crosses all three longs (57,000, 57,000 and 58,800), past bankruptcy.
    expect(btc.steps.longCount[2]).toBe(3)
    expect(result.timeline.insuranceFund.binance[2]).toBe(0)
    const adl = result.timeline.deleveragings
    expect(adl[0]).toMatchObject({
      market: 'BTC',
      account: 'a3',
      venue: 'binance',
      positions: ['p3']
    })
    const a = btc.accounting
    expect(a.liquidated + a.deleveraged + a.remaining).toBeCloseTo(a.openInterest, 9)
  })

  it('is deterministic per seed; --seed changes the path', async () => {
    const args = ['run', 'flash-crash', '--sample', '--json']
    const first = await cli(...args)
    const second = await cli(...args)
    expect(first.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    const reseeded = await cli(...args, '--seed', '99')
    expect(JSON.parse(reseeded.stdout).scenario.seed).toBe(99)
    expect(reseeded.stdout).not.toBe(first.stdout)
  })

  it('--paths: the same Monte Carlo summary on one worker and on two', async () => {
    const scenario = write('mc.json', gapScenario({ monteCarlo: { levels: [0.9] } }))
    const args = ['run', scenario, '--book', book(), '--paths', '40', '--json']
    const one = JSON.parse((await cli(...args, '--workers', '1')).stdout).monteCarlo
    const two = JSON.parse((await cli(...args, '--workers', '2')).stdout).monteCarlo
    expect(two).toEqual(one)
    expect(one).toMatchObject({ paths: 40, completedPaths: 40, complete: true, levels: [0.9] })
    expect(one.metrics.liquidatedNotional.tail[0].level).toBe(0.9)
    expect(one.markets[0].fan.values[0]).toHaveLength(12)
  })

  it('prints the timeline table and the Monte Carlo summary as text', async () => {
    const run = await cli('run', 'short-squeeze', '--sample', '--every', '40', '--paths', '8')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^Scenario: Short squeeze \(preset short-squeeze\), seed 5: 240 steps of 15 s \(1:00:00\)$/m
    )
    expect(run.stdout).toMatch(
      /^step +time +price +fundamental +disloc\. +liq\. long +liq\. short +queue +OI left +ins\. fund +ADL +bad debt$/m
    )
    expect(run.stdout).toMatch(/^BTC +liquidated [\d,]+ long .* short /m)
    expect(run.stdout).toMatch(
      /^ +open interest [\d.,]+ = liquidated [\d.,]+ \+ ADL [\d.,]+ \+ remaining [\d.,]+$/m
    )
    expect(run.stdout).toMatch(/^Monte Carlo: 8 paths on \d worker\(s\)/m)
    expect(run.stdout).toMatch(/^liquidated +\$/m)
  })

  it('--help lists the presets and options', async () => {
    const run = await cli('run', '--help')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/usage: cascade run SCENARIO \(--book FILE \| --sample\)/)
    expect(run.stdout).toMatch(/flash-crash, liquidity-crisis-oracle-lag, short-squeeze/)
    expect(run.stdout).toMatch(/--paths N/)
  })

  it('answers bad input with one line on stderr and exit code 1', async () => {
    const bad = write('bad.json', gapScenario({ steps: 0 }))
    const cases: [string[], RegExp][] = [
      [
        ['run', '--sample'],
        /^cascade run: run: give a SCENARIO file or preset \(depth-withdrawal, /
      ],
      [['run', 'flash-crash'], /give --book FILE or --sample \(not both\)/],
      [
        ['run', 'flash-crash', '--sample', '--book', 'x.csv'],
        /give --book FILE or --sample \(not both\)/
      ],
      [
        ['run', 'flash-crush', '--sample'],
        /no scenario file or preset "flash-crush"; the presets are /
      ],
      [['run', bad, '--sample'], /bad\.json: scenario steps: /],
      [['run', 'flash-crash', '--sample', '--paths', '0'], /--paths: needs a positive number/],
      [['run', 'flash-crash', '--sample', '--seed', '-1'], /--seed: needs a whole number/],
      [
        ['run', 'flash-crash', '--sample', '--market', 'DOGE'],
        /--market DOGE: not a market of this run \(BTC, ETH, SOL, LTC\)/
      ],
      [['run', 'flash-crash', '--sample', '--bogus'], /Unknown option '--bogus'/]
    ]
    for (const [args, message] of cases) {
      const run = await cli(...args)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(run.stderr, args.join(' ')).toMatch(message)
    }
  })
})
