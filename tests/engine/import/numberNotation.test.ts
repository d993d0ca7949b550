import { describe, expect, it } from 'vitest'
import {
  parseDecimal,
  parseFraction,
  parseLeverage
} from '../../../src/engine/import/numberNotation'

describe('parseDecimal', () => {
  it.each([
    ['1234.5', 1234.5],
    ['-0.25', -0.25],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-3', 0.0025],
    ['1,234,567.89', 1234567.89],
    ['-1,000', -1000],
    ['1_000_000', 1_000_000],
    ['1_000.000_5', 1000.0005]
  ])('reads %s', (text, value) => {
    expect(parseDecimal(text)).toBe(value)
  })

  it.each([
    '',
    ' ',
    'abc',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1,5',
    '12,34',
    '1,2345',
    '1__0',
    '_1',
    '1_',
    '1,000_000',
    '1e400',
    '1.2.3',
    '--1',
    '1 000'
  ])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeNull()
  })
})

describe('parseFraction', () => {
  it('reads plain fractions and percents, exactly', () => {
    expect(parseFraction('0.005')).toBe(0.005)
    expect(parseFraction('0.5%')).toBe(0.005)
    expect(parseFraction('82.5 %')).toBe(0.825)
    expect(parseFraction('0.07%')).toBe(0.0007)
    expect(parseFraction('1e-1%')).toBeCloseTo(0.001, 15)
  })

  it('rejects a bare or doubled percent sign', () => {
    expect(parseFraction('%')).toBeNull()
    expect(parseFraction('5%%')).toBeNull()
    expect(parseFraction('five%')).toBeNull()
  })
})

describe('parseLeverage', () => {
  it.each([
    ['10', 10],
    ['10x', 10],
    ['10X', 10],
    ['12.5 x', 12.5]
  ])('reads %s', (text, value) => {
    expect(parseLeverage(text)).toBe(value)
  })

  it('rejects what is not a multiple', () => {
    expect(parseLeverage('x')).toBeNull()
    expect(parseLeverage('10xx')).toBeNull()
    expect(parseLeverage('ten')).toBeNull()
  })
})
