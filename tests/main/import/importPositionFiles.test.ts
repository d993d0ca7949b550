import { describe, expect, it } from 'vitest'
import { positionAt } from '../../../src/engine/book/book'
import {
  ImportCancelledError,
  importPositionFiles,
  type ImportProgress
} from '../../../src/main/import/importFiles'
import { tempFiles } from './importTestFiles'

const files = tempFiles()
const HEADER = 'id,venue,symbol,side,size,entry_price,leverage,mmr'

describe('importPositionFiles', () => {
  const monday = files.write(
    'monday.csv',
    `${HEADER}\np1,binance,BTCUSDT,long,1,60000,10,0.005\np2,okx,BTC-USDT-SWAP,short,2,61000,5,0.005\np3,okx,ETH-USDT-SWAP,long,3,2600,5,0.005\n`
  )
  const tuesday = files.write(
    'tuesday.csv',
    `${HEADER}\np9,okx,BTC-USDT-SWAP,long,1,60500,10,0.005\np1,okx,ETH-USDT-SWAP,short,1,2610,10,0.005\n`
  )

  it('appends files into one book and reports ids another file already used', async () => {
    const { book, files: summaries, notes } = await importPositionFiles([monday, tuesday])
    expect(book.ids.slice(0, book.length)).toEqual(['p1', 'p2', 'p3', 'p9'])
    expect(summaries.map((s) => [s.read, s.imported, s.rejected])).toEqual([
      [3, 3, 0],
      [2, 1, 1]
    ])
    expect(summaries[1].errors).toEqual([
      { line: 3, column: 'id', reason: 'duplicate id "p1", first seen on line 2 of monday' }
    ])
    expect(notes).toEqual([])
  })

  it("replaces the earlier files' positions on the venues a later file has", async () => {
    const { book, notes } = await importPositionFiles([monday, tuesday], { merge: 'replace' })
    expect(book.ids.slice(0, book.length)).toEqual(['p1', 'p9'])
    expect(positionAt(book, 0).venue).toBe('binance')
    expect(notes).toEqual(['tuesday replaces venue okx: 2 positions of monday dropped'])
  })

  it('reports progress across every file and cancels without a result', async () => {
    const seen: ImportProgress[] = []
    await importPositionFiles([monday, tuesday], { onProgress: (progress) => seen.push(progress) })
    const last = seen.at(-1)!
    expect(last.bytesRead).toBe(last.totalBytes)
    expect(last.rowsRead).toBe(5)
    const controller = new AbortController()
    controller.abort()
    await expect(
      importPositionFiles([monday, tuesday], { signal: controller.signal })
    ).rejects.toBeInstanceOf(ImportCancelledError)
  })

  it('reads each file with the preset detected for it', async () => {
    const binance = files.write(
      'binance.csv',
      'symbol,positionAmt,entryPrice,markPrice,unRealizedProfit,liquidationPrice,leverage,maxNotionalValue,marginType,isolatedMargin,isAutoAddMargin,positionSide,notional,isolatedWallet,updateTime\nBTCUSDT,0.5,60000,61000,500,54000,10,1000000,isolated,3500,false,BOTH,30500,3000,0\n'
    )
    const { book, files: summaries } = await importPositionFiles([monday, binance], {
      preset: 'auto'
    })
    expect(summaries.map((summary) => summary.mapping?.preset)).toEqual([
      'canonical',
      'binance-usdm'
    ])
    expect(positionAt(book, 3)).toMatchObject({ id: 'binance:2', venue: 'binance', size: 0.5 })
  })
})
