import { buildTierTable, type TierTable } from '../../../src/engine/margin/tierTable'
import { createTierRegistry, type TierRegistry } from '../../../src/engine/margin/tierRegistry'
import type { PositionRow } from '../../../src/engine/book/positionRow'

/** Binance USDⓈ-M BTCUSDT brackets (the dated snapshot in resources/tiers). */
export const BINANCE_BTC_TIERS: [number, number][] = [
  [0, 0.004],
  [50000, 0.005],
  [250000, 0.01],
  [3000000, 0.025],
  [20000000, 0.05],
  [40000000, 0.1],
  [100000000, 0.125],
  [120000000, 0.15],
  [200000000, 0.25],
  [300000000, 0.5]
]

export function table(venue: string, symbol: string, tiers: [number, number][]): TierTable {
  return buildTierTable(
    venue,
    symbol,
    tiers.map(([floor, rate], i) => ({
      line: i + 2,
      notionalFloor: floor,
      maintenanceMarginRate: rate,
      maintenanceAmount: null,
      maxLeverage: null
    }))
  )
}

export function testRegistry(): TierRegistry {
  return createTierRegistry([
    table('binance', 'BTCUSDT', BINANCE_BTC_TIERS),
    table('binance', 'ETHUSDT', [
      [0, 0.005],
      [100000, 0.0065],
      [250000, 0.01]
    ]),
    table('binance', 'BTCUSD_PERP', [
      [0, 0.004],
      [5, 0.005],
      [10, 0.01]
    ]),
    table('bybit', 'BTCUSDT', [
      [0, 0.005],
      [2000000, 0.01]
    ]),
    table('okx', 'BTC-USDT-SWAP', [
      [0, 0.004],
      [500000, 0.006]
    ]),
    buildTierTable('hyperliquid', 'BTC', [
      {
        line: 2,
        notionalFloor: 0,
        maintenanceMarginRate: null,
        maintenanceAmount: null,
        maxLeverage: 40
      }
    ])
  ])
}

export function position(overrides: Partial<PositionRow>): PositionRow {
  return {
    id: 'p1',
    account: 'a1',
    venue: 'binance',
    symbol: 'BTCUSDT',
    contract: 'linear',
    side: 1,
    size: 1,
    entryPrice: 60000,
    marginMode: 'isolated',
    margin: 6000,
    leverage: null,
    mmr: null,
    maintenanceAmount: null,
    walletBalance: null,
    markPrice: null,
    ...overrides
  }
}
