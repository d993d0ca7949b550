import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findTierTable } from '../../../src/engine/margin/tierRegistry'
import { TierTableError } from '../../../src/engine/margin/tierTable'
import { loadTierSources, loadVenueTierFile } from '../../../src/main/marketData/tierFiles'
import { marketTemp } from './marketFiles'

const write = marketTemp()

describe('venue tier files', () => {
  it('reads Binance leverage brackets for several symbols from one file', () => {
    const path = write(
      'brackets.csv',
      [
        'symbol,bracket,initialLeverage,notionalCap,notionalFloor,maintMarginRatio,cum',
        'BTCUSDT,1,125,50000,0,0.004,0',
        'BTCUSDT,2,100,600000,50000,0.005,50',
        'ETHUSDT,1,100,10000,0,0.005,0',
        'ETHUSDT,2,75,100000,10000,0.0065,15'
      ].join('\n')
    )
    const tables = loadVenueTierFile(path, 'binance')
    expect(tables.map((table) => table.symbol)).toEqual(['BTCUSDT', 'ETHUSDT'])
    expect(Array.from(tables[0].amounts)).toEqual([0, 50])
    expect(Array.from(tables[1].maxLeverage)).toEqual([100, 75])
  })

  it("reads Bybit risk limits, which give each tier's cap and not its floor", () => {
    const path = write(
      'risk-limits.csv',
      [
        'id,symbol,riskLimitValue,maintenanceMargin,initialMargin,isLowestRisk,maxLeverage,mmDeduction',
        '1,BTCUSDT,2000000,0.005,0.01,1,100.00,',
        '2,BTCUSDT,4000000,0.01,0.0175,0,57.14,10000'
      ].join('\n')
    )
    const [table] = loadVenueTierFile(path, 'bybit')
    expect(Array.from(table.floors)).toEqual([0, 2_000_000])
    expect(table.amounts[1]).toBeCloseTo(10_000, 9)
  })

  it('names the line of a broken venue table', () => {
    const caps = write(
      'caps.csv',
      'symbol,notionalFloor,notionalCap,maintMarginRatio\nBTCUSDT,0,50000,0.004\nBTCUSDT,60000,90000,0.005\n'
    )
    expect(() => loadVenueTierFile(caps, 'binance')).toThrow(
      /tier table binance\/BTCUSDT, line 2: the tier ends at 50000 but the next one starts at 60000 \(line 3\)/
    )
    const recursion = write(
      'cum.csv',
      'symbol,notionalFloor,maintMarginRatio,cum\nBTCUSDT,0,0.004,0\nBTCUSDT,50000,0.005,49\n'
    )
    expect(() => loadVenueTierFile(recursion, 'binance')).toThrow(
      /line 3: maintenance_amount 49 breaks the recursion/
    )
    const text = write('text.csv', 'symbol,notionalFloor,maintMarginRatio\nBTCUSDT,0,low\n')
    expect(() => loadVenueTierFile(text, 'binance')).toThrow(
      new TierTableError('tier table binance/BTCUSDT, line 2: rate is not a number: "low"')
    )
    expect(() =>
      loadVenueTierFile(write('nosymbol.csv', 'notional_floor,mmr\n0,0.01\n'), 'okx')
    ).toThrow(/a venue file needs a symbol column/)
  })

  it('combines folders and venue files, later sources winning', () => {
    const folderTable = write(
      'tiers/okx/BTC-USDT-SWAP.csv',
      'notional_floor,maintenance_margin_rate\n0,0.004\n'
    )
    const venueFile = write(
      'okx.csv',
      'instId,minSz,maxSz,ctVal,mmr,maxLever\nBTC-USDT-SWAP,0,500,0.01,0.01,50\n'
    )
    const registry = loadTierSources(dirname(dirname(folderTable)), `okx=${venueFile}`)
    expect(findTierTable(registry, 'okx', 'BTC-USDT-SWAP')?.rates[0]).toBe(0.01)
    expect(
      findTierTable(loadTierSources(dirname(dirname(folderTable))), 'okx', 'BTC-USDT-SWAP')
        ?.rates[0]
    ).toBe(0.004)
  })

  it("reads OKX's position tiers as they come, in contracts, turned into sizes by ctVal", () => {
    const path = write(
      'position-tiers.csv',
      [
        'instId,tier,minSz,maxSz,mmr,imr,maxLever,ctVal',
        'ETH-USDT-SWAP,1,0,3000,0.004,0.008,125,0.1',
        'ETH-USDT-SWAP,2,3001,6000,0.005,0.01,100,0.1',
        'BTC-USDT-SWAP,1,0,500,0.004,0.008,125,0.01'
      ].join('\n')
    )
    const [eth, btc] = loadVenueTierFile(path, 'okx')
    expect(eth.measure).toBe('size')
    expect(Array.from(eth.floors)).toEqual([0, 300])
    expect(Array.from(eth.rates)).toEqual([0.004, 0.005])
    expect(Array.from(eth.maxLeverage)).toEqual([125, 100])
    expect(btc.symbol).toBe('BTC-USDT-SWAP')
    expect(Array.from(btc.floors)).toEqual([0])
  })

  it('refuses OKX tiers without ctVal, and a table counting in two units', () => {
    const noValue = write('no-ctval.csv', 'instId,minSz,maxSz,mmr\nETH-USDT-SWAP,0,3000,0.004\n')
    expect(() => loadVenueTierFile(noValue, 'okx')).toThrow(
      /tier table okx\/ETH-USDT-SWAP, line 2: tiers counted in contracts need contract_value \(OKX's ctVal/
    )
    const twoUnits = write(
      'two-units.csv',
      'symbol,notional_floor,size_floor,maintenance_margin_rate\nX,0,0,0.01\n'
    )
    expect(() => loadVenueTierFile(twoUnits, 'okx')).toThrow(
      new TierTableError(
        'tier table okx/X: gives tier bounds in more than one unit (notional and size): a table counts notional, size or contracts'
      )
    )
    const noBounds = write('no-bounds.csv', 'symbol,mmr\nX,0.01\n')
    expect(() => loadVenueTierFile(noBounds, 'okx')).toThrow(/tier table okx\/X: needs tier bounds/)
    const amount = write(
      'size-amount.csv',
      'symbol,size_floor,maintenance_margin_rate,maintenance_amount\nX,0,0.004,\nX,300,0.005,0.3\n'
    )
    expect(() => loadVenueTierFile(amount, 'okx')).toThrow(
      /tier table okx\/X, line 3: maintenance_amount 0.3 is not allowed in a size tier table/
    )
  })
})
