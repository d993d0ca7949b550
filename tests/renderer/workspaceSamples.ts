import { DEFAULT_ASSUMPTIONS } from '../../src/shared/estimateTypes'
import type {
  BookColumns,
  EstimateSnapshot,
  WorkspaceSnapshot
} from '../../src/shared/workspaceSnapshot'

/**
 * A small workspace snapshot built by hand, with what a stored book must keep exactly: NaN
 * optionals, a negative zero, extra columns, a string table long enough to be a column of its own,
 * a depth snapshot's typed arrays inside the liquidity models.
 */
export function sampleBook(length = 600): BookColumns {
  const accounts = Array.from({ length: Math.ceil(length / 2) }, (_, k) => `acct-${k}`)
  const numbers = (f: (i: number) => number) => Float64Array.from({ length }, (_, i) => f(i))
  return {
    length,
    ids: Array.from({ length }, (_, i) => `P${String(i).padStart(6, '0')}`),
    account: Uint32Array.from({ length }, (_, i) => Math.floor(i / 2)),
    venue: Uint16Array.from({ length }, (_, i) => i % 2),
    symbol: Uint16Array.from({ length }, (_, i) => i % 3),
    side: Int8Array.from({ length }, (_, i) => (i % 5 === 0 ? -1 : 1)),
    contract: new Uint8Array(length),
    marginMode: Uint8Array.from({ length }, (_, i) => (i % 4 === 0 ? 1 : 0)),
    size: numbers((i) => 0.01 * (i + 1)),
    entryPrice: numbers((i) => 60_000 + i),
    margin: numbers((i) => (i % 4 === 0 ? NaN : 100 + i)),
    leverage: numbers((i) => (i % 3 === 0 ? NaN : 10)),
    mmr: numbers(() => NaN),
    maintenanceAmount: numbers((i) => (i === 1 ? -0 : NaN)),
    markPrice: numbers(() => NaN),
    accounts,
    venues: ['binance', 'bybit'],
    symbols: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'],
    walletBalance: Float64Array.from(accounts, (_, k) => (k % 2 === 0 ? 5_000 + k : NaN)),
    extra: [{ name: 'desk', positions: Uint32Array.of(3, 9), values: ['delta one', 'basis'] }]
  }
}

export function sampleSnapshot(book = sampleBook(), version = 1): WorkspaceSnapshot {
  return {
    format: 1,
    name: 'Test book',
    description: 'made by hand',
    source: 'tests',
    version,
    book,
    solved: null,
    lending: [
      {
        account: 'borrower-1',
        protocol: 'aave',
        collateral: [
          { asset: 'ETH', amount: 10, liquidationThreshold: 0.825, liquidationBonus: 0.05 }
        ],
        debt: [{ asset: 'USDC', amount: 15_000 }]
      }
    ],
    prices: [{ underlying: 'BTC', price: 61_800 }],
    impact: [
      {
        underlying: 'BTC',
        spec: {
          kind: 'book',
          snapshot: {
            bids: { prices: Float64Array.of(61_790, 61_780), sizes: Float64Array.of(2, 3) },
            asks: { prices: Float64Array.of(61_810, 61_820), sizes: Float64Array.of(1, 4) },
            mid: 61_800
          }
        }
      },
      { underlying: 'ETH', spec: { kind: 'linear', depthPerPercent: 5e6 } }
    ],
    tiers: [
      {
        venue: 'binance',
        symbol: 'BTCUSDT',
        floors: Float64Array.of(0, 50_000),
        rates: Float64Array.of(0.004, 0.005),
        amounts: Float64Array.of(0, 50),
        maxLeverage: Float64Array.of(125, NaN)
      }
    ]
  }
}

/** The same book with position `index` given another size. */
export function withSize(book: BookColumns, index: number, size: number): BookColumns {
  const copy = structuredClone(book)
  copy.size[index] = size
  return copy
}

/** An estimated book's inputs: hourly candles (no taker volume in the last bar) and open interest. */
export function sampleEstimate(bars = 48): EstimateSnapshot {
  const hour = 3_600_000
  const start = 1_723_075_200_000
  const series = (f: (i: number) => number, length = bars) =>
    Float64Array.from({ length }, (_, i) => f(i))
  const close = series((i) => 61_000 + 100 * Math.sin(i / 3))
  return {
    version: 1,
    candles: {
      times: series((i) => start + i * hour),
      open: series((i) => (i === 0 ? 61_000 : close[i - 1])),
      high: series((i) => Math.max(close[i], i === 0 ? 61_000 : close[i - 1]) + 50),
      low: series((i) => Math.min(close[i], i === 0 ? 61_000 : close[i - 1]) - 50),
      close,
      volume: series(() => 1_200),
      takerBuyVolume: series((i) => (i === bars - 1 ? NaN : 600 + i))
    },
    openInterest: {
      times: series((i) => start + i * hour, bars + 1),
      openInterest: series((i) => 80_000 + 50 * i, bars + 1),
      unit: 'base',
      symbol: 'BTCUSDT'
    },
    assumptions: structuredClone(DEFAULT_ASSUMPTIONS),
    candlesName: 'btc-1h.csv',
    openInterestName: 'btc-oi.csv'
  }
}
