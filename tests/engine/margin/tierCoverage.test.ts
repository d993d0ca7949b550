import { describe, expect, it } from 'vitest'
import { createTierRegistry, tierCoverage } from '../../../src/engine/margin/tierRegistry'
import { BINANCE_BTC_TIERS, table } from './helpers'

describe('tierCoverage', () => {
  it('answers as the registry does, for any spelling of venue and symbol, on repeat asks too', () => {
    const covers = tierCoverage(
      createTierRegistry([table('binance', 'BTCUSDT', BINANCE_BTC_TIERS)])
    )
    for (let ask = 0; ask < 2; ask++) {
      expect(covers('binance', 'BTCUSDT')).toBe(true)
      expect(covers(' Binance', 'btcusdt ')).toBe(true)
      expect(covers('binance', 'ETHUSDT')).toBe(false)
      expect(covers('bybit', 'BTCUSDT')).toBe(false)
    }
  })
})
