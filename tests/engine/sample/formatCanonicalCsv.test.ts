import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import {
  formatLendingLegCsvLine,
  formatPositionCsvLine,
  lendingLegCsvHeader,
  positionCsvHeader
} from '../../../src/engine/sample/formatCanonicalCsv'
import { sampleLendingLegs } from '../../../src/engine/sample/sampleLendingLegs'
import { samplePositions } from '../../../src/engine/sample/samplePositions'

const NUMBER_COLUMNS = [
  ['size', 'size'],
  ['entry_price', 'entryPrice'],
  ['margin', 'margin'],
  ['leverage', 'leverage'],
  ['mmr', 'mmr'],
  ['maintenance_amount', 'maintenanceAmount'],
  ['wallet_balance', 'walletBalance'],
  ['mark_price', 'markPrice']
] as const

function fieldsOf(line: string): string[] {
  const [record] = parse(line) as string[][]
  return record
}

function numberOrNull(field: string): number | null {
  return field === '' ? null : Number(field)
}

const row: PositionRow = {
  id: 'P0000001',
  account: 'A00001',
  venue: 'binance',
  symbol: 'BTCUSDT',
  contract: 'linear',
  side: -1,
  size: 0.1 + 0.2,
  entryPrice: 61800.3,
  marginMode: 'cross',
  margin: null,
  leverage: 20,
  mmr: null,
  maintenanceAmount: null,
  walletBalance: 1234.56,
  markPrice: 61800
}

describe('canonical position CSV', () => {
  it('names the fifteen canonical columns', () => {
    expect(positionCsvHeader()).toBe(
      'id,account,venue,symbol,contract,side,size,entry_price,margin_mode,margin,leverage,mmr,maintenance_amount,wallet_balance,mark_price'
    )
  })

  it('writes side as long/short and nulls as empty cells', () => {
    expect(formatPositionCsvLine(row)).toBe(
      'P0000001,A00001,binance,BTCUSDT,linear,short,0.30000000000000004,61800.3,cross,,20,,,1234.56,61800'
    )
    expect(fieldsOf(formatPositionCsvLine({ ...row, side: 1 }))[5]).toBe('long')
  })

  it('quotes only fields holding a comma, quote or newline', () => {
    const odd = { ...row, account: 'desk, "alpha"', symbol: 'BTC\nUSDT' }
    const line = formatPositionCsvLine(odd)
    expect(line).toContain('"desk, ""alpha"""')
    expect(fieldsOf(line)).toHaveLength(15)
    expect(fieldsOf(line).slice(1, 4)).toEqual(['desk, "alpha"', 'binance', 'BTC\nUSDT'])
  })

  it('gives every sample row fifteen fields whose numbers read back exactly', () => {
    const header = positionCsvHeader().split(',')
    for (const sample of samplePositions({ rows: 2_000, seed: 9 })) {
      const fields = fieldsOf(formatPositionCsvLine(sample))
      expect(fields).toHaveLength(15)
      expect(fields[0]).toBe(sample.id)
      for (const [column, key] of NUMBER_COLUMNS) {
        expect(numberOrNull(fields[header.indexOf(column)])).toBe(sample[key])
      }
    }
  })

  it('round-trips any finite double', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
        (size) => Number(fieldsOf(formatPositionCsvLine({ ...row, size }))[6]) === size
      )
    )
  })
})

describe('canonical lending leg CSV', () => {
  it('names the seven canonical columns', () => {
    expect(lendingLegCsvHeader()).toBe(
      'account,protocol,asset,role,amount,liquidation_threshold,liquidation_bonus'
    )
  })

  it('writes every sample leg as seven fields that read back exactly', () => {
    for (const leg of sampleLendingLegs({ positions: 500, seed: 2 })) {
      const fields = fieldsOf(formatLendingLegCsvLine(leg))
      expect(fields).toHaveLength(7)
      expect(fields.slice(0, 4)).toEqual([leg.account, leg.protocol, leg.asset, leg.role])
      expect(Number(fields[4])).toBe(leg.amount)
      expect(numberOrNull(fields[5])).toBe(leg.liquidationThreshold)
      expect(numberOrNull(fields[6])).toBe(leg.liquidationBonus)
    }
  })
})
