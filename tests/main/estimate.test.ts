import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { DEFAULT_ASSUMPTIONS, LEVERAGE_MIXES } from '../../src/shared/estimateTypes'
import type { EstimateAssumptions, EstimateFile } from '../../src/shared/estimateTypes'
import { bootMain, type Booted } from './serviceFixture'

const market = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/market/${name}`, import.meta.url)), 'utf8')

const KLINES = 'binance-um-btcusdt-1h-klines.csv'
const METRICS = 'binance-um-btcusdt-metrics-5m.csv'
const ASSUMPTIONS: EstimateAssumptions = { ...DEFAULT_ASSUMPTIONS, symbol: 'BTCUSDT' }

let main: Booted
beforeEach(async () => {
  main = await bootMain()
})
afterEach(() => main.services.dispose())

async function stage(role: EstimateFile['role'], name: string, text = market(name)) {
  return main.handlers['import:estimateStage']({ role, name, text })
}

async function stageBoth() {
  const candles = await stage('candles', KLINES)
  const openInterest = await stage('openInterest', METRICS)
  return { candles: candles.fileId, openInterest: openInterest.fileId }
}

describe('estimating a book in the cockpit', () => {
  it('reads each staged market file and says what it holds', async () => {
    const candles = await stage('candles', KLINES)
    expect(candles).toMatchObject({ role: 'candles', rows: 24, takerFlow: true, problem: null })
    const openInterest = await stage('openInterest', METRICS)
    expect(openInterest).toMatchObject({ unit: 'base', symbol: 'BTCUSDT', problem: null })
    expect(openInterest.rows).toBeGreaterThan(200)
  })

  it('names the file and its bad lines, not the temporary copy', async () => {
    const bad = `${market(KLINES).trimEnd()}\n1723161600000,62000,61000,61500,61800,10\n`
    const candles = await stage('candles', 'mine.csv', bad)
    expect(candles.rows).toBe(0)
    expect(candles.problem).toMatch(/^candles mine\.csv: 1 bad row: line 26: high 61000/)
    const ids = {
      candles: candles.fileId,
      openInterest: (await stage('openInterest', METRICS)).fileId
    }
    const preview = await main.handlers['import:estimatePreview']({
      ...ids,
      assumptions: ASSUMPTIONS
    })
    expect(preview).toMatchObject({ status: 'problem', field: 'candles' })
  })

  it('previews what the inference did without touching the book', async () => {
    const before = main.services.books.currentVersion
    const preview = await main.handlers['import:estimatePreview']({
      ...(await stageBoth()),
      assumptions: ASSUMPTIONS
    })
    if (preview.status !== 'ok') throw new Error(preview.message)
    expect(preview.summary.bars).toBe(24)
    expect(preview.summary.opened).toBeGreaterThan(0)
    // Every position is one bar's opening at one leverage on one side.
    expect(preview.positions).toBeLessThanOrEqual(24 * LEVERAGE_MIXES.mid.length * 2)
    expect(preview.longNotional + preview.shortNotional).toBeGreaterThan(0)
    expect(main.services.books.currentVersion).toBe(before)
  })

  it('says which assumption cannot hold, and when the files do not overlap', async () => {
    const ids = await stageBoth()
    const halfMix = { ...ASSUMPTIONS, leverageMix: [{ leverage: 10, share: 0.5 }] }
    expect(await main.handlers['import:estimatePreview']({ ...ids, assumptions: halfMix })).toEqual(
      {
        status: 'problem',
        field: 'assumptions',
        message: "the leverage mix's shares sum to 0.5, not 1"
      }
    )
    const later = 'timestamp,openInterest\n1893456000000,100\n1893459600000,110\n'
    const openInterest = (await stage('openInterest', 'later.csv', later)).fileId
    const preview = await main.handlers['import:estimatePreview']({
      candles: ids.candles,
      openInterest,
      assumptions: ASSUMPTIONS
    })
    expect(preview).toMatchObject({ status: 'problem', field: 'overlap' })
  })

  it('refuses a request the schema does not allow, before any handler runs', async () => {
    const ids = await stageBoth()
    await expect(
      dispatch(main.handlers, 'import:estimatePreview', {
        ...ids,
        assumptions: { ...ASSUMPTIONS, entryPrice: 'vwap' }
      })
    ).rejects.toThrow(/import:estimatePreview: invalid request/)
    await expect(
      dispatch(main.handlers, 'import:estimateStage', { role: 'trades', name: 'a.csv', text: '' })
    ).rejects.toThrow(/invalid request/)
  })

  it('replaces the book with the estimate, named after the files, and offers the band', async () => {
    const result = await main.handlers['import:estimateStart']({
      ...(await stageBoth()),
      assumptions: ASSUMPTIONS
    })
    expect(result).toMatchObject({
      status: 'done',
      workspaceName: 'binance-um-btcusdt-1h-klines + binance-um-btcusdt-metrics-5m'
    })
    const changed = main.events.filter(({ event }) => event === 'book:changed').at(-1)
    expect(changed?.payload).toMatchObject({
      reason: 'import',
      workspaceName: result.status === 'done' ? result.workspaceName : ''
    })
    const info = await main.handlers['app:workspace'](undefined)
    expect(info.description).toMatch(/leverage 5x 20%, 10x 35%, 25x 30%, 50x 15%/)

    const request = { underlying: 'BTC', binCount: 60, span: 0.35, breakdown: 'side' as const }
    const plain = await main.handlers['heatmap:bins'](request)
    expect(plain.estimate).toEqual({ mixes: ['low', 'mid', 'high'] })
    expect(plain.band).toBeUndefined()
    const banded = await main.handlers['heatmap:bins']({ ...request, band: true })
    const band = banded.band!
    expect(band.mixes.map((mix) => mix.name)).toEqual(['low', 'mid', 'high'])
    expect(band.high.long).toHaveLength(60)
    for (let j = 0; j < 60; j++) {
      expect(band.low.long[j]).toBeLessThanOrEqual(band.high.long[j])
      expect(band.low.short[j]).toBeLessThanOrEqual(band.high.short[j])
    }
    // The mid mix is the book's own: its band profile is the heatmap's liquidations, bin by bin.
    const mid = band.mixes.find((mix) => mix.name === 'mid')!
    for (let j = 0; j < 60; j++) {
      expect(mid.long[j]).toBeCloseTo(banded.long[j], 3)
      expect(mid.short[j]).toBeCloseTo(banded.short[j], 3)
    }
    expect(banded.long.some((notional) => notional > 0)).toBe(true)
  })

  it('keeps the heatmap of a book that is not an estimate as it was', async () => {
    const bins = await main.handlers['heatmap:bins']({
      underlying: 'BTC',
      binCount: 60,
      span: 0.35,
      breakdown: 'side',
      band: true
    })
    expect(bins.estimate).toBeUndefined()
    expect(bins.band).toBeUndefined()
  })

  it('leaves the book as it was when the estimate is cancelled', async () => {
    const ids = await stageBoth()
    const before = main.services.books.current.name
    const running = main.handlers['import:estimateStart']({ ...ids, assumptions: ASSUMPTIONS })
    const started = main.events.find(({ event }) => event === 'app:task')
    main.services.tasks.cancel((started!.payload as { id: string }).id)
    expect(await running).toEqual({ status: 'cancelled' })
    expect(main.services.books.current.name).toBe(before)
  })
})
