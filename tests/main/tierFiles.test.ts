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
})
