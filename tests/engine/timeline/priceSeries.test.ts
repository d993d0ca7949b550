import { describe, expect, it } from 'vitest'
import {
  parsePriceSeries,
  priceAtSeconds,
  PriceSeriesError
} from '../../../src/engine/timeline/priceSeries'

describe('parsePriceSeries', () => {
  it('reads timestamp,price rows, times from the first row, in seconds', () => {
    const series = parsePriceSeries('timestamp,price\r\n1000,50\n\n1060,55\n1120,45\n', 's')
    expect(Array.from(series.seconds)).toEqual([0, 60, 120])
    expect(Array.from(series.prices)).toEqual([50, 55, 45])
    const ms = parsePriceSeries('timestamp,price\n1000000,1\n1060000,2', 'ms')
    expect(Array.from(ms.seconds)).toEqual([0, 60])
  })

  it('refuses a bad header, bad cells, unsorted times and a single row, by line', () => {
    const fails = (text: string) => () => parsePriceSeries(text, 's')
    expect(fails('time,price\n0,1\n1,2')).toThrow(/line 1: the header must be "timestamp,price"/)
    expect(fails('timestamp,price\n0,1\n1,abc')).toThrow(
      /line 3: expected "timestamp,price" numbers/
    )
    expect(fails('timestamp,price\n0,1\n0,2')).toThrow(/line 3: timestamps must ascend/)
    expect(fails('timestamp,price\n0,1')).toThrow(PriceSeriesError)
  })
})

describe('priceAtSeconds', () => {
  const series = parsePriceSeries('timestamp,price\n0,100\n100,200\n200,150', 's')

  it('interpolates linearly between rows and holds the last price after the end', () => {
    expect(priceAtSeconds(series, 0)).toBe(100)
    expect(priceAtSeconds(series, 50)).toBe(150)
    expect(priceAtSeconds(series, 150)).toBe(175)
    expect(priceAtSeconds(series, 200)).toBe(150)
    expect(priceAtSeconds(series, 10_000)).toBe(150)
  })
})
