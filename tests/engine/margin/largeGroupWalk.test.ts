import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { excessAt, firstRootFrom, type MarginGroup } from '../../../src/engine/margin/marginGroup'
import type { MarginTerms } from '../../../src/engine/margin/marginTerms'
import { buildTierTable, flatTierTable, type TierTable } from '../../../src/engine/margin/tierTable'
import type { VenueFamily } from '../../../src/engine/margin/venueFamily'
import { BINANCE_BTC_TIERS, table } from './helpers'

/** A linear position's terms in v = P. */
const terms = (
  side: number,
  size: number,
  entry: number,
  tiers: TierTable,
  family: VenueFamily
): MarginTerms => ({
  equitySlope: side * size,
  equityConstant: -side * size * entry,
  notionalWeight: size,
  entryNotional: size * entry,
  family,
  table: tiers
})

const stepped = buildTierTable('okx', 'X', [
  {
    line: 1,
    notionalFloor: 0,
    maintenanceMarginRate: 0.004,
    maintenanceAmount: null,
    maxLeverage: null
  },
  {
    line: 2,
    notionalFloor: 100,
    maintenanceMarginRate: 0.01,
    maintenanceAmount: null,
    maxLeverage: null
  }
])

describe('the first root of a group of more than 64 positions', () => {
  it('is none when the last segment never reaches zero, as for a small group', () => {
    // A flat-tier long and a short that cancel exactly above the last boundary, plus members
    // valued at entry that only make the group large.
    const pair = [
      terms(1, 3, 10, stepped, 'flat-tier'),
      terms(-1, 2.97, 10, flatTierTable('okx', 'X', 0, 0), 'notional')
    ]
    const padding = Array.from({ length: 64 }, (_, k) =>
      terms(k % 2 ? 1 : -1, 1, 10, flatTierTable('bybit', 'X', 0, 0), 'entry')
    )
    expect(firstRootFrom({ terms: pair, balance: 1000 }, 10, 1)).toBeNaN()
    expect(firstRootFrom({ terms: [...pair, ...padding], balance: 1000 }, 10, 1)).toBeNaN()
  })

  it('is where the excess first reaches zero, for every family, direction and sign', () => {
    const tables: [TierTable, VenueFamily][] = [
      [table('binance', 'BTCUSDT', BINANCE_BTC_TIERS), 'notional'],
      [stepped, 'flat-tier'],
      [table('bybit', 'BTCUSDT', BINANCE_BTC_TIERS), 'entry']
    ]
    const member = fc
      .record({
        side: fc.constantFrom(1, -1),
        size: fc.double({ min: 0.01, max: 60, noNaN: true }),
        entry: fc.double({ min: 50000, max: 70000, noNaN: true }),
        kind: fc.integer({ min: 0, max: 2 })
      })
      .map(({ side, size, entry, kind }) => terms(side, size, entry, ...tables[kind]))
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 65, maxLength: 160 }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.constantFrom(-1 as const, 1 as const),
        fc.constantFrom(-1 as const, 1 as const),
        (members, balance, direction, sign) => {
          const group: MarginGroup = { terms: members, balance }
          const start = 60000
          const root = firstRootFrom(group, start, direction, true, sign)
          const excess = (v: number) => sign * excessAt(group, v)
          if (Number.isNaN(root)) {
            // None: the excess keeps its sign all the way (checked on a grid).
            for (let k = 1; k <= 400; k++) {
              const v = direction < 0 ? (start * k) / 401 : start * (1 + k / 8)
              expect(excess(v)).toBeGreaterThan(0)
            }
            return
          }
          expect(direction * (root - start)).toBeGreaterThanOrEqual(0)
          if (root === start) {
            expect(excess(start)).toBeLessThanOrEqual(0)
            return
          }
          expect(Math.abs(excess(root))).toBeLessThan(1e-6 * (balance + 1e6))
          for (let k = 1; k < 200; k++)
            expect(excess(start + ((root - start) * k) / 200)).toBeGreaterThan(0)
        }
      ),
      { numRuns: 150 }
    )
  })
})
