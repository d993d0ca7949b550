import { describe, expect, it } from 'vitest'
import {
  count,
  leverage,
  money,
  percent,
  price,
  signedPercent,
  venueLabel
} from '../../src/renderer/src/format'

describe('number formats', () => {
  it('writes money compactly, with a real minus sign', () => {
    expect(money(2.41e9)).toBe('$2.41B')
    expect(money(94.79e6)).toBe('$94.8M')
    expect(money(512e6)).toBe('$512M')
    expect(money(12_400)).toBe('$12.4k')
    expect(money(512)).toBe('$512')
    expect(money(-3e6)).toBe('−$3.00M')
    expect(money(null)).toBe('—')
    expect(money(NaN)).toBe('—')
  })

  it('writes prices to the precision their size needs', () => {
    expect(price(61_800)).toBe('61,800')
    expect(price(2_680)).toBe('2,680.00')
    expect(price(155.234)).toBe('155.23')
    expect(price(0.041234)).toBe('0.04123')
  })

  it('signs percentages and multiples', () => {
    expect(signedPercent(-0.0907)).toBe('−9.07%')
    expect(signedPercent(0.012)).toBe('+1.20%')
    expect(percent(0.05, 0)).toBe('5%')
    expect(leverage(10)).toBe('10×')
    expect(leverage(12.5)).toBe('12.5×')
    expect(count(1_000_000)).toBe('1,000,000')
  })

  it('names venues as people write them', () => {
    expect(venueLabel('okx')).toBe('OKX')
    expect(venueLabel('aave-v3')).toBe('Aave v3')
    expect(venueLabel('deribit')).toBe('deribit')
  })
})
