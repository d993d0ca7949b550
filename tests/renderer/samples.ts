import type { HeatmapBins } from '../../src/shared/heatmapTypes'
import type { CascadeResult, SweepResult } from '../../src/shared/simulationTypes'
import type { ChartPalette } from '../../src/renderer/src/charts/chartPalette'
import type { MarketInfo } from '../../src/shared/workspaceInfo'

export const PALETTE: ChartPalette = {
  text: '#ddd',
  muted: '#888',
  faint: '#555',
  grid: '#222',
  border: '#333',
  panel: '#111',
  long: '#f00',
  short: '#0f0',
  accent: '#00f',
  warn: '#fa0',
  danger: '#f44',
  priceLine: '#fff',
  finalLine: '#fb0',
  runaway: 'rgba(255,0,0,.1)',
  font: 'sans-serif'
}

export function sampleBins(): HeatmapBins {
  return {
    underlying: 'BTC',
    version: 3,
    markPrice: 100,
    edges: Float64Array.from([80, 90, 100, 110, 120]),
    long: Float64Array.from([5e6, 2e6, 0, 0]),
    short: Float64Array.from([0, 0, 1e6, 0]),
    longCount: Uint32Array.from([50, 20, 0, 0]),
    shortCount: Uint32Array.from([0, 0, 7, 0]),
    below: { notional: 0, count: 0 },
    above: { notional: 3e5, count: 2 },
    breakdown: 'side',
    groups: [],
    elapsedMs: 1
  }
}

export function sampleResult(): CascadeResult {
  return {
    runId: 1,
    version: 1,
    impact: { kind: 'linear', depthPerPercent: 4e6 },
    summary: {
      underlying: 'BTC',
      direction: -1,
      startPrice: 100,
      shockedPrice: 90,
      finalPrice: 80,
      exogenousMove: -0.1,
      endogenousMove: -0.1,
      totalMove: -0.2,
      amplification: 2,
      liquidatedCount: 70,
      liquidatedNotional: 7e6,
      liquidatedQuantity: 80_000,
      roundCount: 2
    },
    rounds: [
      {
        round: 0,
        priceBefore: 90,
        priceAfter: 84,
        liquidatedCount: 50,
        liquidatedNotional: 5e6,
        cumulativeNotional: 5e6,
        byVenue: [{ venue: 'binance', count: 50, notional: 5e6 }]
      },
      {
        round: 1,
        priceBefore: 84,
        priceAfter: 80,
        liquidatedCount: 20,
        liquidatedNotional: 2e6,
        cumulativeNotional: 7e6,
        byVenue: [{ venue: 'okx', count: 20, notional: 2e6 }]
      }
    ],
    roundsOmitted: 0,
    long: { count: 70, notional: 7e6 },
    short: { count: 0, notional: 0 },
    byVenue: [],
    shortfall: 12_000,
    lending: { liquidatedCount: 1, repaidDebt: 500, badDebt: 0 },
    elapsedMs: 4
  }
}

export function sampleSweep(): SweepResult {
  const points = [0, -0.05, -0.1].map((shock, k) => ({
    shock,
    finalPrice: 100 * (1 + shock * (1 + k)),
    totalMove: shock * (1 + k),
    endogenousMove: shock * k,
    amplification: 1 + k,
    liquidatedCount: 10 * k,
    liquidatedNotional: 1e6 * k,
    roundCount: k
  }))
  return {
    underlying: 'BTC',
    startPrice: 100,
    points,
    critical: {
      threshold: { kind: 'endogenous-move', value: 0.01 },
      shock: -0.04,
      finalPrice: 94
    },
    gain: { prices: [], gains: [], runawayZones: [] },
    direction: 'fall',
    version: 1,
    elapsedMs: 2
  }
}

export const BTC_MARKET: MarketInfo = {
  underlying: 'BTC',
  price: 100,
  positions: 10,
  longNotional: 1e6,
  shortNotional: 5e5,
  impact: {
    kind: 'book',
    linear: { depthPerPercent: 30e6 },
    sqrt: { dailyVolume: 30e9, dailyVolatility: 0.028, coefficient: 0.7 },
    amm: { baseReserve: 4_000 },
    book: { description: 'depth snapshot' },
    note: 'the workspace’s liquidity model'
  }
}
