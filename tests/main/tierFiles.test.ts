import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadTierRegistry } from '../../src/main/marketData/tierFiles'
import { findTierTable } from '../../src/engine/margin/tierRegistry'
import { TierTableError } from '../../src/engine/margin/tierTable'

const shipped = join(__dirname, '../../resources/tiers')

describe('tier files', () => {
  it('loads every shipped table, validated, keyed by venue and symbol', () => {
    const registry = loadTierRegistry(shipped)
    const btc = findTierTable(registry, 'Binance', 'btcusdt')
    expect(btc?.rates[0]).toBe(0.004)
    expect(btc?.amounts[9]).toBeGreaterThan(0)
    expect(findTierTable(registry, 'hyperliquid', 'BTC')?.rates[0]).toBeCloseTo(0.0125, 12)
    expect(findTierTable(registry, 'okx', 'BTC-USDT-SWAP')).toBeDefined()
    expect(registry.size).toBeGreaterThanOrEqual(12)
  })

  it('lets a user directory override a shipped table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiers-'))
    mkdirSync(join(dir, 'binance'))
    writeFileSync(
      join(dir, 'binance', 'BTCUSDT.csv'),
      'notional_floor,maintenance_margin_rate\n0,0.02\n'
    )
    const registry = loadTierRegistry(shipped, dir)
    expect(findTierTable(registry, 'binance', 'BTCUSDT')?.rates[0]).toBe(0.02)
  })

  it('names the file and line of a broken table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiers-'))
    mkdirSync(join(dir, 'bybit'))
    writeFileSync(
      join(dir, 'bybit', 'ETHUSDT.csv'),
      'notional_floor,maintenance_margin_rate\n0,0.01\n100,0.005\n'
    )
    expect(() => loadTierRegistry(dir)).toThrow(TierTableError)
    expect(() => loadTierRegistry(dir)).toThrow(
      /line 3: maintenance margin rates must not decrease/
    )
  })

  it('loads each replaced table as recorded: its measure, first and last tiers', () => {
    const registry = loadTierRegistry(shipped)
    const okxEth = findTierTable(registry, 'okx', 'ETH-USDT-SWAP')
    expect(okxEth?.measure).toBe('size')
    // 3,000 / 6,000 / 12,000 contracts of 0.1 ETH, then 12,000 more per tier up to 2,376,000.
    expect(Array.from(okxEth?.floors.slice(0, 4) ?? [])).toEqual([0, 300, 600, 1200])
    expect(Array.from(okxEth?.rates.slice(0, 3) ?? [])).toEqual([0.004, 0.005, 0.01])
    expect(okxEth?.floors.length).toBe(200)
    expect(okxEth?.floors[199]).toBe(236_400)
    expect(okxEth?.rates[199]).toBeCloseTo(0.995, 12)

    const bybitEth = findTierTable(registry, 'bybit', 'ETHUSDT')
    expect(bybitEth?.measure).toBe('notional')
    expect(bybitEth?.floors.length).toBe(13)
    expect(Array.from(bybitEth?.floors.slice(0, 3) ?? [])).toEqual([0, 900_000, 1_500_000])
    expect(bybitEth?.rates[12]).toBe(0.065)
    expect(bybitEth?.maxLeverage[12]).toBe(9.76)

    const bybitInverse = findTierTable(registry, 'bybit', 'BTCUSD')
    expect(Array.from(bybitInverse?.floors ?? [])).toEqual([0, 150, 300])
    expect(Array.from(bybitInverse?.rates ?? [])).toEqual([0.005, 0.01, 0.015])
    expect(Array.from(bybitInverse?.maxLeverage ?? [])).toEqual([100, 66.67, 50])
  })
})
