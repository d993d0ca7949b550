import { describe, expect, it } from 'vitest'
import { ImportFileError } from '../../../src/engine/import/importFileError'
import { SeriesError } from '../../../src/engine/import/series/seriesError'
import { loadCandlesFile } from '../../../src/main/marketData/candleFile'
import { loadOpenInterestFile } from '../../../src/main/marketData/openInterestFile'
import { loadSeriesFile } from '../../../src/main/marketData/seriesFile'
import { marketFixture, marketTemp } from './marketFiles'

const write = marketTemp()

describe('price paths and fundamental series', () => {
  it('reads timestamp,price in any unit, with or without a header', () => {
    const withHeader = loadSeriesFile(
      write('path.csv', 'timestamp,price\n1723161240000,61800\n1723161300000,61700\n'),
      'price'
    )
    expect(Array.from(withHeader.seconds)).toEqual([0, 60])
    const bare = loadSeriesFile(
      write('bare.csv', '2024-08-08 23:54:00,61800\n2024-08-08 23:55:00,61700\n'),
      'price'
    )
    expect(Array.from(bare.times)).toEqual(Array.from(withHeader.times))
    const fundamental = loadSeriesFile(
      write('fair.csv', 'time,index_price,note\n1723161240,61790,a\n1723161300,61795,b\n'),
      'fundamental'
    )
    expect(Array.from(fundamental.values)).toEqual([61790, 61795])
  })

  it('lists every bad line and is a file error the CLI reports', () => {
    const path = write(
      'bad.csv',
      'timestamp,price\n1723161240000,61800\n1723161300000,0\nlater,61700\n1723161000000,61000\n'
    )
    try {
      loadSeriesFile(path, 'price')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(SeriesError)
      expect(error).toBeInstanceOf(ImportFileError)
      expect((error as SeriesError).issues.map((issue) => issue.line)).toEqual([3, 4, 5])
      expect((error as Error).name).toBe('ImportFileError')
    }
    expect(() => loadSeriesFile(write('cols.csv', 'when,level\n1,2\nx,y\n'), 'price')).toThrow(
      /no timestamp and no price column/
    )
  })
})

describe('candles and open interest', () => {
  it('reads Binance klines with taker buy volume, and headerless Bybit klines', () => {
    const binance = loadCandlesFile(marketFixture('binance-um-btcusdt-1h-klines.csv'))
    expect(binance.times.length).toBe(24)
    expect(binance.takerBuyVolume[0]).toBe(2481.978)
    const bybit = loadCandlesFile(marketFixture('bybit-btcusdt-1h-kline-headerless.csv'))
    expect(bybit.times.length).toBe(12)
    expect(bybit.close[0]).toBe(61182.9)
    expect(Number.isNaN(bybit.takerBuyVolume[0])).toBe(true)
  })

  it('refuses candles whose high and low do not enclose the bar, by line', () => {
    const path = write(
      'bad-candles.csv',
      'open_time,open,high,low,close\n1,100,101,99,100\n2,100,99,98,100.5\n'
    )
    expect(() => loadCandlesFile(path)).toThrow(
      /line 3: high 99 and low 98 must enclose open 100 and close 100.5/
    )
  })

  it('reads Binance futures metrics in base units, with the symbol, skipping repeated times', () => {
    const path = write(
      'metrics.csv',
      [
        'create_time,symbol,sum_open_interest,sum_open_interest_value',
        '2024-08-08 00:00:00,BTCUSDT,100,6100000',
        '2024-08-08 00:00:00,BTCUSDT,100,6100000',
        '2024-08-08 00:05:00,BTCUSDT,101,6161000'
      ].join('\n')
    )
    const oi = loadOpenInterestFile(path)
    expect(oi).toMatchObject({ unit: 'base', symbol: 'BTCUSDT' })
    expect(Array.from(oi.openInterest)).toEqual([100, 101])
    expect(loadOpenInterestFile(path, 'quote').openInterest[0]).toBe(6100000)
    const bybit = loadOpenInterestFile(marketFixture('bybit-btcusdt-open-interest-1h.csv'))
    expect(bybit.symbol).toBeNull()
    expect(bybit.times.length).toBe(13)
  })

  it('refuses open interest going back in time', () => {
    const path = write('back.csv', 'timestamp,openInterest\n2000,1\n1000,2\n')
    expect(() => loadOpenInterestFile(path)).toThrow(/line 3: timestamps must ascend/)
  })
})
