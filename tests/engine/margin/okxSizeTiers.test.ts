import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildBook } from '../../../src/engine/book/book'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { loadTierFile } from '../../../src/main/marketData/tierFiles'
import { position } from './helpers'

/**
 * OKX's ETH-USDT-SWAP position tiers as shipped (resources/tiers/okx/ETH-USDT-SWAP.csv, the
 * June 2021 announcement): tier 1 up to 3,000 contracts at 0.40%, tier 2 up to 6,000 at 0.50%,
 * tier 3 up to 12,000 at 1.00%; one contract is 0.1 ETH. OKX charges the tier's rate on the whole
 * position, with no maintenance amount, and picks the tier by the number of contracts.
 */
const table = loadTierFile(
  join(__dirname, '../../../resources/tiers/okx/ETH-USDT-SWAP.csv'),
  'okx',
  'ETH-USDT-SWAP'
)
const registry = createTierRegistry([table])
const marks = new Map([['ETH', 2000]])

const eth = (overrides: Parameters<typeof position>[0]) =>
  position({ venue: 'okx', symbol: 'ETH-USDT-SWAP', entryPrice: 2000, ...overrides })

const liquidationPrices = (rows: ReturnType<typeof eth>[]) =>
  computeLiquidationTable(buildBook(rows), registry, marks).liquidationPrice

const relativeError = (got: number, want: number) => Math.abs(got / want - 1)

describe('OKX size tiers, worked from the recorded ETH-USDT-SWAP table', () => {
  it('reads the contract tiers as sizes in ETH', () => {
    expect(table.measure).toBe('size')
    expect(Array.from(table.floors.slice(0, 4))).toEqual([0, 300, 600, 1200])
    expect(Array.from(table.rates.slice(0, 4))).toEqual([0.004, 0.005, 0.01, 0.015])
  })

  it('isolated long of 500 ETH (5,000 contracts, tier 2 at 0.50%) at 10x', () => {
    // Liquidated where margin + Q*(P - EP) = Q*P*MMR:
    //   P = (Q*EP - margin) / (Q*(1 - MMR)) = (1,000,000 - 100,000) / (500 * 0.995)
    //     = 900,000 / 497.5 = 1809.0452261306532
    const [lp] = liquidationPrices([eth({ size: 500, margin: 100_000 })])
    expect(relativeError(lp, 1809.0452261306532)).toBeLessThan(1e-9)
  })

  it('isolated short of exactly 600 ETH stays in tier 2; one more contract moves it to tier 3', () => {
    // Short: margin + Q*(EP - P) = Q*P*MMR, so P = (margin + Q*EP) / (Q*(1 + MMR)).
    //   600 ETH = 6,000 contracts, tier 2's cap:  (120,000 + 1,200,000) / (600 * 1.005)
    //     = 1,320,000 / 603 = 2189.054726368159
    //   600.1 ETH = 6,001 contracts, tier 3:      (120,020 + 1,200,200) / (600.1 * 1.01)
    //     = 1,320,220 / 606.101 = 2178.2178217821784
    const [atCap, past] = liquidationPrices([
      eth({ id: 'cap', side: -1, size: 600, margin: 120_000 }),
      eth({ id: 'past', side: -1, size: 600.1, margin: 120_020 })
    ])
    expect(relativeError(atCap, 2189.054726368159)).toBeLessThan(1e-9)
    expect(relativeError(past, 2178.2178217821784)).toBeLessThan(1e-9)
  })

  it('keeps the tier of the size wherever the price goes: no re-solve in another tier', () => {
    // 310 ETH (3,100 contracts) at 10x is in tier 2 (0.50%) by size. Its notional at the
    // liquidation price, about 560,800 USDT, is below tier 2's floor in notional at entry
    // (300 ETH * 2000 = 600,000), so a table counted in notional would re-solve in tier 1.
    //   P = (620,000 - 62,000) / (310 * 0.995) = 558,000 / 308.45 = 1809.0452261306532
    //   (tier 1 would give 558,000 / (310 * 0.996) = 1807.2289156626507)
    const [lp] = liquidationPrices([eth({ size: 310, margin: 62_000 })])
    expect(relativeError(lp, 1809.0452261306532)).toBeLessThan(1e-9)
    expect(relativeError(lp, 1807.2289156626507)).toBeGreaterThan(1e-4)
  })

  it('sums each position’s own tier in a cross account', () => {
    // Wallet 150,000; long 500 ETH at 2000 (tier 2, 0.50%) and long 100 ETH at 2100 (1,000
    // contracts, tier 1, 0.40%). Both fall together:
    //   150,000 + 500*(P - 2000) + 100*(P - 2100) = 500*P*0.005 + 100*P*0.004
    //   P = (1,210,000 - 150,000) / (600 - 2.9) = 1,060,000 / 597.1 = 1775.24702729861
    const cross = { marginMode: 'cross' as const, margin: null, walletBalance: 150_000 }
    const [a, b] = liquidationPrices([
      eth({ id: 'a', size: 500, ...cross }),
      eth({ id: 'b', size: 100, entryPrice: 2100, ...cross })
    ])
    expect(relativeError(a, 1775.24702729861)).toBeLessThan(1e-9)
    expect(b).toBe(a)
  })
})
